import type { SwitchOverviewItem } from '../../../shared/ipc';

/** A site switch of the overview, never connected in this job, no login held. */
export function switchNotConnected(
  item: Pick<SwitchOverviewItem, 'switchId' | 'hostname' | 'model'>,
): SwitchOverviewItem {
  return {
    vendor: 'cisco_ios',
    interfaceCount: 24,
    consoleBaud: 9600,
    hasLogin: false,
    session: null,
    identification: null,
    changesAllowed: false,
    ...item,
  };
}
