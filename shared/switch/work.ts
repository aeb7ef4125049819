import type { JobEvent } from '../jobs/events';
import type { CablingObservation, CablingOutcome, IdentityCheck } from '../jobs/switch-events';
import type { JobSnapshot } from '../jobs/snapshot';
import { occupierFloorPorts } from '../platform/floor-ports';
import type { FloorPort, Handset, PortRole } from '../platform/schemas';
import type { PortFacts, SwitchIdentityView } from './facts';

/** The switch half of a job as its journal says: a pure fold, like the checklist. */
export interface SwitchWork {
  connections: Record<
    string,
    { identity: SwitchIdentityView; check: IdentityCheck; confirmed: boolean; at: string }
  >;
  /** Handset → floor port the engineer chose (a fix of the plan included). */
  plannedFloorPort: Record<string, string>;
  cabling: Record<
    string,
    {
      outcome: CablingOutcome;
      expectedFloorPortId: string | null;
      observed: CablingObservation | null;
      at: string;
    }
  >;
  roles: Record<
    string,
    {
      roleId: string;
      switchId: string;
      interfaceName: string;
      changed: boolean;
      verified: boolean;
      commands: string[];
      rejected: { command: string; switchSaid: string } | null;
      actualConfig: string[];
      at: string;
    }
  >;
  transcripts: {
    switchId: string;
    hostname: string;
    file: string;
    startedAt: string;
    endedAt: string;
    reason: string;
  }[];
}

export function foldSwitchWork(events: readonly JobEvent[]): SwitchWork {
  const work: SwitchWork = {
    connections: {},
    plannedFloorPort: {},
    cabling: {},
    roles: {},
    transcripts: [],
  };
  for (const event of events) {
    switch (event.type) {
      case 'SwitchConnected': {
        const { switchId, identity, check } = event.payload;
        const before = work.connections[switchId];
        const same =
          before?.confirmed === true &&
          JSON.stringify(before.identity) === JSON.stringify(identity);
        work.connections[switchId] = { identity, check, confirmed: same, at: event.time };
        break;
      }
      case 'SwitchIdentityConfirmed': {
        const current = work.connections[event.payload.switchId];
        if (current) current.confirmed = true;
        break;
      }
      case 'CablingPlanned':
        work.plannedFloorPort[event.payload.handsetId] = event.payload.floorPortId;
        break;
      case 'HandsetCablingChecked':
        work.cabling[event.payload.handsetId] = {
          outcome: event.payload.outcome,
          expectedFloorPortId: event.payload.expectedFloorPortId,
          observed: event.payload.observed,
          at: event.time,
        };
        break;
      case 'PortRoleApplied': {
        const p = event.payload;
        work.roles[p.floorPortId] = {
          roleId: p.roleId,
          switchId: p.switchId,
          interfaceName: p.interfaceName,
          changed: p.changed,
          verified: p.verified,
          commands: p.commands,
          rejected: p.rejected
            ? { command: p.rejected.command, switchSaid: p.rejected.switchSaid }
            : null,
          actualConfig: p.actualConfig,
          at: event.time,
        };
        break;
      }
      case 'SwitchTranscriptSaved': {
        const p = event.payload;
        work.transcripts.push({
          switchId: p.switchId,
          hostname: p.hostname,
          file: p.file,
          startedAt: p.startedAt,
          endedAt: p.endedAt,
          reason: p.reason,
        });
        break;
      }
      default:
        break;
    }
  }
  return work;
}

/** Whether changes may be sent to a switch: it is the expected one, or the engineer confirmed it. */
export function changesAllowed(work: SwitchWork, switchId: string): boolean {
  const connection = work.connections[switchId];
  return connection !== undefined && (connection.check.matches || connection.confirmed);
}

