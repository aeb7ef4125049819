import { lines, padRight } from '../cli-context';
import type { SimulatedSwitch } from '../simulated-switch';
import { macToAruba, type SimPort, type SimVlan } from '../switch-model';

export function showSystem(sw: SimulatedSwitch): string {
  const { hostname, softwareVersion, serialNumber, baseMac } = sw.identity;
  const days = Math.floor(sw.uptimeSeconds() / 86_400);
  return lines(
    '',
    ' Status and Counters - General System Information',
    '',
    `  System Name        : ${hostname}`,
    '  System Contact     : ',
    '  System Location    : ',
    '',
    '  MAC Age Time (sec) : 300',
    '',
    '  Time Zone          : 0',
    '  Daylight Time Rule : None',
    '',
    '',
    `  Software revision  : ${padRight(softwareVersion, 20)} Base MAC Addr      : ${macToAruba(baseMac)}`,
    `  ROM Version        : WC.16.01.0010        Serial Number      : ${serialNumber}`,
    '  Allow V1 Modules   : No',
    '',
    `  Up Time            : ${padRight(`${days} days`, 20)} Memory   - Total   : 333,451,776`,
    '  CPU Util (%)       : 1                              Free    : 210,899,116',
    '',
    '  IP Mgmt  - Pkts Rx : 1,204,553            Packet   - Total   : 6600',
    '             Pkts Tx : 1,100,228            Buffers    Free    : 4962',
    '                                                       Lowest  : 4801',
    '                                                       Missed  : 0',
    '',
  );
}

export function showVersion(sw: SimulatedSwitch): string {
  return lines(
    'Image stamp:    /ws/swbuildm/rel_venice_qaoff/code/build/lvm(swbuildm_rel_venice_qaoff_rel_venice)',
    '                Mar 14 2024 10:26:32',
    `                ${sw.identity.softwareVersion}`,
    '                1063',
    'Boot Image:     Primary',
    '',
    'Boot ROM Version:    WC.16.01.0010',
    'Active Boot ROM:     Primary',
  );
}

export function showInterfacesBrief(sw: SimulatedSwitch): string {
  const rows = sw.ports.map((port) => {
    const up = sw.linkUp(port);
    return (
      '  ' +
      padRight(port.name, 13) +
      padRight('100/1000T', 11) +
      '| ' +
      padRight('No', 10) +
      padRight(port.shutdown ? 'No' : 'Yes', 8) +
      padRight(up ? 'Up' : 'Down', 7) +
      padRight('1000FDx', 11) +
      padRight(up ? 'MDIX' : 'Auto', 5) +
      'off  0'
    );
  });
  return lines(
    '',
    ' Status and Counters - Port Status',
    '',
    '                          | Intrusion                           MDI  Flow Bcast',
    '  Port         Type       | Alert     Enabled Status Mode       Mode Ctrl Limit',
    '  ------------ ---------- + --------- ------- ------ ---------- ---- ---- -----',
    ...rows,
    '',
  );
}

export function showVlans(sw: SimulatedSwitch): string {
  const rows = [...sw.vlans.values()]
    .sort((a, b) => a.id - b.id)
    .map(
      (vlan) =>
        '  ' +
        padRight(String(vlan.id), 8) +
        padRight(vlan.name.slice(0, 32), 33) +
        '| Port-based ' +
        padRight(vlan.voice ? 'Yes' : 'No', 6) +
        'No   ',
    );
  return lines(
    '',
    ' Status and Counters - VLAN Information',
    '',
    '  Maximum VLANs to support : 256',
    '  Primary VLAN : DEFAULT_VLAN',
    '  Management VLAN :',
    '',
    '  VLAN ID Name                             | Status     Voice Jumbo',
    '  ------- -------------------------------- + ---------- ----- -----',
    ...rows,
    '',
  );
}

function lldpPorts(sw: SimulatedSwitch, ports: SimPort[]): SimPort[] {
  return ports.filter((port) => sw.linkUp(port) && port.device?.lldp);
}

export function showLldpRemoteDevices(sw: SimulatedSwitch): string {
  const rows = lldpPorts(sw, sw.ports).map((port) => {
    const device = port.device!;
    const mac = device.mac.replaceAll(':', ' ');
    return (
      '  ' +
      padRight(port.name, 10) +
      '| ' +
      padRight(device.ipAddress, 19) +
      padRight(mac, 19) +
      padRight('1', 10) +
      `${device.manufacturer} ${device.model}`.slice(0, 18)
    );
  });
  return lines(
    '',
    ' LLDP Remote Devices Information',
    '',
    '  LocalPort | ChassisId          PortId             PortDescr SysName           ',
    '  --------- + ------------------ ------------------ --------- ------------------',
    ...rows,
    '',
  );
}

