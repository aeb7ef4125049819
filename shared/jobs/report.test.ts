import { describe, expect, it } from 'vitest';
import shoreditch from '../numbers/test-support/shoreditch-snapshot.json';
import type { JobEvent, JobEventBody } from './events';
import { foldJob } from './fold';
import { buildJobReport } from './report';
import type { JobSnapshot } from './snapshot';

const snapshot = { ...(shoreditch as JobSnapshot), occupierId: 'occ-northwind' };
const SITE = 'lon-shoreditch';
const OCC = 'occ-northwind';

function journal(bodies: JobEventBody[], engineerName?: string): JobEvent[] {
  const created: JobEventBody = {
    type: 'JobCreated',
    payload: {
      jobId: 'job-r',
      siteId: SITE,
      occupierId: OCC,
      snapshot,
      ...(engineerName ? { engineerName } : {}),
    },
  };
  return [created, ...bodies].map(
    (body, i) =>
      ({
        ...body,
        seq: i + 1,
        id: `e-${i + 1}`,
        time: `2026-05-04T10:${String(i).padStart(2, '0')}:00.000Z`,
        actor: 'engineer',
      }) as JobEvent,
  );
}

const rang = (handsetId: string, mac: string, floorPort: string) => ({
  handsetId,
  mac,
  modelId: 'yealink-t54w',
  floorPortId: `lon-shoreditch-${floorPort}`,
  floorPortLabel: floorPort,
});

function ring(
  attemptId: string,
  e164: string,
  expected: [string, string],
  heard: JobEventBody & { type: 'RingTestConfirmed' },
  rangHandset: ReturnType<typeof rang>,
): JobEventBody[] {
  return [
    {
      type: 'MutationQueued',
      payload: {
        entry: {
          entryId: `call-${attemptId}`,
          idempotencyKey: `key-${attemptId}-0123456789`,
          mutation: {
            kind: 'placeTestCall',
            siteId: SITE,
            occupierId: OCC,
            e164,
            reference: attemptId,
          },
          baseVersion: null,
        },
      },
    },
    {
      type: 'TestCallRequested',
      payload: {
        attemptId,
        e164,
        entryId: `call-${attemptId}`,
        expectedHandsetId: expected[0],
        expectedFloorPortId: `lon-shoreditch-${expected[1]}`,
      },
    },
    {
      type: 'TestCallPlaced',
      payload: {
        attemptId,
        testCall: {
          id: `tc-${attemptId}`,
          siteId: SITE,
          e164,
          reference: attemptId,
          placedAt: '2026-05-04T10:30:00.000Z',
          outcome: 'rang',
          rang: [rangHandset],
          detail: 'rang',
        },
      },
    },
    heard,
  ];
}

