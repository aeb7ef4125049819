import type { ConnectionState, Connectivity } from '../ipc';

/**
 * The connection the engineer is shown: the platform Dialtone is set to, turned "offline"
 * (with the reason) when they chose to work offline or a health check found it unreachable.
 * Before the first health check reachability is unknown, which is not offline.
 */
export function effectiveConnection(
  configured: ConnectionState,
  connectivity: Connectivity | null,
): ConnectionState {
  if (configured.kind === 'offline' || !connectivity) return configured;
  if (connectivity.workOffline) {
    return {
      kind: 'offline',
      platformUrl: configured.platformUrl,
      reason: 'working offline by choice',
    };
  }
  if (!connectivity.reachable && connectivity.checkedAt !== null) {
    return {
      kind: 'offline',
      platformUrl: configured.platformUrl,
      reason: connectivity.reason ?? 'the platform does not answer',
    };
  }
  return configured;
}
