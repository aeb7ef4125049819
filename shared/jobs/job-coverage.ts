import { z } from 'zod';
import { planAllocation } from '../numbers/allocation';
import { gatherOccupierNumbers } from '../numbers/occupier-numbers';
import { indexSnapshot } from '../numbers/snapshot-index';
import { occupierFloorPorts } from '../platform/floor-ports';
import { NumberSource } from '../platform/schemas';
import type { SiteSnapshot } from '../platform/snapshot';

/** What a new job for one occupier covers, read from the site snapshot before the job starts. */

export const JobKind = z.enum(['firstAdd', 'upgrade', 'manualNumbers', 'noServices']);
export type JobKind = z.infer<typeof JobKind>;

export const JobCoverage = z.object({
  siteId: z.string(),
  siteName: z.string(),
  region: z.string(),
  occupierId: z.string(),
  occupierName: z.string(),
  contact: z.string(),
  snapshotTakenAt: z.string(),
  voiceServices: z.array(z.object({ id: z.string(), quantity: z.number().int() })),
  /** Total voice service quantity (QTY). */
  quantity: z.number().int().nonnegative(),
  kind: JobKind,
  /** One sentence saying what that kind means for the numbers. */
  kindReason: z.string(),
  numbers: z.object({
    main: z.string().nullable(),
    active: z.number().int().nonnegative(),
    spare: z.number().int().nonnegative(),
    allocated: z.number().int().nonnegative(),
  }),
  manualNumbers: z.array(z.object({ e164: z.string(), source: NumberSource, state: z.string() })),
  floorPorts: z.array(
    z.object({ id: z.string(), label: z.string(), space: z.string(), switchInterface: z.string() }),
  ),
  handsets: z.array(
    z.object({
      id: z.string(),
      model: z.string(),
      mac: z.string(),
      loginMethod: z.enum(['remote', 'manual']).nullable(),
      floorPortLabel: z.string().nullable(),
    }),
  ),
});
export type JobCoverage = z.infer<typeof JobCoverage>;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function kindOf(
  quantity: number,
  upgraded: boolean,
  manual: number,
  autoMain: boolean,
): { kind: JobKind; kindReason: string } {
  if (quantity === 0)
    return {
      kind: 'noServices',
      kindReason: `No voice service yet: the job adds the first one${manual > 0 ? '; the occupier has manually assigned numbers, so nothing is allocated automatically' : `, and the platform allocates its numbers automatically${autoMain ? ' (with a main number)' : ''}`}.`,
    };
  if (upgraded)
    return {
      kind: 'upgrade',
      kindReason:
        'An upgrade (another voice service, or a quantity raised): numbers are allocated and activated by hand, spare allocated numbers first.',
    };
  if (manual > 0)
    return {
      kind: 'manualNumbers',
      kindReason: `First-time add with ${plural(manual, 'manually assigned number')} (ported or custom range): numbers are allocated and activated by hand.`,
    };
  return {
    kind: 'firstAdd',
    kindReason: `First-time add: the platform allocated and activated the numbers automatically${autoMain ? ', main number included' : ''}.`,
  };
}

/** What a job for `occupierId` would cover, from the snapshot (pure; no second source of truth). */
export function describeJobCoverage(snapshot: SiteSnapshot, occupierId: string): JobCoverage {
  const occupier = snapshot.occupiers.find((o) => o.id === occupierId);
  if (!occupier) throw new Error(`${occupierId} is not an occupier of ${snapshot.site.id}`);
  const index = indexSnapshot(snapshot);
  const numbers = gatherOccupierNumbers(snapshot, index, occupier);
  const services = index.servicesByOccupier.get(occupierId) ?? [];
  const manualNumbers = numbers.numbers
    .filter((n) => n.source !== 'pool')
    .map((n) => ({ e164: n.e164, source: n.source, state: n.state }));
  const spaceName = (id: string) => snapshot.site.spaces.find((s) => s.id === id)?.name ?? id;
  const switchName = (id: string) =>
    snapshot.site.switches.find((s) => s.id === id)?.hostname ?? id;
  const portLabel = (id: string | null) =>
    id === null ? null : (snapshot.floorPorts.find((p) => p.id === id)?.label ?? id);
  return {
    siteId: snapshot.site.id,
    siteName: snapshot.site.name,
    region: snapshot.site.region,
    occupierId,
    occupierName: occupier.name,
    contact: occupier.contact,
    snapshotTakenAt: snapshot.takenAt,
    voiceServices: services.map((s) => ({ id: s.id, quantity: s.quantity })),
    quantity: numbers.quantity,
    ...kindOf(
      numbers.quantity,
      numbers.upgraded,
      manualNumbers.length,
      // Whether a first add at this site comes with a main number (the operator's setting, UK only).
      planAllocation({
        region: snapshot.site.region,
        quantity: 1,
        autoMainNumber: snapshot.operator.autoMainNumber,
        upgrade: false,
        hasManualNumbers: false,
      }).mainNumber,
    ),
    numbers: {
      main: numbers.mains[0]?.e164 ?? null,
      active: numbers.active.length,
      spare: numbers.spares.length,
      allocated: numbers.allocatedCount,
    },
    manualNumbers,
    floorPorts: occupierFloorPorts(snapshot.floorPorts, occupierId).map((p) => ({
      id: p.id,
      label: p.label,
      space: spaceName(p.spaceId),
      switchInterface: `${switchName(p.switchId)} ${p.interfaceName}`,
    })),
    handsets: (index.handsetsByOccupier.get(occupierId) ?? []).map((h) => {
      const model = snapshot.handsetModels.find((m) => m.id === h.modelId);
      return {
        id: h.id,
        model: model ? `${model.vendor} ${model.name}` : h.modelId,
        mac: h.mac,
        loginMethod: model?.loginMethod ?? null,
        floorPortLabel: portLabel(h.floorPortId),
      };
    }),
  };
}
