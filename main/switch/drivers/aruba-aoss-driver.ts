import { CodedError } from '../../../shared/errors';
import type { PortRole } from '../../../shared/platform/schemas';
import {
  parseArubaShowInterfacesBrief,
  parseArubaShowLldpRemoteDetail,
  parseArubaShowLldpRemoteList,
  parseArubaShowMacAddress,
  parseArubaShowPowerOverEthernet,
  parseArubaShowSystem,
  parseInterfaceConfig,
} from '../parsers';
import { SwitchCommandError, type SwitchSession } from '../session';
import { checkInterfaceName } from './console-text';
import { firstRecord, records } from './read-records';
import { saveAndConfirm } from './confirm-save';
import { applyRoleWith, verifyRoleWith } from './role-steps';
import type { InterfaceReading, LinkChange, SwitchDriver } from './switch-driver';

/** HPE Aruba AOS-S (ProCurve lineage). */
export function arubaAossDriver(session: SwitchSession): SwitchDriver {
  const show = async (command: string) => (await session.run(command)).output;
  const readInterface = async (
    interfaceName: string,
    role?: PortRole,
  ): Promise<InterfaceReading> => {
    const command = `show running-config interface ${checkInterfaceName('aruba_aoss', interfaceName)}`;
    let text = await show(command);
    // Whether the voice VLAN is marked `voice` (needed for LLDP-MED) lives in its VLAN block.
    if (role?.voiceVlan != null) text += `\n${await voiceVlanBlock(role.voiceVlan)}`;
    return {
      text,
      config: firstRecord(command, parseInterfaceConfig('aruba_aoss', text, interfaceName)),
    };
  };
  const voiceVlanBlock = async (vlan: number): Promise<string> => {
    try {
      return await show(`show running-config vlan ${vlan}`);
    } catch (error) {
      if (
        error instanceof SwitchCommandError &&
        /VLAN \d+ not found/i.test(error.detail.switchSaid)
      )
        throw new CodedError(
          'SWITCH_VLAN_MISSING',
          `VLAN ${vlan} does not exist on the switch, so no port can be given a role with it as the voice VLAN. Create it on the switch (vlan ${vlan}, marked voice) first.`,
          { vlan },
        );
      throw error;
    }
  };
  let eventsOn = false;

  return {
    vendor: 'aruba_aoss',
    session,

    async identify() {
      const system = firstRecord('show system', parseArubaShowSystem(await show('show system')));
      const modules = await show('show modules');
      const chassis = /Chassis:\s*(.+?)\s{2,}Serial Number:\s*(\S+)/.exec(modules);
      return {
        vendor: 'aruba_aoss',
        hostname: system.systemName || session.hostname,
        model: chassis?.[1]?.trim() ?? '',
        softwareVersion: system.softwareRevision,
        serialNumber: system.serialNumber || chassis?.[2] || '',
      };
    },

    async interfaceStatuses() {
      const command = 'show interfaces brief';
      return records(command, parseArubaShowInterfacesBrief(await show(command))).map((row) => ({
        interfaceName: row.port,
        description: '',
        linkUp: row.linkUp,
        adminDown: row.adminDown,
        vlan: null,
      }));
    },

    interfaceConfig: (interfaceName, role) => readInterface(interfaceName, role),

    async neighbours(interfaceName) {
      if (interfaceName !== undefined) checkInterfaceName('aruba_aoss', interfaceName);
      let ports: string[];
      if (interfaceName) ports = [interfaceName];
      else {
        const list = 'show lldp info remote-device';
        ports = records(list, parseArubaShowLldpRemoteList(await show(list))).map(
          (row) => row.localPort,
        );
      }
      if (ports.length === 0) return [];
      const command = `show lldp info remote-device ${ports.join(',')}`;
      return records(command, parseArubaShowLldpRemoteDetail(await show(command))).map((entry) => {
        const vlan = Number(entry.medPolicyVlanId);
        return {
          interfaceName: entry.localPort,
          protocol: 'lldp' as const,
          systemName: entry.sysName,
          model: entry.sysName,
          manufacturer: entry.systemDescr.split(' ')[0] ?? '',
          mac: entry.macNormalized,
          isPhone: entry.isTelephone,
          voiceVlan: Number.isInteger(vlan) && vlan > 0 ? vlan : null,
        };
      });
    },

    async poe(interfaceName) {
      if (interfaceName !== undefined) checkInterfaceName('aruba_aoss', interfaceName);
      const command = interfaceName
        ? `show power-over-ethernet brief ${interfaceName}`
        : 'show power-over-ethernet brief';
      return records(command, parseArubaShowPowerOverEthernet(await show(command))).map((row) => ({
        interfaceName: row.port,
        enabled: row.powerEnable === 'Yes',
        delivering: row.delivering,
        power: row.actualPower,
        device: row.configuredType,
      }));
    },

    async macTable(interfaceName) {
      if (interfaceName !== undefined) checkInterfaceName('aruba_aoss', interfaceName);
      const command = interfaceName ? `show mac-address ${interfaceName}` : 'show mac-address';
      return records(command, parseArubaShowMacAddress(await show(command))).map((row) => ({
        interfaceName: row.port || interfaceName || '',
        mac: row.macNormalized,
        vlan: row.vlanId,
      }));
    },

    applyRole: (interfaceName, role, before) =>
      applyRoleWith(session, () => readInterface(interfaceName, role), interfaceName, role, before),

    verifyRole: (interfaceName, role) =>
      verifyRoleWith(session, () => readInterface(interfaceName, role), role),

    // AOS-S answers a good `write memory` with nothing at all.
    save: (check) =>
      saveAndConfirm(
        session,
        { answered: (output) => output === '', startupCommand: 'show config' },
        check,
      ),

    async watchLinks(listener: (change: LinkChange) => void) {
      // AOS-S prints its event log on a session only when asked to.
      if (!eventsOn) {
        await session.run('debug destination session');
        await session.run('debug event');
        eventsOn = true;
      }
      return session.onEvent((event) => {
        if (event.link)
          listener({ interfaceName: event.link.interfaceName, state: event.link.state, event });
      });
    },
  };
}
