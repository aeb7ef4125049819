export {
  DEFAULT_REGISTRATION_DELAY_MS,
  startPlatformSimulator,
  type PlatformSimulator,
  type PlatformSimulatorOptions,
} from './server';
export { FaultSettings, type FaultSettingsInput } from './faults';
export { RateLimitSettings } from './rate-limit';
export { LinkTable, type LinkChange } from './links';
export type { RegistrationAttempt, RegistrationChange } from './registration';
export { takeSiteSnapshot } from './routes/snapshot';
