/** Bytes to and from a switch console: serial (USB-serial cable), SSH, or in-process to a simulator. */
export type { Transport, TransportClosed, TransportKind } from './transport';
export { connectInProcess } from './in-process-transport';
export type { InProcessEndpoint } from './in-process-transport';
export { openSerialTransport, serialOpenError } from './serial-transport';
export type { SerialOptions, SerialTransport } from './serial-transport';
export { CONSOLE_SPEEDS, readsLikeText } from './probe-speed';
export { listSerialPorts } from './serial-ports';
export type { SerialPortInfo, ListSerialPortsOptions } from './serial-ports';
export { openSshTransport } from './ssh-transport';
export type { SshOptions, SshTransport } from './ssh-transport';
export { adapterName } from './usb-adapters';
export {
  checkHostKey,
  fileHostKeyStore,
  hostKeyChangedError,
  memoryHostKeyStore,
} from './host-keys';
export type { HostKeyCheck, HostKeyStore, PinnedHostKey } from './host-keys';
