/** Vendor drivers: intents (identify, read, apply/verify a role, save, watch links) over a session. */
import type { SwitchVendor } from '../../../shared/platform/schemas';
import type { SwitchSession } from '../session';
import { arubaAossDriver } from './aruba-aoss-driver';
import { ciscoIosDriver } from './cisco-ios-driver';
import type { SwitchDriver } from './switch-driver';

export type {
  InterfaceReading,
  InterfaceStatus,
  LinkChange,
  MacEntry,
  Neighbour,
  PoePort,
  RoleApplied,
  RoleChecked,
  SaveConfirmation,
  SwitchDriver,
  SwitchIdentity,
} from './switch-driver';
export { ciscoIosDriver } from './cisco-ios-driver';
export { arubaAossDriver } from './aruba-aoss-driver';

/** The driver for a session's vendor. */
export function driverFor(session: SwitchSession): SwitchDriver {
  const drivers: Record<SwitchVendor, (session: SwitchSession) => SwitchDriver> = {
    cisco_ios: ciscoIosDriver,
    aruba_aoss: arubaAossDriver,
  };
  return drivers[session.vendor](session);
}
