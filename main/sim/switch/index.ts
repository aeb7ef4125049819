/**
 * Simulated Cisco IOS and Aruba AOS-S switches, built from a world: open a console in-process,
 * serve one on a PTY or over SSH, and plug handsets in and out.
 */
export { SimulatedSwitch } from './simulated-switch';
export type {
  ConsoleQuirks,
  SimulatedSwitchOptions,
  SimPortConfig,
  OpenConsoleOptions,
} from './simulated-switch';
export type { SimConsoleEndpoint } from './console-endpoint';
export type {
  AttachedDevice,
  PlugInDevice,
  SimPort,
  SwitchCredentials,
  SwitchEvent,
} from './switch-model';
export { switchFromWorld, firstSwitchOfVendor } from './from-world';
export type { SwitchFromWorldOptions } from './from-world';
export { servePty } from './serve-pty';
export type { PtyServer, ServePtyOptions } from './serve-pty';
export { newHostKey, serveSsh } from './serve-ssh';
export type { SshServer, ServeSshOptions } from './serve-ssh';
export { demoSwitch } from './demo-switch';
export { scriptConsole } from './scripted-console';
export type { ScriptedConsole } from './scripted-console';
