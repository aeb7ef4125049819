/** The switch service: sessions per switch per job, live port facts and console, transcripts. */
export { createSwitchService } from './switch-service';
export type {
  ConnectRequest,
  HostKeyChange,
  SavedTranscript,
  SessionKey,
  SwitchRoute,
  SwitchService,
  SwitchServiceOptions,
  SwitchSessionView,
} from './switch-service';
export { createCredentialVault } from './credentials';
export type { CredentialKeeping, SwitchCredentialVault } from './credentials';
export type { RolePreview, SwitchListener, SwitchUpdate } from './live-switch';
