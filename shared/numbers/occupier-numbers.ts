import type { Occupier, PhoneNumber } from '../platform/schemas';
import type { SiteSnapshot } from '../platform/snapshot';
import { planAllocation, type AllocationPlan } from './allocation';
import { classifyNumber, type NumberClassification } from './classification';
import type { SnapshotIndex } from './snapshot-index';

/** One occupier's numbers at a site, sorted into what the checks count. */
export interface OccupierNumbers {
  occupier: Occupier;
  region: string;
  /** Total voice service quantity (QTY) at the site. */
  quantity: number;
  /**
   * More than one voice service, or one whose record changed since it was added (version
   * above 1: the quantity was raised). Automation only runs on a first add (DOMAIN.md).
   */
  upgraded: boolean;
  hasManualNumbers: boolean;
  /** What the platform does by itself for this occupier's services; null with no services. */
  plan: AllocationPlan | null;
  /** Distinct numbers held (first record of each E.164), in E.164 order. */
  numbers: PhoneNumber[];
  /** E.164s the snapshot records more than once for this occupier. */
  duplicateRecords: string[];
  classifications: ReadonlyMap<string, NumberClassification>;
  /** Records of the same E.164 held by other occupiers at the site. */
  heldElsewhere: ReadonlyMap<string, PhoneNumber[]>;
  mains: PhoneNumber[];
  /** ACTIVE numbers that are not the main number: they cover the voice services. */
  active: PhoneNumber[];
  /** RESERVED numbers that are not the main number. */
  spares: PhoneNumber[];
  /** Spares fit to activate or nominate: allowed and held by no one else; manual ones first. */
  usableSpares: PhoneNumber[];
  pending: PhoneNumber[];
  /** RESERVED, ACTIVE or PENDING numbers, the main number included. */
  allocatedCount: number;
}

const MANUAL_SOURCES = new Set(['ported', 'customRange']);

function isVersionOfFirstAdd(version: number): boolean {
  return version <= 1;
}

/** Fit to activate or nominate: of an allowed type and held by no other occupier. */
export function isUsableNumber(
  state: Pick<OccupierNumbers, 'classifications' | 'heldElsewhere'>,
  number: PhoneNumber,
): boolean {
  return (
    state.classifications.get(number.e164)?.allowed === true &&
    !state.heldElsewhere.has(number.e164)
  );
}

export function gatherOccupierNumbers(
  snapshot: SiteSnapshot,
  index: SnapshotIndex,
  occupier: Occupier,
): OccupierNumbers {
  const region = snapshot.site.region;
  const services = index.servicesByOccupier.get(occupier.id) ?? [];
  const quantity = services.reduce((sum, service) => sum + service.quantity, 0);
  const upgraded =
    services.length > 1 || services.some((service) => !isVersionOfFirstAdd(service.version));

  const numbers: PhoneNumber[] = [];
  const duplicateRecords: string[] = [];
  for (const number of index.numbersByOccupier.get(occupier.id) ?? []) {
    const previous = numbers.at(-1);
    if (previous?.e164 === number.e164) {
      if (duplicateRecords.at(-1) !== number.e164) duplicateRecords.push(number.e164);
    } else numbers.push(number);
  }

  const classifications = new Map<string, NumberClassification>();
  const heldElsewhere = new Map<string, PhoneNumber[]>();
  for (const number of numbers) {
    classifications.set(number.e164, classifyNumber(number.e164, region));
    const others = (index.holdersByNumber.get(number.e164) ?? []).filter(
      (holder) => holder.occupierId !== occupier.id,
    );
    if (others.length > 0) heldElsewhere.set(number.e164, others);
  }

  const live = numbers.filter(
    (n) => n.state === 'RESERVED' || n.state === 'ACTIVE' || n.state === 'PENDING',
  );
  const spares = numbers.filter((n) => n.state === 'RESERVED' && !n.isMain);
  const usableSpares = spares
    .filter((n) => isUsableNumber({ classifications, heldElsewhere }, n))
    // Stable sort keeps E.164 order within each group.
    .sort((a, b) => Number(!MANUAL_SOURCES.has(a.source)) - Number(!MANUAL_SOURCES.has(b.source)));
  const hasManualNumbers = numbers.some((n) => MANUAL_SOURCES.has(n.source));

  return {
    occupier,
    region,
    quantity,
    upgraded,
    hasManualNumbers,
    plan:
      quantity > 0
        ? planAllocation({
            region,
            quantity,
            autoMainNumber: snapshot.operator.autoMainNumber,
            upgrade: upgraded,
            hasManualNumbers,
          })
        : null,
    numbers,
    duplicateRecords,
    classifications,
    heldElsewhere,
    mains: live.filter((n) => n.isMain),
    active: numbers.filter((n) => n.state === 'ACTIVE' && !n.isMain),
    spares,
    usableSpares,
    pending: numbers.filter((n) => n.state === 'PENDING'),
    allocatedCount: live.length,
  };
}
