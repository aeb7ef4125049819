import type { PlatformConnection } from '../app/platform-connection';
import type { PlatformSettings } from '../platform/settings';
import type { ChannelHandlers } from './router';

type SettingsChannel = 'settings:get' | 'settings:usePlatform' | 'settings:useDemo';

export interface SettingsHandlerDeps {
  settings: PlatformSettings;
  connection: PlatformConnection;
}

/** The settings channels: check-then-save, then reconnect; the token never goes back to the page. */
export function createSettingsChannelHandlers(
  deps: SettingsHandlerDeps,
): Pick<ChannelHandlers, SettingsChannel> {
  return {
    'settings:get': async () => ({ target: deps.settings.current() }),
    'settings:usePlatform': async ({ baseUrl, token }) => {
      const check = await deps.settings.usePlatform({ baseUrl, token });
      await deps.connection.apply();
      return { target: deps.settings.current(), operatorName: check.operator.name };
    },
    'settings:useDemo': async () => {
      deps.settings.useDemo();
      await deps.connection.apply();
      return { target: deps.settings.current() };
    },
  };
}
