import type { PortFacts, PoeState } from '../../../shared/switch/facts';
import type { InterfaceStatus, Neighbour, PoePort, SwitchDriver } from '../drivers';

const UPLINK = /^(?:Te|Fo|Hu|Twe)|^Gi\d+\/1\/\d+$|^[A-Z]\d+$/;

/** Position on the faceplate: the interface's last number (`Gi1/0/5` → 5, `5` → 5). */
export function portNumber(interfaceName: string): number {
  return Number(/(\d+)$/.exec(interfaceName)?.[1] ?? 0) || 1;
}

export function isUplink(interfaceName: string): boolean {
  return UPLINK.test(interfaceName);
}

function poeOf(entry: PoePort | undefined): PortFacts['poe'] {
  if (!entry) return { state: 'none', watts: null };
  const watts = Number.parseFloat(entry.power);
  let state: PoeState = 'searching';
  if (!entry.enabled) state = 'disabled';
  else if (entry.delivering) state = 'delivering';
  else if (/fault|denied/i.test(entry.device)) state = 'fault';
  return { state, watts: entry.delivering && Number.isFinite(watts) ? watts : null };
}

function neighbourOf(entry: Neighbour | undefined): PortFacts['neighbour'] {
  if (!entry) return null;
  return {
    protocol: entry.protocol,
    systemName: entry.systemName,
    model: entry.model,
    manufacturer: entry.manufacturer,
    mac: entry.mac,
    isPhone: entry.isPhone,
  };
}

/** Merges what the switch said about an interface into one vendor-neutral record. */
export function portFactsOf(
  status: InterfaceStatus,
  parts: {
    poe: PoePort[];
    neighbours: Neighbour[];
    macs: { interfaceName: string; mac: string }[];
  },
  readAt: string,
): PortFacts {
  const same = (name: string) => name === status.interfaceName;
  return {
    interfaceName: status.interfaceName,
    number: portNumber(status.interfaceName),
    uplink: isUplink(status.interfaceName),
    description: status.description,
    link: status.adminDown ? 'disabled' : status.linkUp ? 'up' : 'down',
    vlan: status.vlan,
    poe: poeOf(parts.poe.find((p) => same(p.interfaceName))),
    neighbour: neighbourOf(parts.neighbours.find((n) => same(n.interfaceName))),
    macs: parts.macs.filter((m) => same(m.interfaceName)).map((m) => m.mac),
    readAt,
  };
}

/** Every interface's facts: status, PoE, LLDP/CDP neighbour and learnt MACs, in four reads. */
export async function readAllPorts(driver: SwitchDriver, now: () => Date): Promise<PortFacts[]> {
  const statuses = await driver.interfaceStatuses();
  const poe = await driver.poe();
  const neighbours = await driver.neighbours();
  const macs = await driver.macTable();
  const readAt = now().toISOString();
  return statuses.map((status) => portFactsOf(status, { poe, neighbours, macs }, readAt));
}

/** One interface's facts again, after the switch reported a change on it. */
export async function readOnePort(
  driver: SwitchDriver,
  interfaceName: string,
  now: () => Date,
): Promise<PortFacts | null> {
  const status = (await driver.interfaceStatuses()).find((s) => s.interfaceName === interfaceName);
  if (!status) return null;
  const poe = await driver.poe(interfaceName);
  const neighbours = await driver.neighbours(interfaceName);
  const macs = await driver.macTable(interfaceName);
  return portFactsOf(status, { poe, neighbours, macs }, now().toISOString());
}
