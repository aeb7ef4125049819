import type { JobEvent, JobSnapshot } from '../../shared/jobs';
import type { PhoneNumber } from '../../shared/platform/schemas';

/**
 * What a replay's simulated platform starts from: the site as the job's first snapshot
 * saw it. A snapshot lists no free pool numbers, only how many there were, so the pool is
 * rebuilt from the numbers later snapshots show that the first did not (they came from
 * the pool), topped up to the recorded count with numbers after them in order (allocation
 * takes the pool in number order, so the recorded ones are taken first, as on site).
 */
export interface ReplaySeed {
  world: {
    operator: JobSnapshot['operator'];
    sites: JobSnapshot['site'][];
    occupiers: JobSnapshot['occupiers'];
    floorPorts: JobSnapshot['floorPorts'];
    voiceServices: JobSnapshot['voiceServices'];
    numbers: PhoneNumber[];
    handsetModels: JobSnapshot['handsetModels'];
    handsets: JobSnapshot['handsets'];
  };
  /** Numbers made up to fill the pool (not from the bundle). */
  syntheticPoolNumbers: number;
}

function nextNumber(e164: string): string {
  return `+${(BigInt(e164.slice(1)) + 1n).toString()}`;
}

export function replaySeedOf(journal: readonly JobEvent[]): ReplaySeed {
  const first = journal[0];
  if (!first || first.type !== 'JobCreated')
    throw new Error('the journal does not start with JobCreated');
  const start = first.payload.snapshot;
  const known = new Set(start.numbers.map((n) => n.e164));
  const pool = new Map<string, PhoneNumber>();
  for (const event of journal)
    if (event.type === 'SnapshotRefreshed')
      for (const number of event.payload.snapshot.numbers)
        if (!known.has(number.e164) && !pool.has(number.e164) && number.source === 'pool')
          pool.set(number.e164, {
            ...number,
            occupierId: null,
            state: 'AVAILABLE',
            isMain: false,
            handsetId: null,
            version: 1,
          });
  const poolNumbers = [...pool.values()].sort((a, b) => a.e164.localeCompare(b.e164));
  let synthetic = 0;
  let last = poolNumbers.at(-1)?.e164 ?? [...known].sort().at(-1) ?? '+442079460000';
  const taken = new Set([...known, ...pool.keys()]);
  while (poolNumbers.length < start.poolAvailable) {
    last = nextNumber(last);
    if (taken.has(last)) continue;
    taken.add(last);
    synthetic++;
    poolNumbers.push({
      e164: last,
      siteId: start.site.id,
      occupierId: null,
      state: 'AVAILABLE',
      source: 'pool',
      extension: last.slice(-4),
      defaultPin: '0000',
      isMain: false,
      handsetId: null,
      version: 1,
    });
  }
  return {
    world: {
      operator: start.operator,
      sites: [start.site],
      occupiers: start.occupiers,
      floorPorts: start.floorPorts,
      voiceServices: start.voiceServices,
      numbers: [...start.numbers, ...poolNumbers],
      handsetModels: start.handsetModels,
      handsets: start.handsets,
    },
    syntheticPoolNumbers: synthetic,
  };
}
