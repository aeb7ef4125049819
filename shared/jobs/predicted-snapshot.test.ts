import { describe, expect, it } from 'vitest';
import type { PhoneNumber } from '../platform/schemas';
import type { PlatformMutation } from './mutations';
import {
  predictSnapshot,
  predictWith,
  waitsForAllocation,
  type PredictedSnapshot,
} from './predicted-snapshot';
import type { JobState } from './state';
import { bareSnapshot } from './test-support/bare-snapshot';

const where = { siteId: 'site', occupierId: 'occ' };

function number(e164: string, state: PhoneNumber['state'], isMain = false): PhoneNumber {
  return {
    e164,
    siteId: 'site',
    occupierId: 'occ',
    state,
    source: 'pool',
    extension: e164.slice(-4),
    defaultPin: '1234',
    isMain,
    handsetId: null,
    version: 1,
  };
}

const predicted = (numbers: PhoneNumber[]): PredictedSnapshot => ({
  snapshot: bareSnapshot('occ', { numbers }),
  pendingAllocations: [],
  pendingNumbers: new Set(['+442030000009']),
});

describe('predictWith: the changes of an action not answered yet, on top', () => {
  const start = predicted([
    number('+442030000001', 'RESERVED'),
    number('+442030000002', 'RESERVED'),
    number('+442030000003', 'ACTIVE'),
  ]);
  const stateOf = (p: PredictedSnapshot, e164: string) =>
    p.snapshot.numbers.find((n) => n.e164 === e164);

  it('applies them as the outbox prediction does, and marks their numbers as waiting', () => {
    const next = predictWith(start, [
      { kind: 'activateNumber', ...where, e164: '+442030000001' },
      { kind: 'nominateMainNumber', ...where, e164: '+442030000003' },
      { kind: 'releaseNumber', ...where, e164: '+442030000002' },
      { kind: 'allocateNumbers', ...where, count: 2, activate: true },
    ]);
    expect(stateOf(next, '+442030000001')?.state).toBe('ACTIVE');
    expect(stateOf(next, '+442030000003')?.isMain).toBe(true);
    expect(stateOf(next, '+442030000002')).toMatchObject({ state: 'COOLDOWN', occupierId: null });
    expect([...next.pendingNumbers].sort()).toEqual([
      '+442030000001',
      '+442030000002',
      '+442030000003',
      '+442030000009',
    ]);
    expect(next.pendingAllocations).toEqual([{ entryId: 'sending:0', count: 2, activate: true }]);
    // The prediction it started from is left as it was.
    expect(stateOf(start, '+442030000001')?.state).toBe('RESERVED');
    expect(start.pendingNumbers.size).toBe(1);
  });

  it('changes nothing more when main has already queued the same changes', () => {
    const mutations: PlatformMutation[] = [
      { kind: 'activateNumber', ...where, e164: '+442030000001' },
      { kind: 'nominateMainNumber', ...where, e164: '+442030000003' },
      { kind: 'releaseNumber', ...where, e164: '+442030000002' },
    ];
    const once = predictWith(start, mutations);
    expect(predictWith(once, mutations).snapshot.numbers).toEqual(once.snapshot.numbers);
  });

  it('with no changes is the prediction itself', () => {
    expect(predictWith(start, [])).toBe(start);
  });
});

describe('predictSnapshot: a queued first add of voice services', () => {
  const stateWith = (mutation: PlatformMutation, numbers: PhoneNumber[] = []): JobState =>
    ({
      snapshot: bareSnapshot('occ', { numbers }),
      outbox: [
        {
          entry: { entryId: 'e1', idempotencyKey: 'k'.repeat(16), mutation, baseVersion: null },
          status: 'queued',
        },
      ],
      installation: { appliedSinceSnapshot: [] },
    }) as unknown as JobState;
  const add = { kind: 'addVoiceService' as const, ...where, quantity: 3 };

  it("counts the platform's own allocation (UK: a batch of 5 for 3 services and the main number)", () => {
    const predicted = predictSnapshot(stateWith(add));
    expect(predicted.pendingAllocations).toEqual([
      { entryId: 'e1', count: 5, activate: true, automatic: { activate: 3, mainNumber: true } },
    ]);
    // So the count findings wait for it; a number's own finding does not.
    expect(waitsForAllocation(predicted, 'activation.allocate')).toBe(true);
    expect(waitsForAllocation(predicted, 'main.missing')).toBe(true);
    expect(waitsForAllocation(predicted, 'allocation.batch')).toBe(true);
    expect(waitsForAllocation(predicted, 'number.not-allowed:+442030000001')).toBe(false);
  });

  it('counts none when the occupier has manually assigned numbers (the platform allocates nothing)', () => {
    const ported = { ...number('+442030000001', 'RESERVED'), source: 'ported' as const };
    const predicted = predictSnapshot(stateWith(add, [ported]));
    expect(predicted.pendingAllocations).toEqual([]);
    expect(waitsForAllocation(predicted, 'activation.allocate')).toBe(false);
  });
});
