import type { SafeStorage } from 'electron';
import type { TokenCipher } from '../platform/settings';

/**
 * The platform token at rest, encrypted by the OS keychain through Electron's safeStorage.
 * Undefined where the OS offers no secure storage (e.g. Linux without a keyring, where
 * safeStorage would fall back to a hard-coded key): the token then stays in memory only.
 */
export function safeStorageCipher(
  safeStorage: SafeStorage,
  platform = process.platform,
): TokenCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
    return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
