import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShowOutput } from './parse-show-output';

/**
 * Every real sample in test-support/ntc-templates, parsed by our parser and compared field by
 * field with what ntc-templates extracts from it. The maps say which of our fields is which
 * of theirs; fields with no counterpart on one side are not compared.
 */
type Row = Record<string, unknown>;
type FieldMap = Record<string, (record: Row) => unknown>;

const TESTDATA = join(import.meta.dirname, '..', 'test-support', 'ntc-templates');

const text = (field: string) => (record: Row) => String(record[field] ?? '');
const firstLine = (field: string) => (record: Row) => String(record[field] ?? '').split('\n')[0];
const list = (field: string) => (record: Row) => record[field];

interface Family {
  vendor: 'cisco_ios' | 'aruba_aoss';
  folder: string;
  command: string;
  fields: FieldMap;
  /** Which of our records ntc lists (it leaves some out on purpose). */
  keep?: (record: Row) => boolean;
}

const FAMILIES: Family[] = [
  {
    vendor: 'cisco_ios',
    folder: 'cisco_ios/show_version',
    command: 'show version',
    fields: {
      config_register: text('configRegister'),
      hardware: list('hardware'),
      hostname: text('hostname'),
      mac_address: list('macAddress'),
      release: text('release'),
      reload_reason: text('reloadReason'),
      restarted: text('restarted'),
      rommon: text('rommon'),
      running_image: text('runningImage'),
      serial: list('serial'),
      software_image: text('softwareImage'),
      uptime: text('uptime'),
      uptime_days: text('uptimeDays'),
      uptime_hours: text('uptimeHours'),
      uptime_minutes: text('uptimeMinutes'),
      uptime_weeks: text('uptimeWeeks'),
      uptime_years: text('uptimeYears'),
      version: text('version'),
    },
  },
  {
    vendor: 'cisco_ios',
    folder: 'cisco_ios/show_interfaces_status',
    command: 'sh int status',
    fields: {
      port: text('port'),
      name: text('name'),
      status: text('status'),
      vlan_id: text('vlan'),
      duplex: text('duplex'),
      speed: text('speed'),
      type: text('type'),
      fc_mode: text('fcMode'),
    },
  },
  {
    vendor: 'cisco_ios',
    folder: 'cisco_ios/show_interfaces_switchport',
    command: 'show interfaces switchport',
    fields: {
      interface: text('interface'),
      switchport: text('switchport'),
      switchport_negotiation: text('negotiation'),
      mode: text('operationalMode'),
      admin_mode: text('adminMode'),
      access_vlan: text('accessVlan'),
      native_vlan: text('nativeVlan'),
      voice_vlan: text('voiceVlan'),
      trunking_vlans: list('trunkingVlans'),
    },
  },
  {
    vendor: 'cisco_ios',
    folder: 'cisco_ios/show_running-config_interface',
    command: 'show running-config interface GigabitEthernet2/0/4',
    fields: { interface: text('interfaceName'), description: text('description') },
  },
  {
    vendor: 'cisco_ios',
    folder: 'cisco_ios/show_lldp_neighbors_detail',
    command: 'show lldp neighbors detail',
    fields: {
      capabilities: text('enabledCapabilities'),
      chassis_id: text('chassisId'),
      fw_revision: text('firmwareRevision'),
      hw_revision: text('hardwareRevision'),
      local_interface: text('localInterface'),
      manufacturer: text('manufacturer'),
      mgmt_address: (record) => (record.managementAddresses as string[])[0] ?? '',
      neighbor_description: firstLine('systemDescription'),
      neighbor_interface: text('portDescription'),
      neighbor_name: text('systemName'),
      neighbor_port_id: text('portId'),
      platform: text('model'),
      power_class: text('powerClass'),
      power_device_type: text('powerDeviceType'),
      power_pair: text('powerPair'),
      power_priority: text('powerPriority'),
      power_requested: (record) => String(record.powerRequested).replace(/ mW$/, ''),
      power_source: text('powerSource'),
      serial: text('serialNumber'),
      sw_revision: text('softwareRevision'),
      vlan_id: text('vlanId'),
    },
  },
  {
    vendor: 'cisco_ios',
    folder: 'cisco_ios/show_cdp_neighbors_detail',
    command: 'sh cdp nei det',
    fields: {
      capabilities: text('capabilities'),
      local_interface: text('localInterface'),
      mgmt_address: text('ipAddress'),
      neighbor_description: firstLine('version'),
      neighbor_interface: text('portId'),
      neighbor_name: text('deviceId'),
      platform: text('platform'),
    },
  },
  {
    vendor: 'cisco_ios',
    folder: 'cisco_ios/show_power_inline',
    command: 'show power inline',
    fields: {
      admin_status: text('admin'),
      class: text('class'),
      device: text('device'),
      interface: text('interface'),
      max: text('max'),
      operational_status: text('oper'),
      power: text('power'),
    },
  },
  {
    vendor: 'cisco_ios',
    folder: 'cisco_ios/show_mac-address-table',
    command: 'show mac address-table',
    fields: {
      destination_address: text('macAddress'),
      destination_port: list('ports'),
      type: text('type'),
      vlan_id: text('vlan'),
    },
    // ntc-templates reads only the unicast section of a Catalyst 6500 table.
    keep: (record) => record.section !== 'multicast',
  },
  {
    vendor: 'aruba_aoss',
    folder: 'hp_procurve/show_system',
    command: 'show system',
    fields: {
      allow_mods: text('allowV1Modules'),
      buffers_free: text('packetBuffersFree'),
      buffers_lowest: text('packetBuffersLowest'),
      buffers_missed: text('packetBuffersMissed'),
      contact: text('systemContact'),
      cpu_util: text('cpuUtilPercent'),
      daylight_rule: text('daylightTimeRule'),
      location: text('systemLocation'),
      mac_address: text('macAddress'),
      mac_age: text('macAgeTime'),
      mem_free: text('memoryFree'),
      mem_tot: text('memoryTotal'),
      member_id: text('vsfMember'),
      name: text('systemName'),
      packets_rx: text('packetsRx'),
      packets_tot: text('packetBuffersTotal'),
      packets_tx: text('packetsTx'),
      rom_version: text('romVersion'),
      serial: text('serialNumber'),
      software_version: text('softwareRevision'),
      timezone: text('timeZone'),
      uptime: text('upTime'),
    },
  },
  {
    vendor: 'aruba_aoss',
    folder: 'hp_procurve/show_interfaces_brief',
    command: 'show interfaces brief',
    fields: {
      bcast_limit: text('broadcastLimit'),
      enabled: text('enabled'),
      flow_ctrl: text('flowControl'),
      intrusion_alert: text('intrusionAlert'),
      mdi_mode: text('mdiMode'),
      mode: text('mode'),
      port: text('port'),
      status: text('status'),
      type: text('type'),
    },
  },
  {
    vendor: 'aruba_aoss',
    folder: 'hp_procurve/show_vlans',
    command: 'show vlans',
    fields: {
      jumbo: text('jumbo'),
      status: text('status'),
      vlan_id: text('vlanId'),
      vlan_name: text('name'),
      voice: text('voice'),
    },
  },
  {
    vendor: 'aruba_aoss',
    folder: 'hp_procurve/show_mac-address',
    command: 'show mac-address',
    fields: { mac_address: text('macAddress'), port: text('port'), vlan_id: text('vlan') },
  },
  {
    vendor: 'aruba_aoss',
    folder: 'hp_procurve/show_lldp_info_remote-device',
    command: 'show lldp info remote-device',
    fields: {
      chassis_id: text('chassisId'),
      local_interface: text('localPort'),
      neighbor_description: text('portDescr'),
      neighbor_interface: text('portId'),
      neighbor_name: text('sysName'),
    },
  },
  {
    vendor: 'aruba_aoss',
    folder: 'hp_procurve/show_lldp_info_remote-device_detail',
    command: 'show lldp info remote-device 1-48',
    fields: {
      capabilities: text('capabilitiesEnabled'),
      capabilities_supported: text('capabilitiesSupported'),
      chassis_id: text('chassisId'),
      local_interface: text('localPort'),
      mgmt_address: (record) => (record.managementAddresses as string[])[0] ?? '',
      neighbor_chassis_type: text('chassisType'),
      neighbor_description: text('systemDescr'),
      neighbor_interface: text('portId'),
      neighbor_interface_description: text('portDescr'),
      neighbor_name: text('sysName'),
      port_type: text('portType'),
      vlan_id: text('pvid'),
    },
  },
];

