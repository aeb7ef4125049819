import type { Handset, Occupier, PhoneNumber, VoiceService } from '../platform/schemas';
import type { SiteSnapshot } from '../platform/snapshot';

/** A snapshot's lists keyed for the checks, so checking every occupier stays linear. */
export interface SnapshotIndex {
  occupiers: ReadonlyMap<string, Occupier>;
  occupierNames: ReadonlyMap<string, string>;
  /** Each occupier's numbers at the site that are not AVAILABLE, in E.164 order. */
  numbersByOccupier: ReadonlyMap<string, readonly PhoneNumber[]>;
  /** Which occupiers hold each number (more than one is a finding). */
  holdersByNumber: ReadonlyMap<string, readonly PhoneNumber[]>;
  servicesByOccupier: ReadonlyMap<string, readonly VoiceService[]>;
  /** Each occupier's handsets, in id order. */
  handsetsByOccupier: ReadonlyMap<string, readonly Handset[]>;
  /** The handset each number is logged in to, by the handset's own record. */
  handsetByLoggedInNumber: ReadonlyMap<string, Handset>;
  /** Handsets some number already names as its handset. */
  handsetIdsInUse: ReadonlySet<string>;
  /** "Yealink T54W" by device-model id: how the engineer reads a handset's label. */
  modelNames: ReadonlyMap<string, string>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byE164 = (a: PhoneNumber, b: PhoneNumber) => (a.e164 < b.e164 ? -1 : a.e164 > b.e164 ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function buildIndex(snapshot: SiteSnapshot): SnapshotIndex {
  const siteId = snapshot.site.id;
  const numbersByOccupier = new Map<string, PhoneNumber[]>();
  const holdersByNumber = new Map<string, PhoneNumber[]>();
  const handsetIdsInUse = new Set<string>();
  for (const number of snapshot.numbers) {
    if (number.siteId !== siteId || number.state === 'AVAILABLE' || number.occupierId === null)
      continue;
    push(numbersByOccupier, number.occupierId, number);
    push(holdersByNumber, number.e164, number);
    if (number.handsetId !== null) handsetIdsInUse.add(number.handsetId);
  }
  for (const list of numbersByOccupier.values()) list.sort(byE164);
  const servicesByOccupier = new Map<string, VoiceService[]>();
  for (const service of snapshot.voiceServices)
    if (service.siteId === siteId) push(servicesByOccupier, service.occupierId, service);
  const handsetsByOccupier = new Map<string, Handset[]>();
  const handsetByLoggedInNumber = new Map<string, Handset>();
  for (const handset of snapshot.handsets) {
    if (handset.siteId !== siteId) continue;
    if (handset.occupierId !== null) push(handsetsByOccupier, handset.occupierId, handset);
    if (handset.loggedInNumber !== null)
      handsetByLoggedInNumber.set(handset.loggedInNumber, handset);
  }
  for (const list of handsetsByOccupier.values()) list.sort(byId);
  return {
    modelNames: new Map(snapshot.handsetModels.map((m) => [m.id, `${m.vendor} ${m.name}`])),
    occupiers: new Map(snapshot.occupiers.map((occupier) => [occupier.id, occupier])),
    occupierNames: new Map(snapshot.occupiers.map((occupier) => [occupier.id, occupier.name])),
    numbersByOccupier,
    holdersByNumber,
    servicesByOccupier,
    handsetsByOccupier,
    handsetByLoggedInNumber,
    handsetIdsInUse,
  };
}

// A snapshot is a value taken at one moment and never edited, so its index can be kept
// for as long as the snapshot lives; checking each of 1,000 occupiers then builds it once.
const indexes = new WeakMap<SiteSnapshot, SnapshotIndex>();

export function indexSnapshot(snapshot: SiteSnapshot): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = buildIndex(snapshot);
    indexes.set(snapshot, index);
  }
  return index;
}
