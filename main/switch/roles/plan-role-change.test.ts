import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import demoWorld from '../../sim/world/demo-world.json';
import { parseInterfaceConfig } from '../parsers/parse-interface-config';
import type { InterfaceConfig } from '../parsers/interface-config';
import { applyCommands, modelFromConfig, renderRunningConfig } from './interface-config-model';
import { planRoleChange } from './plan-role-change';
import { verifyRole } from './verify-role';

const CATALOGUE = (demoWorld as { sites: Array<{ roleCatalogue: PortRole[] }> }).sites[0]!
  .roleCatalogue;
const role = (id: string) => CATALOGUE.find((entry) => entry.id === id)!;

function config(vendor: SwitchVendor, text: string, name?: string): InterfaceConfig {
  const result = parseInterfaceConfig(vendor, text, name);
  if (!result.ok) throw new Error(result.error.message);
  return result.records[0]!;
}

const cisco = (...lines: string[]) =>
  config(
    'cisco_ios',
    [
      'Building configuration...',
      '',
      '!',
      'interface GigabitEthernet1/0/5',
      ...lines.map((l) => ` ${l}`),
      'end',
    ].join('\n'),
  );
const aruba = (...lines: string[]) =>
  config(
    'aruba_aoss',
    ['Running configuration:', '', 'interface 5', ...lines.map((l) => `   ${l}`), '   exit'].join(
      '\n',
    ),
  );

/** Applies the plan to the model, reads the result back as a switch would print it. */
function applyAndReadBack(
  vendor: SwitchVendor,
  current: InterfaceConfig,
  commands: string[],
): InterfaceConfig {
  const after = renderRunningConfig(applyCommands(modelFromConfig(current), commands));
  return config(vendor, after, current.interfaceName);
}

const FRESH: Record<SwitchVendor, () => InterfaceConfig> = {
  cisco_ios: () => cisco(),
  aruba_aoss: () => aruba('untagged vlan 1'),
};
const MESSY: Record<SwitchVendor, () => InterfaceConfig> = {
  cisco_ios: () =>
    cisco(
      'description old desk',
      'switchport trunk allowed vlan 10,20',
      'switchport mode trunk',
      'switchport voice vlan 30',
      'power inline never',
      'no lldp transmit',
      'shutdown',
    ),
  aruba_aoss: () =>
    aruba(
      'name "old desk"',
      'untagged vlan 30',
      'tagged vlan 40,50',
      'no power-over-ethernet',
      'disable',
    ),
};

describe('planRoleChange for every catalogue role, both vendors', () => {
  for (const vendor of ['cisco_ios', 'aruba_aoss'] as const) {
    const port = vendor === 'cisco_ios' ? 'Gi1/0/5' : '5';
    for (const entry of CATALOGUE) {
      for (const [state, make] of [
        ['a fresh port', FRESH[vendor]],
        ['a port with another set-up', MESSY[vendor]],
      ] as const) {
        it(`${vendor}: ${entry.name} on ${state} applies, verifies, and then plans nothing`, () => {
          const current = make();
          const plan = planRoleChange(vendor, port, entry, current);
          expect(plan.commands[0]).toMatch(/^(interface|vlan|lldp config) /);
          expect(plan.commands.at(-1)).toBe(vendor === 'cisco_ios' ? 'end' : 'exit');
          expect(plan.changes.length).toBeGreaterThan(0);
          expect(verifyRole(vendor, entry, current).verified).toBe(false);
          const after = applyAndReadBack(vendor, current, plan.commands);
          expect(verifyRole(vendor, entry, after)).toEqual({ verified: true, diff: [] });
          expect(planRoleChange(vendor, port, entry, after)).toEqual({ commands: [], changes: [] });
        });
      }
    }
  }
});

