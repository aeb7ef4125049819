import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import demoWorld from '../../sim/world/demo-world.json';
import { parseInterfaceConfig } from '../parsers/parse-interface-config';
import type { InterfaceConfig } from '../parsers/interface-config';
import { SimulatedSwitch, type SimPortConfig } from '../../sim/switch';
import { driverFor, type SwitchDriver } from '../drivers';
import { applyPortRole } from '../operations';
import { openSession } from '../session';
import { connectInProcess } from '../transports';
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

const login = { username: 'admin', password: 'plan-pass', enableSecret: 'plan-enable' };

/**
 * The real simulated switch (its CLI, its `show running-config`), not a model: one
 * in-process session per vendor, interface 5 set to a state before each check.
 */
async function simulatedSwitch(vendor: SwitchVendor) {
  const sw = new SimulatedSwitch({
    vendor,
    hostname: vendor === 'cisco_ios' ? 'sw-plan' : 'HC-PLAN',
    model: vendor === 'cisco_ios' ? 'WS-C2960X-24PS-L' : 'Aruba JL258A 2930F-8G-PoE+-2SFP+',
    interfaceCount: 8,
    credentials: login,
  });
  const session = await openSession(
    connectInProcess(sw.openConsole({ baud: null, channel: 'console' })),
    { vendor, login },
  );
  return { sw, driver: driverFor(session), close: () => session.close() };
}

interface SimState {
  port: SimPortConfig;
  /** VLANs marked `voice` (AOS-S); all others are not. */
  voiceVlans?: number[];
}

function setState(sw: SimulatedSwitch, name: string, state: SimState, portRole: PortRole): void {
  // The site's VLANs exist on its switches; AOS-S refuses a port into a VLAN it does not have.
  sw.ensureVlan(portRole.dataVlan);
  if (portRole.voiceVlan !== null) sw.ensureVlan(portRole.voiceVlan);
  const port = sw.port(name)!;
  Object.assign(
    port,
    {
      description: '',
      accessVlan: 1,
      voiceVlan: null,
      taggedVlans: [],
      accessMode: false,
      poe: sw.poeCapable,
      edge: false,
      shutdown: false,
      lldpMedPolicy: true,
    },
    state.port,
  );
  for (const vlan of [
    port.accessVlan,
    port.voiceVlan,
    ...port.taggedVlans,
    ...(state.voiceVlans ?? []),
  ])
    if (vlan !== null) sw.ensureVlan(vlan);
  for (const vlan of sw.vlans.values()) vlan.voice = state.voiceVlans?.includes(vlan.id) ?? false;
}

/**
 * Puts interface 5 in a state, applies the role through the switch's CLI, reads it back:
 * the plan as sent, whether the read-back verifies, and a second plan from the read-back.
 */
async function applyOnSwitch(
  target: { sw: SimulatedSwitch; driver: SwitchDriver },
  vendor: SwitchVendor,
  state: SimState,
  portRole: PortRole,
) {
  const name = vendor === 'cisco_ios' ? 'Gi1/0/5' : '5';
  setState(target.sw, name, state, portRole);
  const before = (await target.driver.interfaceConfig(name, portRole)).config;
  const applied = await applyPortRole(target.driver, { interfaceName: name, role: portRole });
  const after = (await target.driver.interfaceConfig(name, portRole)).config;
  return { before, applied, after, replan: planRoleChange(vendor, name, portRole, after) };
}

const FRESH: Record<SwitchVendor, SimState> = {
  cisco_ios: { port: {} },
  aruba_aoss: { port: {} },
};
const MESSY: Record<SwitchVendor, SimState> = {
  cisco_ios: {
    port: {
      description: 'old desk',
      accessVlan: 30,
      voiceVlan: 40,
      poe: false,
      lldpMedPolicy: false,
      shutdown: true,
    },
  },
  aruba_aoss: {
    port: {
      description: 'old desk',
      accessVlan: 30,
      taggedVlans: [40, 50],
      poe: false,
      shutdown: true,
    },
    voiceVlans: [40],
  },
};