export function showLldpRemoteDeviceDetail(sw: SimulatedSwitch, ports: SimPort[]): string {
  const blocks = lldpPorts(sw, ports).map((port) => {
    const device = port.device!;
    const phone = device.kind === 'phone';
    const voiceVlan = port.taggedVlans.find((vlan) => sw.vlans.get(vlan)?.voice);
    const med = device.lldpMed
      ? [
          '  MED Information Detail',
          `    EndpointClass          :Class${phone ? 3 : 1}`,
          `    Media Policy Vlan id   :${voiceVlan ?? 0}`,
          `    Media Policy Priority  :${voiceVlan === undefined ? 0 : 5}`,
          `    Media Policy Dscp      :${voiceVlan === undefined ? 0 : 46}`,
          `    Media Policy Tagged    :${voiceVlan === undefined ? 'False' : 'True'}`,
          '    Poe Device Type        :PD',
          `    Power Requested        :${device.powerWatts.toFixed(1)} W`,
          '    Power Source           :Only PSE',
          '    Power Priority         :High',
          '',
        ]
      : [];
    return [
      `  Local Port   : ${port.name}`,
      '  ChassisType  : network-address',
      `  ChassisId    : ${device.ipAddress}`,
      '  PortType     : mac-address',
      `  PortId       : ${device.mac.replaceAll(':', ' ')}`,
      `  SysName      : ${device.manufacturer} ${device.model}`,
      `  System Descr : ${device.manufacturer} ${device.model} ${device.softwareVersion}`,
      '  PortDescr    : WAN PORT',
      '  Pvid         :',
      '',
      `  System Capabilities Supported  : bridge, ${phone ? 'telephone' : 'station'}`,
      `  System Capabilities Enabled    : ${phone ? 'telephone' : 'station'}`,
      '',
      '  Remote Management Address',
      '     Type    : ipv4',
      `     Address : ${device.ipAddress}`,
      '',
      ...med,
    ].join('\r\n');
  });
  return lines(
    '',
    ' LLDP Remote Device Information Detail',
    '',
    blocks.join(`\r\n${'-'.repeat(78)}\r\n`),
  );
}

function learnedVlan(sw: SimulatedSwitch, port: SimPort): number {
  const voiceVlan = port.taggedVlans.find((vlan) => sw.vlans.get(vlan)?.voice);
  return port.device?.kind === 'phone' && voiceVlan !== undefined ? voiceVlan : port.accessVlan;
}

export function showMacAddress(sw: SimulatedSwitch): string {
  const rows = sw.ports
    .filter((port) => sw.linkUp(port))
    .map(
      (port) =>
        `  ${padRight(macToAruba(port.device!.mac), 18)}${padRight(port.name, 32)}${learnedVlan(sw, port)}`,
    );
  return lines(
    '',
    ' Status and Counters - Port Address Table',
    '',
    '  MAC Address       Port                            VLAN',
    '  ----------------- ------------------------------- ----',
    ...rows,
    '',
  );
}

export function showMacAddressOfPort(sw: SimulatedSwitch, port: SimPort): string {
  const rows = sw.linkUp(port)
    ? [`  ${padRight(macToAruba(port.device!.mac), 18)}${learnedVlan(sw, port)}`]
    : [];
  return lines(
    '',
    ` Status and Counters - Port Address Table - ${port.name}`,
    '',
    '  MAC Address       VLANs',
    '  ----------------- ------------------------------',
    ...rows,
    '',
  );
}

export function showPowerOverEthernetBrief(sw: SimulatedSwitch, ports: SimPort[]): string {
  const rows = ports.map((port) => {
    const delivering = sw.linkUp(port) && port.device?.poweredByPoe === true;
    const power = delivering ? `${port.device!.powerWatts.toFixed(1)} W` : '0.0 W';
    return (
      ' ' +
      padRight(port.name, 7) +
      '| ' +
      padRight(port.poe ? 'Yes' : 'No', 7) +
      padRight('low', 9) +
      padRight('usage', 7) +
      padRight(delivering ? '17 W' : '0 W', 7) +
      padRight(power, 7) +
      padRight('', 12) +
      padRight(!port.poe ? 'Disabled' : delivering ? 'Delivering' : 'Searching', 12) +
      padRight(delivering ? String(port.device!.powerClass) : '0', 7) +
      padRight('off', 8) +
      'off'
    );
  });
  return lines(
    '',
    ' Status and Counters - Port Power Status',
    '',
    '  System Power Status  : No redundancy',
    '  PoE Power Status     : No redundancy',
    '',
    ' POE    | Power  Power    Alloc  Alloc  Actual Configured  Detection   Power  Pre-std LLDP',
    ' Port   | Enable Priority By     Power  Power  Type        Status      Class  Detect  Support',
    ' ------ + ------ -------- ------ ------ ------ ----------- ----------- ------ ------- -------',
    ...rows,
    '',
  );
}

