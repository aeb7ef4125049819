import type { World } from '../world/schema';
import {
  SimulatedSwitch,
  type ConsoleQuirks,
  type SimPortConfig,
  type SimulatedSwitchOptions,
} from './simulated-switch';
import type { SimVlan, SwitchCredentials } from './switch-model';

export interface SwitchFromWorldOptions {
  credentials: SwitchCredentials | null;
  /** Overrides the world's hostname. */
  hostname?: string;
  /** Overrides the world's interface count. */
  interfaceCount?: number;
  initialDialog?: boolean;
  quirks?: ConsoleQuirks;
}

/**
 * Builds the simulator for one switch of a world: each floor port's interface starts with
 * the configuration of its current role (description = the floor port's label), the
 * site's role VLANs exist, and every handset the world says is plugged in is linked up.
 */
export function switchFromWorld(
  world: World,
  switchId: string,
  options: SwitchFromWorldOptions,
): SimulatedSwitch {
  const site = world.sites.find((s) => s.switches.some((sw) => sw.id === switchId));
  const info = site?.switches.find((sw) => sw.id === switchId);
  if (!site || !info) throw new Error(`the world has no switch ${switchId}`);
  const cisco = info.vendor === 'cisco_ios';
  const interfaceCount = options.interfaceCount ?? info.interfaceCount;
  const floorPorts = world.floorPorts.filter((port) => port.switchId === switchId);
  const vlans = new Map<number, SimVlan>([[1, { id: 1, name: 'DEFAULT_VLAN', voice: false }]]);
  for (const role of site.roleCatalogue) {
    if (!vlans.has(role.dataVlan))
      vlans.set(role.dataVlan, { id: role.dataVlan, name: vlanName(role.name), voice: false });
    if (role.voiceVlan !== null)
      vlans.set(role.voiceVlan, { id: role.voiceVlan, name: 'VOICE', voice: true });
  }
  const ports: Record<string, SimPortConfig> = {};
  for (const floorPort of floorPorts) {
    if (interfaceNumber(floorPort.interfaceName) > interfaceCount) continue;
    const role = site.roleCatalogue.find((r) => r.id === floorPort.roleId);
    ports[floorPort.interfaceName] = role
      ? {
          description: roleDescription(role.description, cisco) || floorPort.label,
          accessVlan: role.dataVlan,
          voiceVlan: cisco ? role.voiceVlan : null,
          taggedVlans: !cisco && role.voiceVlan !== null ? [role.voiceVlan] : [],
          accessMode: cisco,
          poe: role.poe,
          edge: role.edge,
          shutdown: role.shutdown,
        }
      : { description: floorPort.label };
  }
  const refuse = [
    ...(options.quirks?.refuse ?? []),
    ...(world.refusedCommands ?? [])
      .filter((r) => r.switchId === switchId)
      .map(({ interfaceName, command, answer }) => ({
        interfaceName,
        command,
        ...(answer ? { answer } : {}),
      })),
  ];
  const switchOptions: SimulatedSwitchOptions = {
    vendor: info.vendor,
    hostname: options.hostname ?? info.hostname,
    model: info.model,
    interfaceCount,
    credentials: options.credentials,
    initialDialog: options.initialDialog ?? false,
    ports,
    vlans: [...vlans.values()],
    quirks: { ...options.quirks, ...(refuse.length > 0 ? { refuse } : {}) },
  };
  const sw = new SimulatedSwitch(switchOptions);
  for (const handset of world.handsets) {
    const floorPort = floorPorts.find((port) => port.id === handset.floorPortId);
    if (!floorPort || !sw.port(floorPort.interfaceName)) continue;
    const model = world.handsetModels.find((m) => m.id === handset.modelId);
    sw.plugIn(floorPort.interfaceName, {
      mac: handset.mac,
      model: model?.name ?? handset.modelId,
      manufacturer: model?.vendor ?? 'Unknown',
      cdp: model?.vendor === 'Cisco',
    });
  }
  return sw;
}

/** A port that already has its role carries the role's description, as Dialtone writes it. */
function roleDescription(text: string, cisco: boolean): string {
  const oneLine = (cisco ? text : text.replace(/["\\]/g, '')).replace(/\s+/g, ' ').trim();
  const limit = cisco ? 240 : 64;
  if (oneLine.length <= limit) return oneLine;
  const cut = oneLine.slice(0, limit + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut.slice(0, limit)).trim();
}

function interfaceNumber(name: string): number {
  return Number(/(\d+)$/.exec(name)?.[1] ?? 0);
}

function vlanName(roleName: string): string {
  return (
    roleName
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 32) || 'VLAN'
  );
}

/** The first switch of a vendor in a world: what `switch simulate --vendor` starts from. */
export function firstSwitchOfVendor(
  world: World,
  vendor: SimulatedSwitchOptions['vendor'],
): string {
  for (const site of world.sites)
    for (const sw of site.switches) if (sw.vendor === vendor) return sw.id;
  throw new Error(`the world has no ${vendor} switch`);
}
