import type { SwitchVendor } from '../../../shared/platform/schemas';
import { loadDemoWorld } from '../world/load';
import { firstSwitchOfVendor, switchFromWorld, type SwitchFromWorldOptions } from './from-world';
import type { SimulatedSwitch } from './simulated-switch';

/** The demo world's first switch of a vendor, as a simulator (tests, `switch simulate`, the demo). */
export function demoSwitch(vendor: SwitchVendor, options: SwitchFromWorldOptions): SimulatedSwitch {
  const world = loadDemoWorld();
  return switchFromWorld(world, firstSwitchOfVendor(world, vendor), options);
}
