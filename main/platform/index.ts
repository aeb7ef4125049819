export {
  createPlatformClient,
  type CallOptions,
  type CallResult,
  type MutationOptions,
  type PlatformClient,
  type PlatformClientOptions,
  type RegisterHandsetInput,
} from './client';
export {
  createHttpTransport,
  type HttpAnswer,
  type HttpRequest,
  type HttpTransport,
} from './http-transport';
export { PLATFORM_ERROR_CODES, platformCode, type PlatformErrorDetail } from './platform-errors';
export {
  createPlatformSettings,
  normaliseBaseUrl,
  SETTINGS_ERROR_CODES,
  type PlatformCheck,
  type PlatformTarget,
  type PlatformSettings,
  type PlatformSettingsOptions,
  type TokenCipher,
} from './settings';