describe('planRoleChange is minimal', () => {
  it('Cisco voice + PC from a data port only adds the voice VLAN, PoE stays as it is', () => {
    const current = cisco(
      'description Desk phone with a PC behind it: data VLAN untagged, voice VLAN tagged, PoE on.',
      'switchport access vlan 10',
      'switchport mode access',
      'spanning-tree portfast',
    );
    expect(planRoleChange('cisco_ios', 'Gi1/0/5', role('voice-pc'), current).commands).toEqual([
      'interface Gi1/0/5',
      'switchport voice vlan 20',
      'end',
    ]);
  });

  it('Cisco disabled role shuts the port first, then parks it', () => {
    const current = cisco(
      'switchport access vlan 10',
      'switchport mode access',
      'spanning-tree portfast',
    );
    expect(
      planRoleChange('cisco_ios', 'GigabitEthernet1/0/5', role('disabled'), current).commands,
    ).toEqual([
      'interface GigabitEthernet1/0/5',
      'shutdown',
      'description Unused socket: shut down, parked in the blackhole VLAN, PoE off.',
      'switchport access vlan 999',
      'power inline never',
      'end',
    ]);
  });

  it('Aruba voice + PC moves the untagged VLAN, tags the voice VLAN and drops other tagged VLANs', () => {
    const current = aruba('untagged vlan 1', 'tagged vlan 40', 'spanning-tree admin-edge-port');
    const plan = planRoleChange('aruba_aoss', '5', role('voice-pc'), current);
    expect(plan.commands).toEqual([
      'interface 5',
      'name "Desk phone with a PC behind it: data VLAN untagged, voice VLAN"',
      'untagged vlan 10',
      'tagged vlan 20',
      'no tagged vlan 40',
      'exit',
    ]);
    expect(plan.changes).toContain('remove the port from tagged VLAN 40');
    expect(plan.changes.at(-1)).toMatch(/shortened to fit the switch \(64 characters/);
  });

  it('Aruba marks the voice VLAN as voice when the VLAN blocks are shown and it is not', () => {
    const current = config(
      'aruba_aoss',
      [
        'vlan 1',
        '   name "DEFAULT_VLAN"',
        '   untagged 1-24',
        '   exit',
        'vlan 20',
        '   name "Voice"',
        '   tagged 5',
        '   exit',
        'spanning-tree 1-24 admin-edge-port',
      ].join('\n'),
      '5',
    );
    expect(current.accessVlan).toBe(1);
    expect(current.taggedVlans).toEqual([20]);
    const plan = planRoleChange(
      'aruba_aoss',
      '5',
      { ...role('voice-pc'), description: '' },
      current,
    );
    expect(plan.commands).toEqual([
      'vlan 20',
      'voice',
      'exit',
      'interface 5',
      'untagged vlan 10',
      'exit',
    ]);
  });

  it('plans nothing when the interface already has the role', () => {
    const current = cisco(
      'description Access point: management VLAN, PoE on.',
      'switchport access vlan 30',
      'switchport mode access',
    );
    expect(planRoleChange('cisco_ios', 'Gi1/0/5', role('wireless-ap'), current)).toEqual({
      commands: [],
      changes: [],
    });
  });
});

describe('verifyRole names exactly the lines that differ', () => {
  it('reports a missing voice VLAN and a stray shutdown', () => {
    const after = cisco(
      'description Desk phone with a PC behind it: data VLAN untagged, voice VLAN tagged, PoE on.',
      'switchport access vlan 10',
      'switchport mode access',
      'spanning-tree portfast',
      'shutdown',
    );
    expect(verifyRole('cisco_ios', role('voice-pc'), after)).toEqual({
      verified: false,
      diff: [
        { line: 'switchport voice vlan 20', expected: 'present', actual: 'absent' },
        { line: 'shutdown', expected: 'absent', actual: 'present' },
      ],
    });
  });

  it('reports an Aruba port still tagged in another VLAN and PoE off', () => {
    const after = aruba(
      'name "Access point: management VLAN, PoE on."',
      'untagged vlan 30',
      'tagged vlan 77',
      'no power-over-ethernet',
    );
    expect(verifyRole('aruba_aoss', role('wireless-ap'), after).diff).toEqual([
      { line: 'tagged vlan 77', expected: 'absent', actual: 'present' },
      { line: 'no power-over-ethernet', expected: 'absent', actual: 'present' },
    ]);
  });
});

describe('bad input is refused with a typed error', () => {
  it('refuses a configuration read from another interface', () => {
    expect(() => planRoleChange('cisco_ios', 'Gi1/0/6', role('data'), cisco())).toThrow(
      expect.objectContaining({ code: 'ROLE_INTERFACE_MISMATCH' }),
    );
  });
  it('refuses a role with an impossible VLAN', () => {
    expect(() =>
      planRoleChange('cisco_ios', 'Gi1/0/5', { ...role('data'), dataVlan: 5000 }, cisco()),
    ).toThrow(expect.objectContaining({ code: 'ROLE_INVALID' }));
  });
  it('refuses a role whose data and voice VLAN are the same', () => {
    expect(() =>
      planRoleChange('aruba_aoss', '5', { ...role('voice-pc'), voiceVlan: 10 }, aruba()),
    ).toThrow(expect.objectContaining({ code: 'ROLE_INVALID' }));
  });
  it('refuses a configuration read from the other vendor', () => {
    expect(() => verifyRole('aruba_aoss', role('data'), cisco())).toThrow(
      expect.objectContaining({ code: 'ROLE_VENDOR_MISMATCH' }),
    );
  });
});

const vlan = fc.integer({ min: 1, max: 4094 });
const arbitraryRole: fc.Arbitrary<PortRole> = fc
  .record({
    id: fc.constant('r'),
    name: fc.constant('Role'),
    description: fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 90 }),
      fc.constantFrom('Desk 3.12', 'AP "north"'),
    ),
    dataVlan: vlan,
    voiceVlan: fc.option(vlan, { nil: null }),
    poe: fc.boolean(),
    lldpMed: fc.boolean(),
    edge: fc.boolean(),
    shutdown: fc.boolean(),
  })
  .filter((portRole) => portRole.voiceVlan !== portRole.dataVlan);

