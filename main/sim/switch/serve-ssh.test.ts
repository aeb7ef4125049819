import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { newHostKey } from './serve-ssh';

describe("the simulator's SSH host keys", () => {
  it('throws away a key ssh2 cannot read back and makes another', () => {
    const good = ssh2.utils.generateKeyPairSync('ed25519');
    // Unreadable, as about one key in 256 that ssh2 1.17 makes is (its public part cut short).
    const malformed = { private: good.private.replace(/[A-Za-z0-9+/]{20}/, '!'), public: 'x' };
    const made = [malformed, malformed, good];
    let asked = 0;
    const key = newHostKey(() => made[asked++]!);
    expect(asked).toBe(3);
    expect(key).toBe(good.private);
    expect(ssh2.utils.parseKey(key)).not.toBeInstanceOf(Error);
  });
});
