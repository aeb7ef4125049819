import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSwitch, newHostKey, serveSsh } from '../../sim/switch';
import { fileHostKeyStore, memoryHostKeyStore, type HostKeyStore } from './host-keys';
import { openSshTransport } from './ssh-transport';

const login = { username: 'admin', password: 'key-pass', enableSecret: 'key-enable' };

/** A switch served over SSH with a given host key; connect, note the fingerprint, close. */
async function connectOnce(
  hostKey: string,
  store: HostKeyStore,
  trustNewKey?: string,
): Promise<string> {
  const server = await serveSsh(demoSwitch('cisco_ios', { credentials: login }), {
    port: 0,
    hostKey,
  });
  try {
    const transport = await openSshTransport({
      host: server.host,
      port: server.port,
      ...login,
      hostKeys: { store, switchKey: 'site-1/switch-a', ...(trustNewKey ? { trustNewKey } : {}) },
    });
    await transport.close();
    return transport.hostKeyFingerprint;
  } finally {
    await server.close();
  }
}

describe('SSH host keys pinned per switch', () => {
  const original = newHostKey();
  const replaced = newHostKey();

  it('pins on first use, refuses a changed key naming both, and trusts the new key once confirmed', async () => {
    const store = memoryHostKeyStore();
    const first = await connectOnce(original, store);
    expect(first).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(await store.get('site-1/switch-a')).toMatchObject({ fingerprint: first });
    expect(await connectOnce(original, store)).toBe(first);

    const error = await connectOnce(replaced, store).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_HOST_KEY_CHANGED', detail: { pinned: first } });
    const presented = (error.detail as { presented: string }).presented;
    expect(presented).not.toBe(first);
    expect(error.message).toContain(`pinned ${first}, now ${presented}`);
    expect(error.message).toContain('confirm the new key');
    // Refused: the old key stays pinned.
    expect(await store.get('site-1/switch-a')).toMatchObject({ fingerprint: first });

    // A confirmation of some other key does not let the changed one in.
    const wrongConfirm = await connectOnce(replaced, store, first).catch((e) => e);
    expect(wrongConfirm).toMatchObject({ code: 'SWITCH_HOST_KEY_CHANGED' });

    expect(await connectOnce(replaced, store, presented)).toBe(presented);
    expect(await store.get('site-1/switch-a')).toMatchObject({ fingerprint: presented });
    expect(await connectOnce(replaced, store)).toBe(presented);
    expect(await connectOnce(original, store).catch((e) => e.code)).toBe('SWITCH_HOST_KEY_CHANGED');
  });

  it('keeps pinned keys in a file across stores', async () => {
    const path = join(tmpdir(), `dialtone-keys-${randomUUID()}`, 'host-keys.json');
    const first = await connectOnce(original, fileHostKeyStore(path));
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
      'site-1/switch-a': { fingerprint: first },
    });
    const error = await connectOnce(replaced, fileHostKeyStore(path)).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_HOST_KEY_CHANGED' });
  });
});