const ciscoState = fc
  .record({
    description: fc.option(fc.constantFrom('old', 'Desk  3.12 | phone'), { nil: null }),
    mode: fc.option(fc.constantFrom('access', 'trunk', 'dynamic auto'), { nil: null }),
    access: fc.option(vlan, { nil: null }),
    voice: fc.option(vlan, { nil: null }),
    poeOff: fc.boolean(),
    portfast: fc.constantFrom(null, 'spanning-tree portfast', 'spanning-tree portfast edge'),
    lldpOff: fc.boolean(),
    medOff: fc.boolean(),
    shutdown: fc.boolean(),
  })
  .map((s) =>
    cisco(
      ...[
        s.description && `description ${s.description}`,
        s.access && s.access !== 1 && `switchport access vlan ${s.access}`,
        s.mode && `switchport mode ${s.mode}`,
        s.voice && `switchport voice vlan ${s.voice}`,
        s.lldpOff && 'no lldp transmit',
        s.medOff && 'no lldp med-tlv-select network-policy',
        s.poeOff && 'power inline never',
        s.portfast,
        s.shutdown && 'shutdown',
      ].filter((line): line is string => typeof line === 'string'),
    ),
  );

const arubaState = fc
  .record({
    name: fc.option(fc.constantFrom('"old"', '"Desk 3.12"'), { nil: null }),
    untagged: fc.option(vlan, { nil: null }),
    tagged: fc.uniqueArray(vlan, { maxLength: 3 }),
    poeOff: fc.boolean(),
    edge: fc.boolean(),
    disabled: fc.boolean(),
    voiceVlans: fc.option(fc.uniqueArray(vlan, { maxLength: 3 }), { nil: null }),
    lldpOff: fc.boolean(),
  })
  .map((s) => {
    const interfaceLines = [
      s.name && `name ${s.name}`,
      s.untagged && `untagged vlan ${s.untagged}`,
      s.tagged.length > 0 && `tagged vlan ${s.tagged.join(',')}`,
      s.poeOff && 'no power-over-ethernet',
      s.edge && 'spanning-tree admin-edge-port',
      s.disabled && 'disable',
    ].filter((line): line is string => typeof line === 'string');
    const vlanBlocks =
      s.voiceVlans === null
        ? []
        : [
            'vlan 1',
            '   exit',
            ...s.voiceVlans.flatMap((v) => [`vlan ${v}`, '   voice', '   exit']),
          ];
    const text = [
      ...(s.lldpOff ? ['no lldp config 5 medTlvEnable network_policy'] : []),
      'interface 5',
      ...interfaceLines.map((line) => `   ${line}`),
      '   exit',
      ...vlanBlocks,
    ].join('\n');
    return config('aruba_aoss', text, '5');
  });

describe('properties of planning', () => {
  for (const [vendor, state, port] of [
    ['cisco_ios', ciscoState, 'Gi1/0/5'],
    ['aruba_aoss', arubaState, '5'],
  ] as const) {
    it(`${vendor}: applying the plan always verifies, and planning again gives no commands`, () => {
      fc.assert(
        fc.property(arbitraryRole, state, (portRole, current) => {
          const plan = planRoleChange(vendor, port, portRole, current);
          const after = applyAndReadBack(vendor, current, plan.commands);
          expect(verifyRole(vendor, portRole, after)).toEqual({ verified: true, diff: [] });
          expect(planRoleChange(vendor, port, portRole, after).commands).toEqual([]);
          // Minimal: a port that already verifies gets no commands.
          if (verifyRole(vendor, portRole, current).verified) expect(plan.commands).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
