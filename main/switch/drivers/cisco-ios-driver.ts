import type { PortRole } from '../../../shared/platform/schemas';
import {
  parseCiscoShowCdpNeighborsDetail,
  parseCiscoShowInterfacesStatus,
  parseCiscoShowLldpNeighborsDetail,
  parseCiscoShowMacAddressTable,
  parseCiscoShowPowerInline,
  parseCiscoShowVersion,
  parseInterfaceConfig,
  sameCiscoInterface,
} from '../parsers';
import type { SwitchSession } from '../session';
import { checkInterfaceName } from './console-text';
import { firstRecord, records } from './read-records';
import { saveAndConfirm } from './confirm-save';
import { applyRoleWith, verifyRoleWith } from './role-steps';
import type { InterfaceReading, LinkChange, Neighbour, SwitchDriver } from './switch-driver';

/** Cisco IOS (Catalyst access switches). */
export function ciscoIosDriver(session: SwitchSession): SwitchDriver {
  const show = async (command: string) => (await session.run(command)).output;
  const readInterface = async (interfaceName: string): Promise<InterfaceReading> => {
    const command = `show running-config interface ${checkInterfaceName('cisco_ios', interfaceName)}`;
    const text = await show(command);
    return {
      text,
      config: firstRecord(command, parseInterfaceConfig('cisco_ios', text, interfaceName)),
    };
  };
  let monitoring = false;

  return {
    vendor: 'cisco_ios',
    session,

    async identify() {
      const version = firstRecord(
        'show version',
        parseCiscoShowVersion(await show('show version')),
      );
      return {
        vendor: 'cisco_ios',
        hostname: version.hostname || session.hostname,
        model: version.hardware[0] ?? '',
        softwareVersion: version.version,
        serialNumber: version.serial[0] ?? '',
      };
    },

    async interfaceStatuses() {
      const command = 'show interfaces status';
      return records(command, parseCiscoShowInterfacesStatus(await show(command))).map((row) => ({
        interfaceName: row.port,
        description: row.name,
        linkUp: row.linkUp,
        adminDown: row.adminDown,
        vlan: row.vlanId,
      }));
    },

    interfaceConfig: (interfaceName) => readInterface(interfaceName),

    async neighbours(interfaceName) {
      if (interfaceName !== undefined) checkInterfaceName('cisco_ios', interfaceName);
      const lldpCommand = interfaceName
        ? `show lldp neighbors ${interfaceName} detail`
        : 'show lldp neighbors detail';
      const lldpText = await show(lldpCommand);
      const found: Neighbour[] = [];
      if (!/% LLDP is not enabled/.test(lldpText)) {
        for (const entry of records(lldpCommand, parseCiscoShowLldpNeighborsDetail(lldpText)))
          found.push({
            interfaceName: entry.localInterface,
            protocol: 'lldp',
            systemName: entry.systemName,
            model: entry.model,
            manufacturer: entry.manufacturer,
            mac: entry.macNormalized,
            isPhone: entry.isTelephone,
            voiceVlan: entry.voicePolicyVlan,
          });
      }
      const cdpCommand = 'show cdp neighbors detail';
      for (const entry of records(
        cdpCommand,
        parseCiscoShowCdpNeighborsDetail(await show(cdpCommand)),
      )) {
        if (interfaceName && !sameCiscoInterface(entry.localInterface, interfaceName)) continue;
        found.push({
          interfaceName: entry.localInterface,
          protocol: 'cdp',
          systemName: entry.deviceId,
          model: entry.platform,
          manufacturer: /cisco/i.test(entry.platform) ? 'Cisco' : '',
          mac: entry.macNormalized,
          isPhone: entry.isPhone,
          voiceVlan: null,
        });
      }
      return found;
    },

    async poe(interfaceName) {
      if (interfaceName !== undefined) checkInterfaceName('cisco_ios', interfaceName);
      const command = interfaceName ? `show power inline ${interfaceName}` : 'show power inline';
      return records(command, parseCiscoShowPowerInline(await show(command))).map((row) => ({
        interfaceName: row.interface,
        enabled: row.admin !== 'off',
        delivering: row.delivering,
        power: row.power,
        device: row.device,
      }));
    },

    async macTable(interfaceName) {
      if (interfaceName !== undefined) checkInterfaceName('cisco_ios', interfaceName);
      const command = interfaceName
        ? `show mac address-table interface ${interfaceName}`
        : 'show mac address-table';
      return records(command, parseCiscoShowMacAddressTable(await show(command))).flatMap((row) =>
        row.ports.map((port) => ({
          interfaceName: port,
          mac: row.macNormalized,
          vlan: row.vlanId,
        })),
      );
    },

    applyRole: (interfaceName, role: PortRole, before) =>
      applyRoleWith(session, () => readInterface(interfaceName), interfaceName, role, before),

    verifyRole: (interfaceName, role) =>
      verifyRoleWith(session, () => readInterface(interfaceName), role),

    save: (check) =>
      saveAndConfirm(
        session,
        { answered: (output) => /\[OK\]/.test(output), startupCommand: 'show startup-config' },
        check,
      ),

    async watchLinks(listener: (change: LinkChange) => void) {
      // A vty session hears log messages only after `terminal monitor`; the console always does.
      if (session.transport.kind === 'ssh' && !monitoring) {
        await session.run('terminal monitor');
        monitoring = true;
      }
      return session.onEvent((event) => {
        if (event.link)
          listener({ interfaceName: event.link.interfaceName, state: event.link.state, event });
      });
    },
  };
}