/** The occupier's handsets at the site, in a stable order. */
export function occupierHandsets(snapshot: JobSnapshot): Handset[] {
  return snapshot.handsets
    .filter((h) => h.occupierId === snapshot.occupierId)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface PlannedHandset {
  handset: Handset;
  modelName: string;
  floorPort: FloorPort | null;
  /** `platform`: the platform's record; `engineer`: chosen in this job; `suggested`: the first free floor port of the occupier. */
  source: 'platform' | 'engineer' | 'suggested' | 'none';
}

/**
 * Where each of the occupier's handsets goes: the engineer's choice in this job, else the
 * platform's record, else the occupier's next free floor port (said so on screen).
 */
export function cablingPlan(
  snapshot: JobSnapshot,
  work: Pick<SwitchWork, 'plannedFloorPort'>,
): PlannedHandset[] {
  const ports = snapshot.floorPorts;
  const handsets = occupierHandsets(snapshot);
  const taken = new Set<string>();
  const chosen = handsets.map((handset) => {
    const mine = work.plannedFloorPort[handset.id];
    if (mine) return { handset, id: mine, source: 'engineer' as const };
    if (handset.floorPortId)
      return { handset, id: handset.floorPortId, source: 'platform' as const };
    return { handset, id: null, source: 'none' as const };
  });
  for (const entry of chosen) if (entry.id) taken.add(entry.id);
  const free = occupierFloorPorts(ports, snapshot.occupierId)
    .filter((p) => !taken.has(p.id))
    .sort((a, b) => a.label.localeCompare(b.label));
  return chosen.map((entry) => {
    const model = snapshot.handsetModels.find((m) => m.id === entry.handset.modelId);
    const modelName = model ? `${model.vendor} ${model.name}` : entry.handset.modelId;
    if (entry.id)
      return {
        handset: entry.handset,
        modelName,
        floorPort: ports.find((p) => p.id === entry.id) ?? null,
        source: entry.source,
      };
    const next = free.shift() ?? null;
    return {
      handset: entry.handset,
      modelName,
      floorPort: next,
      source: next ? ('suggested' as const) : ('none' as const),
    };
  });
}

/** What the switch shows for a handset now, judged against its plan. */
export function judgeCabling(
  planned: PlannedHandset,
  snapshot: JobSnapshot,
  portsBySwitch: Record<string, readonly PortFacts[]>,
): { outcome: CablingOutcome; observed: CablingObservation | null } {
  const mac = planned.handset.mac.toLowerCase();
  for (const [switchId, ports] of Object.entries(portsBySwitch)) {
    const port = ports.find(
      (p) => p.link === 'up' && (p.neighbour?.mac === mac || p.macs.includes(mac)),
    );
    if (!port) continue;
    const floorPort =
      snapshot.floorPorts.find(
        (fp) => fp.switchId === switchId && sameInterfaceName(fp.interfaceName, port.interfaceName),
      ) ?? null;
    const observed: CablingObservation = {
      switchId,
      interfaceName: port.interfaceName,
      floorPortId: floorPort?.id ?? null,
      link: port.link,
      poe: port.poe.state,
      poeWatts: port.poe.watts,
      neighbour: port.neighbour,
    };
    const right = planned.floorPort !== null && floorPort?.id === planned.floorPort.id;
    const powered = port.poe.state === 'delivering' || port.poe.state === 'none';
    return {
      outcome: right && powered && port.neighbour !== null ? 'ok' : right ? 'notSeen' : 'wrongPort',
      observed,
    };
  }
  return { outcome: 'notSeen', observed: null };
}

/** `Gi1/0/5` and `GigabitEthernet1/0/5` are the same interface; AOS-S names are plain. */
export function sameInterfaceName(a: string, b: string): boolean {
  const short = (name: string) =>
    name
      .trim()
      .replace(/^GigabitEthernet/i, 'Gi')
      .replace(/^TenGigabitEthernet/i, 'Te')
      .toLowerCase();
  return short(a) === short(b);
}

/**
 * The role a floor port with a handset needs, from the site's catalogue: desk phones have a
 * PC port, so the role with a voice VLAN and PoE; failing that, any PoE role with LLDP-MED.
 */
export function roleNeededForHandset(catalogue: readonly PortRole[]): PortRole | null {
  return (
    catalogue.find((r) => r.voiceVlan !== null && r.poe && !r.shutdown) ??
    catalogue.find((r) => r.poe && r.lldpMed && !r.shutdown) ??
    null
  );
}

/** Cabling is green when every handset of the occupier was seen, from the switch, on its planned floor port. */
export function cablingDone(snapshot: JobSnapshot, work: SwitchWork): boolean {
  const plan = cablingPlan(snapshot, work);
  return (
    plan.length > 0 &&
    plan.every((p) => {
      const fact = work.cabling[p.handset.id];
      return fact?.outcome === 'ok' && fact.expectedFloorPortId === (p.floorPort?.id ?? null);
    })
  );
}

/** Port roles are green when every planned floor port has the role it needs, read back and verified. */
export function portRolesDone(snapshot: JobSnapshot, work: SwitchWork): boolean {
  const needed = roleNeededForHandset(snapshot.site.roleCatalogue);
  const plan = cablingPlan(snapshot, work);
  return (
    needed !== null &&
    plan.length > 0 &&
    plan.every((p) => {
      if (!p.floorPort) return false;
      const applied = work.roles[p.floorPort.id];
      return applied?.verified === true && applied.roleId === needed.id;
    })
  );
}
