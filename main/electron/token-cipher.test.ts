import { describe, expect, it, vi } from 'vitest';
import { safeStorageCipher } from './token-cipher';

vi.mock('electron', () => ({}));

function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    // A reversible stand-in for the OS keychain: what matters is that main never stores plain text.
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
    decryptString: (data: Buffer) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
  };
}

describe('safeStorage token cipher', () => {
  it('round-trips the token without keeping it in plain text', () => {
    const cipher = safeStorageCipher(fakeSafeStorage(true) as never, 'darwin');
    const stored = cipher!.encrypt('secret-token');
    expect(stored).not.toContain('secret-token');
    expect(cipher!.decrypt(stored)).toBe('secret-token');
  });

  it('offers no cipher when the OS has no secure storage', () => {
    expect(safeStorageCipher(fakeSafeStorage(false) as never, 'win32')).toBeUndefined();
  });

  it("offers no cipher on Linux when safeStorage would use its hard-coded 'basic_text' key", () => {
    expect(
      safeStorageCipher(fakeSafeStorage(true, 'basic_text') as never, 'linux'),
    ).toBeUndefined();
    expect(safeStorageCipher(fakeSafeStorage(true, 'kwallet5') as never, 'linux')).toBeDefined();
  });
});