/**
 * Where we read more than ntc-templates does, on purpose. Each entry: sample, record index,
 * ntc field, and why our value differs.
 */
const DELIBERATE_DIFFERENCES: Array<[string, number, string, string]> = [
  // IOS prints this neighbour's PoE in a `PoE+ Power-via-MDI TLV:` block that ntc skips.
  ['cisco_ios_show_lldp_neighbors_detail1', 2, 'power_class', 'we read the PoE+ block'],
  ['cisco_ios_show_lldp_neighbors_detail1', 2, 'power_device_type', 'we read the PoE+ block'],
  ['cisco_ios_show_lldp_neighbors_detail1', 2, 'power_pair', 'we read the PoE+ block'],
  ['cisco_ios_show_lldp_neighbors_detail1', 2, 'power_priority', 'we read the PoE+ block'],
  ['cisco_ios_show_lldp_neighbors_detail1', 2, 'power_requested', 'we read the PoE+ block'],
  ['cisco_ios_show_lldp_neighbors_detail1', 2, 'power_source', 'we read the PoE+ block'],
];

function samples(folder: string): string[] {
  return readdirSync(join(TESTDATA, folder))
    .filter((name) => name.endsWith('.raw'))
    .map((name) => name.slice(0, -'.raw'.length));
}

let sampleCount = 0;
for (const family of FAMILIES) {
  describe(`${family.vendor} ${family.command} reads every real sample as ntc-templates does`, () => {
    for (const sample of samples(family.folder)) {
      sampleCount += 1;
      it(sample, () => {
        const raw = readFileSync(join(TESTDATA, family.folder, `${sample}.raw`), 'utf8');
        const expected = JSON.parse(
          readFileSync(join(TESTDATA, family.folder, `${sample}.ntc.json`), 'utf8'),
        ) as Row[];
        const result = parseShowOutput(family.vendor, family.command, raw);
        if (!result.ok) throw new Error(result.error.message);
        const records = (result.records as Row[]).filter(family.keep ?? (() => true));
        expect(records).toHaveLength(expected.length);
        expected.forEach((ntc, index) => {
          for (const [ntcField, ours] of Object.entries(family.fields)) {
            if (!(ntcField in ntc)) continue;
            const skip = DELIBERATE_DIFFERENCES.some(
              ([name, row, field]) => name === sample && row === index && field === ntcField,
            );
            if (skip) continue;
            const actual = ours(records[index]!);
            const wanted = ntc[ntcField];
            expect(
              typeof wanted === 'string' ? String(actual).trim() : actual,
              `${sample} record ${index} ${ntcField}`,
            ).toEqual(typeof wanted === 'string' ? wanted.trim() : wanted);
          }
        });
      });
    }
  });
}

describe('the real samples', () => {
  it('are all covered: every sample folder has a family', () => {
    const folders = ['cisco_ios', 'hp_procurve'].flatMap((vendor) =>
      readdirSync(join(TESTDATA, vendor)).map((folder) => `${vendor}/${folder}`),
    );
    expect(folders.sort()).toEqual(FAMILIES.map((family) => family.folder).sort());
    expect(sampleCount).toBeGreaterThanOrEqual(40);
  });
});