for (const vendor of ['cisco_ios', 'aruba_aoss'] as const) {
  describe(`planRoleChange for every catalogue role on the simulated ${vendor} switch`, () => {
    let target: Awaited<ReturnType<typeof simulatedSwitch>>;
    beforeAll(async () => {
      target = await simulatedSwitch(vendor);
    });
    afterAll(async () => {
      await target?.close();
    });
    for (const entry of CATALOGUE) {
      for (const [state, setUp] of [
        ['a fresh port', FRESH[vendor]],
        ['a port with another set-up', MESSY[vendor]],
      ] as const) {
        it(`${entry.name} on ${state} applies, verifies, and then plans nothing`, async () => {
          const run = await applyOnSwitch(target, vendor, setUp, entry);
          expect(verifyRole(vendor, entry, run.before).verified).toBe(false);
          expect(run.applied.commands[0]).toMatch(/^(interface|vlan|lldp config) /);
          expect(run.applied.commands.at(-1)).toBe(vendor === 'cisco_ios' ? 'end' : 'exit');
          expect(run.applied.changes.length).toBeGreaterThan(0);
          expect(run.applied).toMatchObject({ changed: true, verified: true, diff: [] });
          expect(verifyRole(vendor, entry, run.after)).toEqual({ verified: true, diff: [] });
          expect(run.replan).toEqual({ commands: [], changes: [] });
        });
      }
    }
  });
}

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

const ciscoState: fc.Arbitrary<SimState> = fc
  .record({
    description: fc.option(fc.constantFrom('old', 'Desk  3.12 | phone'), { nil: null }),
    accessMode: fc.boolean(),
    access: fc.option(vlan, { nil: null }),
    voice: fc.option(vlan, { nil: null }),
    poeOff: fc.boolean(),
    edge: fc.boolean(),
    medOff: fc.boolean(),
    shutdown: fc.boolean(),
  })
  .map((s) => ({
    port: {
      description: s.description ?? '',
      accessMode: s.accessMode,
      accessVlan: s.access ?? 1,
      voiceVlan: s.voice,
      poe: !s.poeOff,
      edge: s.edge,
      lldpMedPolicy: !s.medOff,
      shutdown: s.shutdown,
    },
  }));

const arubaState: fc.Arbitrary<SimState> = fc
  .record({
    name: fc.option(fc.constantFrom('old', 'Desk 3.12'), { nil: null }),
    untagged: fc.option(vlan, { nil: null }),
    tagged: fc.uniqueArray(vlan, { maxLength: 3 }),
    poeOff: fc.boolean(),
    edge: fc.boolean(),
    disabled: fc.boolean(),
    voiceVlans: fc.uniqueArray(vlan, { maxLength: 3 }),
    medOff: fc.boolean(),
  })
  .map((s) => ({
    port: {
      description: s.name ?? '',
      accessVlan: s.untagged ?? 1,
      taggedVlans: s.tagged.filter((v) => v !== (s.untagged ?? 1)),
      poe: !s.poeOff,
      edge: s.edge,
      shutdown: s.disabled,
      lldpMedPolicy: !s.medOff,
    },
    voiceVlans: s.voiceVlans,
  }));

describe('properties of planning, on the simulated switch', () => {
  for (const [vendor, state] of [
    ['cisco_ios', ciscoState],
    ['aruba_aoss', arubaState],
  ] as const) {
    it(`${vendor}: applying the plan always verifies, and planning again gives no commands`, async () => {
      const target = await simulatedSwitch(vendor);
      await fc.assert(
        fc.asyncProperty(arbitraryRole, state, async (portRole, current) => {
          const run = await applyOnSwitch(target, vendor, current, portRole);
          expect(run.applied.failure).toBeNull();
          expect(run.applied.rejected).toBeNull();
          expect(verifyRole(vendor, portRole, run.after)).toEqual({ verified: true, diff: [] });
          expect(run.replan.commands).toEqual([]);
          // Minimal: a port that already verifies gets no commands.
          if (verifyRole(vendor, portRole, run.before).verified)
            expect(run.applied.commands).toEqual([]);
        }),
        { numRuns: 300 },
      );
      await target.close();
    }, 120_000);
  }
});

describe('a role whose VLAN the switch lacks', () => {
  it('aruba_aoss: says the voice VLAN does not exist, and sends nothing', async () => {
    const target = await simulatedSwitch('aruba_aoss');
    const voicePc = role('voice-pc');
    target.sw.vlans.delete(voicePc.voiceVlan!);
    const result = await applyPortRole(target.driver, { interfaceName: '3', role: voicePc });
    expect(result.failure).toMatchObject({ code: 'SWITCH_VLAN_MISSING' });
    expect(result.failure!.message).toContain(`VLAN ${voicePc.voiceVlan} does not exist`);
    expect(result).toMatchObject({ changed: false, accepted: [], commands: [] });
    await target.close();
  });
});