export function interfaceConfigLines(sw: SimulatedSwitch, port: SimPort): string[] {
  const body: string[] = [];
  if (port.description) body.push(`   name "${port.description}"`);
  if (port.shutdown) body.push('   disable');
  if (!port.poe && sw.poeCapable) body.push('   no power-over-ethernet');
  if (port.taggedVlans.length > 0)
    body.push(`   tagged vlan ${[...port.taggedVlans].sort((a, b) => a - b).join(',')}`);
  body.push(`   untagged vlan ${port.accessVlan}`);
  if (port.edge) body.push('   spanning-tree admin-edge-port');
  return [`interface ${port.name}`, ...body, '   exit'];
}

export function showRunningConfigInterface(sw: SimulatedSwitch, port: SimPort): string {
  return lines('', 'Running configuration:', '', ...interfaceConfigLines(sw, port), '');
}

/** `1-6,9`: how AOS-S writes a set of ports. */
export function portList(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join(',');
}

function interfaceBlock(sw: SimulatedSwitch, port: SimPort): string[] {
  const body: string[] = [];
  if (port.description) body.push(`   name "${port.description}"`);
  if (port.shutdown) body.push('   disable');
  if (!port.poe && sw.poeCapable) body.push('   no power-over-ethernet');
  return body.length === 0 ? [] : [`interface ${port.name}`, ...body, '   exit'];
}

function vlanBlock(sw: SimulatedSwitch, vlan: SimVlan): string[] {
  const members = (test: (port: SimPort) => boolean) =>
    sw.ports.filter(test).map((port) => Number(port.name));
  const untagged = members((port) => port.accessVlan === vlan.id);
  const tagged = members((port) => port.taggedVlans.includes(vlan.id));
  return [
    `vlan ${vlan.id}`,
    `   name "${vlan.name}"`,
    ...(untagged.length > 0 ? [`   untagged ${portList(untagged)}`] : []),
    ...(tagged.length > 0 ? [`   tagged ${portList(tagged)}`] : []),
    ...(vlan.voice ? ['   voice'] : []),
    '   exit',
  ];
}

export function showRunningConfigVlan(sw: SimulatedSwitch, vlan: SimVlan): string {
  return lines('', 'Running configuration:', '', ...vlanBlock(sw, vlan), '');
}

export function showModules(sw: SimulatedSwitch): string {
  const [number, ...rest] = sw.identity.model.replace(/^Aruba /, '').split(' ');
  return lines(
    '',
    ' Status and Counters - Module Information',
    '',
    `  Chassis: ${rest.join(' ')} ${number}        Serial Number:   ${sw.identity.serialNumber}`,
    '',
  );
}

export function showRunningConfig(sw: SimulatedSwitch): string {
  const members = (test: (port: SimPort) => boolean) =>
    sw.ports.filter(test).map((port) => Number(port.name));
  const vlans = [...sw.vlans.values()]
    .sort((a, b) => a.id - b.id)
    .flatMap((vlan) => vlanBlock(sw, vlan));
  const edge = members((port) => port.edge);
  const noMed = members((port) => !port.lldpMedPolicy);
  return lines(
    '',
    'Running configuration:',
    '',
    `; ${sw.identity.model} Configuration Editor; Created on release #${sw.identity.softwareVersion}`,
    '; Ver #14:01.44.00.04.19.02.13.98.82.34.61.18.28.f3.84.9c.63.ff.37.27:05',
    `hostname "${sw.identity.hostname}"`,
    'module 1 type jl258a',
    'console idle-timeout 600',
    ...sw.ports.flatMap((port) => interfaceBlock(sw, port)),
    ...vlans,
    ...(edge.length > 0 ? [`spanning-tree ${portList(edge)} admin-edge-port`] : []),
    ...(noMed.length > 0 ? [`no lldp config ${portList(noMed)} medTlvEnable network_policy`] : []),
    'password manager',
    '',
  );
}
