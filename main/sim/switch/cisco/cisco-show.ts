import type { SimulatedSwitch } from '../simulated-switch';
import { macToCisco, type SimPort } from '../switch-model';
import { lines, padLeft, padRight } from '../cli-context';

function uptimeText(seconds: number): string {
  const weeks = Math.floor(seconds / 604_800);
  const days = Math.floor((seconds % 604_800) / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${weeks} weeks, ${days} days, ${hours} hours, ${minutes} minutes`;
}

export function showVersion(sw: SimulatedSwitch): string {
  const { hostname, model, softwareVersion, serialNumber } = sw.identity;
  const family = model.startsWith('C9200') ? 'C9200' : 'C2960X';
  return lines(
    `Cisco IOS Software, ${family} Software (${family}-UNIVERSALK9-M), Version ${softwareVersion}, RELEASE SOFTWARE (fc2)`,
    'Technical Support: http://www.cisco.com/techsupport',
    'Copyright (c) 1986-2023 by Cisco Systems, Inc.',
    'Compiled Thu 02-Mar-23 03:14 by mcpre',
    '',
    `ROM: Bootstrap program is ${family} boot loader`,
    `BOOTLDR: ${family} Boot Loader (${family}-HBOOT-M) Version 15.2(3r)E1, RELEASE SOFTWARE (fc1)`,
    '',
    `${hostname} uptime is ${uptimeText(sw.uptimeSeconds())}`,
    'System returned to ROM by power-on',
    `System image file is "flash:${family.toLowerCase()}-universalk9-mz.bin"`,
    '',
    `cisco ${model} (APM86XXX) processor (revision B0) with 524288K bytes of memory.`,
    `Processor board ID ${serialNumber}`,
    'Last reset from power-on',
    '1 Virtual Ethernet interface',
    `${sw.ports.length} Gigabit Ethernet interfaces`,
    '',
    '512K bytes of flash-simulated non-volatile configuration memory.',
    `Base ethernet MAC Address       : ${sw.identity.baseMac.toUpperCase()}`,
    `Model number                    : ${model}`,
    `System serial number            : ${serialNumber}`,
    '',
    'Switch Ports Model                     SW Version            SW Image',
    '------ ----- -----                     ----------            ----------',
    `*    1 ${padRight(String(sw.ports.length + 4), 5)} ${padRight(model, 25)} ${padRight(softwareVersion, 21)} ${family}-UNIVERSALK9-M`,
    '',
    'Configuration register is 0xF',
  );
}

function statusWord(sw: SimulatedSwitch, port: SimPort): string {
  if (port.shutdown) return 'disabled';
  return sw.linkUp(port) ? 'connected' : 'notconnect';
}

export function showInterfacesStatus(sw: SimulatedSwitch): string {
  const rows = sw.ports.map((port) => {
    const up = sw.linkUp(port);
    return (
      padRight(port.shortName, 10) +
      padRight(port.description.slice(0, 18), 19) +
      padRight(statusWord(sw, port), 13) +
      padRight(String(port.accessVlan), 11) +
      padLeft(up ? 'a-full' : 'auto', 6) +
      ' ' +
      padLeft(up ? 'a-1000' : 'auto', 6) +
      ' 10/100/1000BaseTX'
    );
  });
  return lines(
    '',
    'Port      Name               Status       Vlan       Duplex  Speed Type',
    ...rows,
  );
}

function vlanLabel(sw: SimulatedSwitch, id: number): string {
  const vlan = sw.vlans.get(id);
  return `${id} (${id === 1 ? 'default' : (vlan?.name ?? 'Inactive')})`;
}

export function showInterfacesSwitchport(sw: SimulatedSwitch, ports: SimPort[]): string {
  const blocks = ports.flatMap((port) => [
    `Name: ${port.shortName}`,
    'Switchport: Enabled',
    `Administrative Mode: ${port.accessMode ? 'static access' : 'dynamic auto'}`,
    `Operational Mode: ${sw.linkUp(port) || port.accessMode ? 'static access' : 'down'}`,
    'Administrative Trunking Encapsulation: dot1q',
    `Operational Trunking Encapsulation: ${sw.linkUp(port) ? 'native' : 'dot1q'}`,
    `Negotiation of Trunking: ${port.accessMode ? 'Off' : 'On'}`,
    `Access Mode VLAN: ${vlanLabel(sw, port.accessVlan)}`,
    'Trunking Native Mode VLAN: 1 (default)',
    'Administrative Native VLAN tagging: enabled',
    `Voice VLAN: ${port.voiceVlan === null ? 'none' : vlanLabel(sw, port.voiceVlan)}`,
    'Administrative private-vlan host-association: none',
    'Administrative private-vlan mapping: none',
    'Operational private-vlan: none',
    'Trunking VLANs Enabled: ALL',
    'Pruning VLANs Enabled: 2-1001',
    'Capture Mode Disabled',
    'Capture VLANs Allowed: ALL',
    '',
    'Protected: false',
    'Unknown unicast blocked: disabled',
    'Unknown multicast blocked: disabled',
    'Appliance trust: none',
    '',
  ]);
  return lines(...blocks);
}

export function interfaceConfigLines(port: SimPort, poeCapable: boolean): string[] {
  const body: string[] = [];
  if (port.description) body.push(` description ${port.description}`);
  if (port.accessVlan !== 1) body.push(` switchport access vlan ${port.accessVlan}`);
  if (port.accessMode) body.push(' switchport mode access');
  if (port.voiceVlan !== null) body.push(` switchport voice vlan ${port.voiceVlan}`);
  if (!port.lldpMedPolicy) body.push(' no lldp med-tlv-select network-policy');
  if (port.shutdown) body.push(' shutdown');
  if (!port.poe && poeCapable) body.push(' power inline never');
  if (port.edge) body.push(' spanning-tree portfast');
  return [`interface ${port.name}`, ...body];
}

export function showRunningConfigInterface(sw: SimulatedSwitch, port: SimPort): string {
  const block = [...interfaceConfigLines(port, sw.poeCapable), 'end'];
  const size = block.reduce((total, line) => total + line.length + 1, 0);
  return lines(
    'Building configuration...',
    '',
    `Current configuration : ${size} bytes`,
    '!',
    ...block,
    '',
  );
}

export function showRunningConfig(sw: SimulatedSwitch): string {
  const body = [
    '!',
    'version 15.2',
    'no service pad',
    'service timestamps debug datetime msec',
    'service timestamps log datetime msec',
    'service password-encryption',
    '!',
    `hostname ${sw.identity.hostname}`,
    '!',
    'enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0',
    '!',
    'no ip domain-lookup',
    '!',
    ...[...sw.vlans.values()]
      .filter((vlan) => vlan.id !== 1)
      .flatMap((vlan) => [`vlan ${vlan.id}`, ` name ${vlan.name}`, '!']),
    ...sw.ports.flatMap((port) => [...interfaceConfigLines(port, sw.poeCapable), '!']),
    sw.lldpRun ? 'lldp run' : 'no lldp run',
    '!',
    'line con 0',
    ' logging synchronous',
    'line vty 0 15',
    ' login local',
    ' transport input ssh',
    '!',
    'end',
  ];
  const size = body.reduce((total, line) => total + line.length + 1, 0);
  return lines(
    'Building configuration...',
    '',
    `Current configuration : ${size} bytes`,
    ...body,
    '',
  );
}

function neighbours(sw: SimulatedSwitch, ports: SimPort[], protocol: 'lldp' | 'cdp'): SimPort[] {
  return ports.filter((port) => sw.linkUp(port) && port.device?.[protocol]);
}

export function showLldpNeighbors(sw: SimulatedSwitch): string {
  const found = neighbours(sw, sw.ports, 'lldp');
  const rows = found.map((port) => {
    const device = port.device!;
    const id = `${device.manufacturer} ${device.model}`.slice(0, 20);
    return (
      padRight(id, 20) +
      padRight(port.shortName, 15) +
      padRight('120', 11) +
      padRight(device.kind === 'phone' ? 'B,T' : device.kind === 'access-point' ? 'B,W' : 'S', 16) +
      macToCisco(device.mac)
    );
  });
  return lines(
    '',
    'Capability codes:',
    '    (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device',
    '    (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other',
    '',
    'Device ID           Local Intf     Hold-time  Capability      Port ID',
    ...rows,
    '',
    `Total entries displayed: ${found.length}`,
    '',
  );
}

export function showLldpNeighborsDetail(sw: SimulatedSwitch, ports: SimPort[]): string {
  const found = neighbours(sw, ports, 'lldp');
  const blocks = found.flatMap((port) => {
    const device = port.device!;
    const phone = device.kind === 'phone';
    const med = device.lldpMed
      ? [
          'MED Information:',
          '',
          '    MED Codes:',
          '          (NP) Network Policy, (LI) Location Identification',
          '          (PS) Power Source Entity, (PD) Power Device',
          '          (IN) Inventory',
          '',
          `    H/W revision: 1.0`,
          `    F/W revision: ${device.softwareVersion}`,
          `    S/W revision: ${device.softwareVersion}`,
          `    Serial number: ${device.mac.replaceAll(':', '')}`,
          `    Manufacturer: ${device.manufacturer}`,
          `    Model: ${device.model}`,
          '    Capabilities: NP, PD, IN',
          `    Device type: Endpoint Class ${phone ? 'III' : 'I'}`,
          ...(port.voiceVlan !== null && port.lldpMedPolicy
            ? [
                `    Network Policy(Voice): VLAN ${port.voiceVlan}, tagged, Layer-2 priority: 5, DSCP: 46`,
              ]
            : []),
          `    PD device, Power source: PSE, Power Priority: High, Wattage: ${device.powerWatts.toFixed(1)}`,
          '    Location - not advertised',
          '',
        ]
      : [];
    return [
      '------------------------------------------------',
      `Local Intf: ${port.shortName}`,
      `Chassis id: ${device.ipAddress}`,
      `Port id: ${macToCisco(device.mac)}`,
      'Port Description: WAN PORT',
      `System Name: ${device.manufacturer} ${device.model}`,
      '',
      'System Description: ',
      `${device.manufacturer} ${device.model} ${device.softwareVersion}`,
      '',
      'Time remaining: 113 seconds',
      `System Capabilities: ${phone ? 'B,T' : 'S'}`,
      `Enabled Capabilities: ${phone ? 'T' : 'S'}`,
      'Management Addresses:',
      `    IP: ${device.ipAddress}`,
      'Auto Negotiation - supported, enabled',
      'Physical media capabilities:',
      '    1000baseT(FD)',
      '    100base-TX(FD)',
      'Media Attachment Unit type: 30',
      'Vlan ID: - not advertised',
      '',
      ...med,
    ];
  });
  return lines('', ...blocks, '', `Total entries displayed: ${found.length}`, '');
}

export function showCdpNeighbors(sw: SimulatedSwitch): string {
  const found = neighbours(sw, sw.ports, 'cdp');
  const rows = found.map(
    (port) =>
      padRight(`SEP${port.device!.mac.replaceAll(':', '').toUpperCase()}`, 18) +
      padRight(`Gig ${port.shortName.slice(2)}`, 14) +
      padRight('163', 11) +
      padRight('H P M', 13) +
      padRight(port.device!.model.slice(0, 10), 11) +
      'Port 1',
  );
  return lines(
    'Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge',
    '                  S - Switch, H - Host, I - IGMP, r - Repeater, P - Phone, ',
    '                  D - Remote, C - CVTA, M - Two-port Mac Relay ',
    '',
    'Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID',
    ...rows,
    '',
    `Total cdp entries displayed : ${found.length}`,
  );
}

export function showCdpNeighborsDetail(sw: SimulatedSwitch): string {
  const found = neighbours(sw, sw.ports, 'cdp');
  const blocks = found.flatMap((port) => {
    const device = port.device!;
    return [
      '-------------------------',
      `Device ID: SEP${device.mac.replaceAll(':', '').toUpperCase()}`,
      'Entry address(es): ',
      `  IP address: ${device.ipAddress}`,
      `Platform: ${device.manufacturer} IP Phone ${device.model},  Capabilities: Host Phone Two-port Mac Relay `,
      `Interface: ${port.name},  Port ID (outgoing port): Port 1`,
      'Holdtime : 163 sec',
      '',
      'Version :',
      device.softwareVersion,
      '',
      'advertisement version: 2',
      'Duplex: full',
      `Power drawn: ${device.powerWatts.toFixed(3)} Watts`,
      ...(port.voiceVlan === null ? [] : [`Appliance VLAN-ID: ${port.voiceVlan}`]),
      'Management address(es): ',
      `  IP address: ${device.ipAddress}`,
      '',
    ];
  });
  return lines('', ...blocks, '', `Total cdp entries displayed : ${found.length}`);
}

export function showPowerInline(sw: SimulatedSwitch, ports: SimPort[]): string {
  const used = sw.ports.reduce(
    (total, port) =>
      total + (sw.linkUp(port) && port.device?.poweredByPoe ? port.device.powerWatts : 0),
    0,
  );
  const rows = ports.map((port) => {
    const delivering = sw.linkUp(port) && port.device?.poweredByPoe === true;
    const oper = !port.poe ? 'off' : delivering ? 'on' : 'off';
    return (
      padRight(port.shortName, 10) +
      padRight(port.poe ? 'auto' : 'off', 7) +
      padRight(oper, 11) +
      padRight(delivering ? port.device!.powerWatts.toFixed(1) : '0.0', 8) +
      padRight(delivering ? 'Ieee PD' : 'n/a', 20) +
      padRight(delivering ? String(port.device!.powerClass) : 'n/a', 6) +
      '30.0'
    );
  });
  return lines(
    '',
    'Module   Available     Used     Remaining',
    '          (Watts)     (Watts)    (Watts) ',
    '------   ---------   --------   ---------',
    `1           370.0${padLeft(used.toFixed(1), 11)}${padLeft((370 - used).toFixed(1), 12)}`,
    'Interface Admin  Oper       Power   Device              Class Max',
    '                            (Watts)                            ',
    '--------- ------ ---------- ------- ------------------- ----- ----',
    ...rows,
    '',
  );
}

export function showMacAddressTable(sw: SimulatedSwitch, ports: SimPort[]): string {
  const rows = ports
    .filter((port) => sw.linkUp(port))
    .map((port) => {
      const device = port.device!;
      const vlan =
        device.kind === 'phone' && port.voiceVlan !== null ? port.voiceVlan : port.accessVlan;
      return `${padLeft(String(vlan), 4)}    ${macToCisco(device.mac)}    DYNAMIC     ${port.shortName}`;
    });
  return lines(
    '          Mac Address Table',
    '-------------------------------------------',
    '',
    'Vlan    Mac Address       Type        Ports',
    '----    -----------       --------    -----',
    ...rows,
    `Total Mac Addresses for this criterion: ${rows.length}`,
  );
}
