import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobEvent, JobEventBody, OutboxEntry } from './events';
import { createJobFold, currentFloorPortVersion, foldJob, ifMatchFor } from './fold';
import type { JobSnapshot } from './snapshot';
import { bareFloorPort, bareSnapshot } from './test-support/bare-snapshot';
import { hasSendable } from './outbox-plan';
import { deriveSyncStatus } from './sync-status';

const snapshot: JobSnapshot = bareSnapshot('occ', {
  floorPorts: ['fp-1', 'fp-2'].map((id) => bareFloorPort(id, id.toUpperCase(), 'Gi1/0/1')),
});

let seq = 0;
function event(body: JobEventBody, id = `e${seq + 1}`): JobEvent {
  seq++;
  return {
    seq,
    id,
    time: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}Z`,
    actor: 'test',
    ...body,
  };
}
const created = (): JobEvent => {
  seq = 0;
  return event({
    type: 'JobCreated',
    payload: { jobId: 'job', siteId: 'site', occupierId: 'occ', snapshot },
  });
};
function roleEntry(
  entryId: string,
  floorPortId: string,
  roleId: string,
  baseVersion: number,
): OutboxEntry {
  return {
    entryId,
    idempotencyKey: `key-${entryId}-0123456789`,
    mutation: { kind: 'setFloorPortRole', floorPortId, roleId },
    baseVersion,
  };
}
const queued = (entry: OutboxEntry) => event({ type: 'MutationQueued', payload: { entry } });

describe('foldJob', () => {
  it('sends a second change to the same port on top of the version the first one produced', () => {
    const a = roleEntry('a', 'fp-1', 'voice', 5);
    const b = roleEntry('b', 'fp-1', 'data', 5);
    const events = [
      created(),
      queued(a),
      queued(b),
      event({
        type: 'MutationApplied',
        payload: { entryId: 'a', sentIfMatch: 5, resultVersion: 6 },
      }),
    ];
    const state = foldJob(events);
    expect(ifMatchFor(state, b)).toBe(6);
    expect(currentFloorPortVersion(state, 'fp-1')).toBe(6);
    expect(state.floorPorts[0]).toMatchObject({
      roleId: 'data',
      platformRoleId: 'data',
      pending: true,
    });
    expect(deriveSyncStatus(state, { online: true, progress: null })).toMatchObject({
      label: 'queued',
      queued: 1,
    });
  });

  it('keeps a conflict until resolved; apply-mine queues the same change on their version in its place', () => {
    const a = roleEntry('a', 'fp-1', 'voice', 5);
    const later = roleEntry('later', 'fp-1', 'wifi', 5);
    const replacement = roleEntry('a2', 'fp-1', 'voice', 9);
    const base = [
      created(),
      queued(a),
      queued(later),
      event({
        type: 'ConflictRaised',
        payload: { entryId: 'a', theirs: { value: { roleId: 'disabled' }, version: 9 } },
      }),
    ];
    const inConflict = foldJob(base);
    expect(deriveSyncStatus(inConflict, { online: true, progress: null }).label).toBe('conflicts');
    expect(inConflict.floorPorts[0]?.conflict).toBe(true);

    const mine = foldJob([
      ...base,
      event({
        type: 'ConflictResolved',
        payload: { entryId: 'a', choice: 'applyMine', replacement },
      }),
    ]);
    expect(mine.outbox.map((i) => [i.entry.entryId, i.status])).toEqual([
      ['a', 'superseded'],
      ['a2', 'queued'],
      ['later', 'queued'],
    ]);

    const theirs = foldJob([
      ...base,
      event({
        type: 'ConflictResolved',
        payload: { entryId: 'a', choice: 'takeTheirs', replacement: null },
      }),
    ]);
    expect(theirs.outbox.map((i) => i.status)).toEqual(['discarded', 'queued']);
  });

  it('never says synced while anything is queued, in conflict or needing attention', () => {
    const statuses = fc.array(fc.constantFrom('queue', 'apply', 'attention', 'conflict'), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(statuses, fc.boolean(), (steps, online) => {
        const events = [created()];
        steps.forEach((step, i) => {
          const entry = roleEntry(`x${i}`, 'fp-2', 'voice', 5);
          events.push(queued(entry));
          if (step === 'apply')
            events.push(
              event({
                type: 'MutationApplied',
                payload: { entryId: entry.entryId, sentIfMatch: null, resultVersion: null },
              }),
            );
          if (step === 'attention')
            events.push(
              event({
                type: 'MutationNeedsAttention',
                payload: { entryId: entry.entryId, status: 422, code: 'X', message: 'no' },
              }),
            );
          if (step === 'conflict')
            events.push(
              event({
                type: 'ConflictRaised',
                payload: { entryId: entry.entryId, theirs: { value: null, version: 7 } },
              }),
            );
        });
        const status = deriveSyncStatus(foldJob(events), { online, progress: null });
        const outstanding = steps.filter((s) => s !== 'apply').length;
        expect(status.label === 'synced').toBe(online && outstanding === 0 && steps.length > 0);
        // Nothing ever sent: never "synced".
        expect(status.label === 'nothingToSync').toBe(online && steps.length === 0);
        expect(status.queued + status.blocked + status.conflicts + status.needsAttention).toBe(
          outstanding,
        );
        // One port: everything queued after the first conflict or refusal waits behind it.
        const firstBlocker = steps.findIndex((s) => s === 'attention' || s === 'conflict');
        const blockedIds = steps
          .map((s, i) => [s, `x${i}`] as const)
          .filter(([s], i) => s === 'queue' && firstBlocker !== -1 && i !== firstBlocker)
          .map(([, id]) => id);
        expect(status.blockedEntries.map((b) => b.entryId)).toEqual(blockedIds);
        for (const b of status.blockedEntries) expect(b.behindEntryId).toBe(`x${firstBlocker}`);
        expect(hasSendable(foldJob(events))).toBe(status.queued > 0);
      }),
    );
  });

  it('gives the same state folded at once or one event at a time, and ignores a repeated outcome', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), (ops) => {
        const events = [created()];
        let lastQueued: string | null = null;
        ops.forEach((op, i) => {
          if (op === 0) {
            lastQueued = `q${i}`;
            events.push(queued(roleEntry(lastQueued, 'fp-1', 'voice', 5)));
          }
          if (op === 1 && lastQueued !== null)
            events.push(
              event({
                type: 'MutationApplied',
                payload: { entryId: lastQueued, sentIfMatch: 5, resultVersion: 6 },
              }),
            );
          if (op === 2)
            events.push(
              event({
                type: 'ChecklistStepMarked',
                payload: { stepId: 'cabling', done: true, note: `${i}` },
              }),
            );
          if (op === 3) events.push(event({ type: 'SnapshotRefreshed', payload: { snapshot } }));
        });
        const whole = foldJob(events);
        const incremental = createJobFold(events[0]!);
        for (const e of events.slice(1)) {
          incremental.apply(e);
          incremental.current();
        }
        expect(incremental.current()).toEqual(whole);
        const applied = events.filter((e) => e.type === 'MutationApplied');
        const repeated = foldJob([...events, ...applied.map((e) => ({ ...e, seq: e.seq + 1000 }))]);
        expect(repeated.outbox).toEqual(whole.outbox);
      }),
    );
  });
});
