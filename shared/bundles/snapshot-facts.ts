import { namesIn } from '../jobs/change-wording';
import type { SiteSnapshot } from '../platform/snapshot';

/**
 * What of a snapshot a support reader (and a replay) cares about, as labelled facts: each
 * floor port's role and version, each number's holder, state and handset, each voice
 * service, each handset's logged-in number, the pool. Left out: when it was taken, the
 * site's revision and handset registration, which follow the clock.
 */
export function snapshotFacts(snapshot: SiteSnapshot): Map<string, string> {
  // In support's words: roles, occupiers and handsets by name, as the snapshot names them.
  const names = namesIn(snapshot);
  const out = new Map<string, string>();
  for (const port of snapshot.floorPorts)
    out.set(`floor port ${port.label} role`, `${names.role(port.roleId)} v${port.version}`);
  for (const number of snapshot.numbers)
    out.set(
      `number ${number.e164}`,
      `${number.state} ${number.occupierId ? names.occupier(number.occupierId) : 'unheld'}${number.isMain ? ' main' : ''}${number.handsetId ? ` on ${names.handset(number.handsetId)}` : ''}`,
    );
  for (const service of snapshot.voiceServices)
    out.set(
      `voice service ${service.id}`,
      `${names.occupier(service.occupierId)} × ${service.quantity}`,
    );
  for (const handset of snapshot.handsets)
    out.set(`handset ${names.handset(handset.id)} logged in`, handset.loggedInNumber ?? 'nobody');
  out.set('pool', `${snapshot.poolAvailable} available`);
  return out;
}

export interface FactChange {
  what: string;
  before: string;
  after: string;
}

/** Every fact that differs between two snapshots, in a stable order. */
export function snapshotChanges(before: SiteSnapshot, after: SiteSnapshot): FactChange[] {
  const a = snapshotFacts(before);
  const b = snapshotFacts(after);
  const changes: FactChange[] = [];
  for (const [what, value] of a) {
    const other = b.get(what) ?? 'absent';
    if (other !== value) changes.push({ what, before: value, after: other });
  }
  for (const [what, value] of b)
    if (!a.has(what)) changes.push({ what, before: 'absent', after: value });
  return changes;
}
