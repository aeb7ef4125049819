import { CodedError } from '../../shared/errors';
import type { PlatformConnection } from '../app/platform-connection';
import { normaliseBaseUrl, type PlatformSettings } from '../platform/settings';
import type { settingsDomain } from '../../shared/ipc';
import type { DomainHandlers } from './router';
import { count } from '../../shared/wording';

/** Platform changes the engineer made that have not reached the platform yet. */
export interface UnsyncedChanges {
  changes: number;
  jobs: number;
}

export interface SettingsHandlerDeps {
  settings: PlatformSettings;
  connection: PlatformConnection;
  unsyncedChanges(): Promise<UnsyncedChanges>;
}

export const SETTINGS_UNSYNCED_CHANGES = 'SETTINGS_UNSYNCED_CHANGES';

/**
 * The settings channels: check-then-save, then reconnect; the token never goes back to the
 * page. Switching to another platform waits until every queued change has reached the one it
 * was made for: the outbox must never deliver a change to the wrong platform.
 */
export function createSettingsChannelHandlers(
  deps: SettingsHandlerDeps,
): DomainHandlers<typeof settingsDomain> {
  async function refuseIfUnsynced(
    target: { kind: 'demo' } | { kind: 'platform'; baseUrl: string },
  ) {
    const current = deps.settings.current();
    const same =
      current.kind === target.kind &&
      (current.kind === 'demo' ||
        (target.kind === 'platform' && current.baseUrl === normaliseBaseUrl(target.baseUrl)));
    if (same) return;
    const { changes, jobs } = await deps.unsyncedChanges();
    if (changes === 0) return;
    const where = current.kind === 'demo' ? 'the demo platform' : current.baseUrl;
    throw new CodedError(
      SETTINGS_UNSYNCED_CHANGES,
      `${count(changes, 'change', 'changes')} in ${count(jobs, 'job', 'jobs')} ${changes === 1 ? 'has' : 'have'} not reached ${where} yet. Sync ${changes === 1 ? 'it' : 'them'} (or discard ${changes === 1 ? 'it' : 'them'} on the job page) before switching platforms, so nothing is sent to the wrong one. Nothing was changed.`,
      { changes, jobs },
    );
  }

  return {
    'settings:get': async () => ({ target: deps.settings.current() }),
    'settings:usePlatform': async ({ baseUrl, token }) => {
      await refuseIfUnsynced({ kind: 'platform', baseUrl });
      const check = await deps.settings.usePlatform({ baseUrl, token });
      await deps.connection.apply();
      return { target: deps.settings.current(), operatorName: check.operator.name };
    },
    'settings:useDemo': async () => {
      await refuseIfUnsynced({ kind: 'demo' });
      deps.settings.useDemo();
      await deps.connection.apply();
      return { target: deps.settings.current() };
    },
  };
}