describe('the sign-off report', () => {
  it('lists each number with its handset, desk and ring test, the changes, exceptions and who signed', () => {
    const events = journal([
      ...ring(
        'a1',
        '+442079460071',
        ['hs-nw-1', '3F-007'],
        {
          type: 'RingTestConfirmed',
          payload: { attemptId: 'a1', rang: 'expectedDesk', rangFloorPortId: null },
        },
        rang('hs-nw-1', '80:5e:c0:3f:07:01', '3F-007'),
      ),
      ...ring(
        'a3',
        '+442079460073',
        ['hs-nw-3', '3F-009'],
        {
          type: 'RingTestConfirmed',
          payload: {
            attemptId: 'a3',
            rang: 'anotherDesk',
            rangFloorPortId: 'lon-shoreditch-3F-011',
          },
        },
        rang('hs-nw-5', '00:1b:54:3f:0b:01', '3F-011'),
      ),
      {
        type: 'MutationQueued',
        payload: {
          entry: {
            entryId: 'role-1',
            idempotencyKey: 'key-role-1-0123456789',
            mutation: {
              kind: 'setFloorPortRole',
              floorPortId: 'lon-shoreditch-3F-007',
              roleId: 'voice-pc',
            },
            baseVersion: 1,
          },
        },
      },
      { type: 'MutationApplied', payload: { entryId: 'role-1', sentIfMatch: 1, resultVersion: 2 } },
      {
        type: 'ExceptionRecorded',
        payload: {
          itemId: 'ringTest:+442079460073',
          stepId: 'ringTest',
          finding: '+442079460073 rang another desk.',
          reason: 'other',
          text: 'Stray login on 3F-011, support ticket raised',
        },
      },
      {
        type: 'JobSignedOff',
        payload: { signerName: 'Helen Marsh', signerRole: 'Office manager' },
      },
    ]);
    const report = buildJobReport(foldJob(events));

    expect(report.site.name).toBe('Shoreditch Works');
    expect(report.occupier).toEqual({ name: 'Northwind Partners', contact: expect.any(String) });
    expect(report.mainNumber).toBe('+442079460070');
    expect(report.numbers.map((n) => n.e164)).not.toContain('+442079460070');
    const n71 = report.numbers.find((n) => n.e164 === '+442079460071')!;
    expect(n71).toMatchObject({
      extension: '2071',
      handsetMac: '80:5e:c0:3f:07:01',
      floorPort: '3F-007',
      login: 'registered',
      ring: { outcome: 'passed', words: 'Rang at 3F-007, the expected desk' },
    });
    expect(n71.space).toBeTruthy();
    const n73 = report.numbers.find((n) => n.e164 === '+442079460073')!;
    expect(n73.ring).toMatchObject({
      outcome: 'anotherDesk',
      words: 'Rang at 3F-011, not at 3F-009',
    });
    expect(n73.ring.cause).toMatch(/logged in to the wrong handset/);
    expect(report.numbers.find((n) => n.e164 === '+442079460074')!.ring.outcome).toBe('notRung');

    // The test calls are ring tests, not changes; the role change is, and it is on the platform.
    expect(report.changes).toEqual([
      {
        what: 'Floor port 3F-007 recorded with role Voice + PC',
        status: 'onPlatform',
        statusWords: 'Done on the platform',
        at: expect.any(String),
      },
    ]);
    expect(report.exceptions).toEqual([
      {
        step: 'Ring test',
        finding: '+442079460073 rang another desk.',
        reason: 'Other: Stray login on 3F-011, support ticket raised',
        by: 'engineer',
        at: expect.any(String),
      },
    ]);
    expect(report.signOff).toMatchObject({
      signerName: 'Helen Marsh',
      signerRole: 'Office manager',
    });
    // Two test calls still queued: the report says they have not reached the platform.
    expect(report.unsynced).toBe(2);
    // Said in words: neither is a row of the changes table, so "marked below" would not be true.
    expect(report.unsyncedChanges).toEqual([
      'Ring +442079460071 (test call)',
      'Ring +442079460073 (test call)',
    ]);
    expect(report.eventCount).toBe(events.length);
  });

  it('a fresh job: nothing rung, nothing changed, not signed off', () => {
    const report = buildJobReport(foldJob(journal([])));
    expect(report.numbers.every((n) => n.ring.outcome === 'notRung')).toBe(true);
    expect(report.changes).toEqual([]);
    expect(report.signOff).toBeNull();
    expect(report.steps.map((s) => s.title)).toEqual([
      'Numbers',
      'Cabling',
      'Port roles',
      'Handset login',
      'Ring test',
      'Sign-off',
    ]);
  });

  it('names the engineer the job was started under as who did each thing, and sync as itself', () => {
    const events = journal(
      [
        {
          type: 'ExceptionRecorded',
          payload: {
            itemId: 'ringTest:+442079460073',
            stepId: 'ringTest',
            finding: '+442079460073 was not rung.',
            reason: 'occupierAbsent',
            text: '',
          },
        },
        {
          type: 'JobSignedOff',
          payload: { signerName: 'Helen Marsh', signerRole: 'Office manager' },
        },
      ],
      'Sam Okafor',
    );
    // What sync did for the engineer keeps its own actor.
    const bySync = events.map((e, i) => (i === 1 ? { ...e, actor: 'sync' } : e));
    const state = foldJob(events);
    const report = buildJobReport(state);
    expect(state.engineerName).toBe('Sam Okafor');
    expect(report.engineerName).toBe('Sam Okafor');
    expect(report.exceptions.map((e) => e.by)).toEqual(['Sam Okafor']);
    expect(report.signOff).toMatchObject({ signerName: 'Helen Marsh', by: 'Sam Okafor' });
    expect(buildJobReport(foldJob(bySync)).exceptions.map((e) => e.by)).toEqual(['sync']);
  });

  it('a job started before names were asked has no engineer name', () => {
    const report = buildJobReport(foldJob(journal([])));
    expect(report.engineerName).toBeNull();
  });
});
