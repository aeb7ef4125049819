/** Parsers for switch `show` output: pure functions, never throwing, records or a typed error. */
export type { ParseError, ParseResult } from './parse-result';
export type { InterfaceConfig } from './interface-config';
export { parseShowOutput, supportedCommands, type UnsupportedCommand } from './parse-show-output';
export { resolveShowCommand, SHOW_COMMANDS, type ShowCommand } from './show-commands';
export { parseInterfaceConfig } from './parse-interface-config';
export { cleanShowOutput } from './clean-output';
export { normalizeMac, macFromCiscoPhoneName } from './mac-address';
export {
  abbreviateCiscoInterfaceName,
  normalizeCiscoInterfaceName,
  sameCiscoInterface,
} from './cisco-interface-name';
export { normalizeArubaPortName, portListIncludes } from './aruba-port-name';
export { formatVlanList, parseVlanList } from './vlan-list';
export { parseCiscoShowVersion, type CiscoVersion } from './cisco-show-version';
export {
  parseCiscoShowInterfacesStatus,
  type CiscoInterfaceStatus,
} from './cisco-show-interfaces-status';
export {
  parseCiscoShowInterfacesSwitchport,
  type CiscoSwitchport,
} from './cisco-show-interfaces-switchport';
export { parseCiscoRunningConfigInterface } from './cisco-show-running-config';
export {
  parseCiscoShowLldpNeighborsDetail,
  type CiscoLldpNeighbor,
} from './cisco-show-lldp-neighbors-detail';
export {
  parseCiscoShowCdpNeighborsDetail,
  type CiscoCdpNeighbor,
} from './cisco-show-cdp-neighbors-detail';
export { parseCiscoShowPowerInline, type CiscoPowerInline } from './cisco-show-power-inline';
export {
  parseCiscoShowMacAddressTable,
  type CiscoMacAddressEntry,
} from './cisco-show-mac-address-table';
export { parseArubaShowSystem, type ArubaSystem } from './aruba-show-system';
export {
  parseArubaShowInterfacesBrief,
  type ArubaInterfaceBrief,
} from './aruba-show-interfaces-brief';
export { parseArubaShowVlans, type ArubaVlan } from './aruba-show-vlans';
export {
  parseArubaShowLldpRemoteList,
  type ArubaLldpRemoteSummary,
} from './aruba-show-lldp-remote-list';
export {
  parseArubaShowLldpRemoteDetail,
  type ArubaLldpRemoteDetail,
} from './aruba-show-lldp-remote-detail';
export { parseArubaShowMacAddress, type ArubaMacAddressEntry } from './aruba-show-mac-address';
export { parseArubaRunningConfig } from './aruba-running-config';
export {
  parseArubaShowPowerOverEthernet,
  type ArubaPoePort,
} from './aruba-show-power-over-ethernet';
