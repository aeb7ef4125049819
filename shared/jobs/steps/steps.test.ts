import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNumbers } from '../../numbers/check';
import shoreditch from '../../numbers/test-support/shoreditch-snapshot.json';
import { SiteSnapshot } from '../../platform/snapshot';
import type { TestCall } from '../../platform/installation';
import type { JobEvent, JobEventBody } from '../events';
import { foldJob } from '../fold';
import { installationRecordOf } from '../installation-record';
import { buildJobReport } from '../report';
import { canSignOff, jobStepStatuses, shownStepStatuses, type StepStatus } from './index';

const base = SiteSnapshot.parse(shoreditch);
const snapshotFor = (occupierId: string) => ({ ...base, occupierId });

function journal(occupierId: string, bodies: JobEventBody[]): JobEvent[] {
  const all: JobEventBody[] = [
    {
      type: 'JobCreated',
      payload: {
        jobId: 'job-1',
        siteId: base.site.id,
        occupierId,
        snapshot: snapshotFor(occupierId),
      },
    },
    ...bodies,
  ];
  return all.map((body, i) => ({
    seq: i + 1,
    id: `ev-${i + 1}`,
    // After the snapshot was taken, one second apart.
    time: new Date(Date.parse(base.takenAt) + (i + 1) * 1000).toISOString(),
    actor: 'engineer',
    ...body,
  }));
}

const statusesOf = (occupierId: string, bodies: JobEventBody[]) =>
  jobStepStatuses(foldJob(journal(occupierId, bodies)));
const step = (statuses: StepStatus[], id: string) => statuses.find((s) => s.id === id)!;

const queued = (
  entryId: string,
  mutation: Extract<JobEventBody, { type: 'MutationQueued' }>['payload']['entry']['mutation'],
): JobEventBody => ({
  type: 'MutationQueued',
  payload: {
    entry: { entryId, idempotencyKey: `key-${entryId}-0000000000`, mutation, baseVersion: null },
  },
});
const applied = (entryId: string): JobEventBody => ({
  type: 'MutationApplied',
  payload: { entryId, sentIfMatch: null, resultVersion: null },
});

describe('checklist step statuses from facts', () => {
  it('Orchard: the Numbers step lists the same sign-off errors the CLI check finds (handset ones go to Handset login)', () => {
    const statuses = statusesOf('occ-orchard', []);
    const cli = checkNumbers(snapshotFor('occ-orchard'), 'occ-orchard', {
      stage: 'signoff',
    }).filter((f) => f.severity === 'error');
    const numbers = step(statuses, 'numbers');
    expect(numbers.state).toBe('needsAttention');
    expect(numbers.items.map((i) => i.id)).toEqual(
      cli.filter((f) => !f.id.startsWith('handset.')).map((f) => `numbers:${f.id}`),
    );
    const login = step(statuses, 'handsetLogin');
    expect(login.items.map((i) => i.id).sort()).toEqual(
      cli
        .filter((f) => f.id.startsWith('handset.missing'))
        .map((f) => `handsetLogin:${f.numbers[0]}`)
        .sort(),
    );
    expect(step(statuses, 'signOff').state).toBe('blocked');
    expect(canSignOff(statuses)).toBe(false);
  });

  it('a queued fix shows its effect at once and its finding waits for the platform', () => {
    const statuses = statusesOf('occ-orchard', [
      queued('fix-1', {
        kind: 'activateNumber',
        siteId: base.site.id,
        occupierId: 'occ-orchard',
        e164: '+442079460064',
      }),
      {
        type: 'FindingFixQueued',
        payload: {
          findingId: 'activation.short',
          fix: { kind: 'activate', numbers: ['+442079460064'] },
          entryIds: ['fix-1'],
        },
      },
      queued('fix-2', {
        kind: 'allocateNumbers',
        siteId: base.site.id,
        occupierId: 'occ-orchard',
        count: 1,
        activate: true,
      }),
      {
        type: 'FindingFixQueued',
        payload: {
          findingId: 'activation.allocate',
          fix: { kind: 'allocate', count: 1, activate: true },
          entryIds: ['fix-2'],
        },
      },
    ]);
    const numbers = step(statuses, 'numbers');
    // +442079460064 is predicted active: one service number more to log in.
    expect(step(statuses, 'handsetLogin').items.map((i) => i.id)).toContain(
      'handsetLogin:+442079460064',
    );
    expect(numbers.items.every((i) => i.state === 'waiting')).toBe(true);
    expect(numbers.state).toBe('queued');
    expect(numbers.summary).toContain('1 number to be allocated');
  });

  it('Brightwater, first add queued offline: every step that needs the numbers says it waits for them', () => {
    const statuses = statusesOf('occ-brightwater', [
      queued('add-1', {
        kind: 'addVoiceService',
        siteId: base.site.id,
        occupierId: 'occ-brightwater',
        quantity: 3,
      }),
    ]);
    const numbers = step(statuses, 'numbers');
    expect(numbers.state).toBe('queued');
    expect(numbers.summary).toBe('1 change waits for the platform · 5 numbers to be allocated');
    for (const id of ['handsetLogin', 'ringTest']) {
      const waiting = step(statuses, id);
      expect(waiting.state, id).toBe('queued');
      expect(
        waiting.items.map((i) => [i.state, i.message.split(':')[0]]),
        id,
      ).toEqual([['waiting', 'The numbers are not known yet']]);
    }
    // Not "0 of 0 service numbers logged in".
    expect(step(statuses, 'handsetLogin').summary).toBe('No service number to log in yet.');
    expect(step(statusesOf('occ-brightwater', []), 'handsetLogin').summary).toBe(
      'No service number is active.',
    );
  });

  it('Northwind: registered handsets make Handset login done; the ring test names the wrong handset', () => {
    const before = statusesOf('occ-northwind', []);
    expect(step(before, 'handsetLogin').state).toBe('done');
    expect(step(before, 'ringTest').items).toHaveLength(4);

    const testCall: TestCall = {
      id: 'tc-1',
      siteId: base.site.id,
      e164: '+442079460073',
      reference: 'ring-1',
      placedAt: '2026-05-04T09:31:00.000Z',
      outcome: 'rang',
      rang: [
        {
          handsetId: 'hs-other',
          mac: '00:1b:54:3f:0b:01',
          modelId: 'cisco-cp-7841',
          floorPortId: 'lon-shoreditch-3F-011',
          floorPortLabel: '3F-011',
        },
      ],
      detail: 'Rang handset 00:1b:54:3f:0b:01 at floor port 3F-011.',
    };
    const ring: JobEventBody[] = [
      queued('ring-1', {
        kind: 'placeTestCall',
        siteId: base.site.id,
        occupierId: 'occ-northwind',
        e164: '+442079460073',
        reference: 'ring-1',
      }),
      {
        type: 'TestCallRequested',
        payload: {
          attemptId: 'ring-1',
          e164: '+442079460073',
          entryId: 'ring-1',
          expectedHandsetId: 'hs-nw-3',
          expectedFloorPortId: 'lon-shoreditch-3F-009',
        },
      },
    ];
    const waiting = step(statusesOf('occ-northwind', ring), 'ringTest');
    expect(waiting.items.find((i) => i.id === 'ringTest:+442079460073')?.state).toBe('waiting');

    const wrong = step(
      statusesOf('occ-northwind', [
        ...ring,
        applied('ring-1'),
        { type: 'TestCallPlaced', payload: { attemptId: 'ring-1', testCall } },
        {
          type: 'RingTestConfirmed',
          payload: {
            attemptId: 'ring-1',
            rang: 'anotherDesk',
            rangFloorPortId: 'lon-shoreditch-3F-011',
          },
        },
      ]),
      'ringTest',
    );
    const item = wrong.items.find((i) => i.id === 'ringTest:+442079460073')!;
    expect(item.state).toBe('open');
    expect(item.message).toContain('logged in to the wrong handset');
    expect(item.message).toContain('3F-011');
  });

  it('the ring test never passes on "this desk rang" alone: not when the platform says nothing rang, nor before its account is in', () => {
    const e164 = '+442079460073';
    const ring: JobEventBody[] = [
      queued('ring-1', {
        kind: 'placeTestCall',
        siteId: base.site.id,
        occupierId: 'occ-northwind',
        e164,
        reference: 'ring-1',
      }),
      {
        type: 'TestCallRequested',
        payload: {
          attemptId: 'ring-1',
          e164,
          entryId: 'ring-1',
          expectedHandsetId: 'hs-nw-3',
          expectedFloorPortId: 'lon-shoreditch-3F-009',
        },
      },
      applied('ring-1'),
    ];
    const heard: JobEventBody = {
      type: 'RingTestConfirmed',
      payload: { attemptId: 'ring-1', rang: 'expectedDesk', rangFloorPortId: null },
    };
    const silent: TestCall = {
      id: 'tc-1',
      siteId: base.site.id,
      e164,
      reference: 'ring-1',
      placedAt: '2026-05-04T09:31:00.000Z',
      outcome: 'notRegistered',
      rang: [],
      detail: 'The handset logged in with this number is not registered.',
    };
    const cases: [string, JobEventBody[]][] = [
      [
        'the platform says nothing rang',
        [{ type: 'TestCallPlaced', payload: { attemptId: 'ring-1', testCall: silent } }, heard],
      ],
      ["the platform's account is not in", [heard]],
    ];
    for (const [what, more] of cases) {
      const job = foldJob(journal('occ-northwind', [...ring, ...more]));
      const statuses = jobStepStatuses(job);
      const ringTest = step(statuses, 'ringTest');
      const item = ringTest.items.find((i) => i.id === `ringTest:${e164}`);
      expect(item?.state, what).toBe('open');
      expect(item?.message, what).toContain(`ring ${e164} again`);
      expect(ringTest.summary, what).toMatch(/^0 of /);
      expect(installationRecordOf(job, statuses).ringTests[0]?.result, what).toBe('nothingRang');
      const reported = buildJobReport(job).numbers.find((n) => n.e164 === e164);
      expect(reported?.ring.outcome, what).toBe('notConfirmedByPlatform');
    }
  });

  it('an exception with a reason turns an open item into "excepted", and the record carries it', () => {
    const bodies: JobEventBody[] = [
      {
        type: 'ExceptionRecorded',
        payload: {
          itemId: 'numbers:activation.short',
          stepId: 'numbers',
          finding: 'x',
          reason: 'portingPending',
          text: '',
        },
      },
    ];
    const job = foldJob(journal('occ-orchard', bodies));
    const statuses = jobStepStatuses(job);
    const item = step(statuses, 'numbers').items.find((i) => i.id === 'numbers:activation.short')!;
    expect(item).toMatchObject({ state: 'excepted', exception: { reason: 'portingPending' } });
    const record = installationRecordOf(job, statuses);
    expect(record.exceptions).toEqual([
      expect.objectContaining({
        itemId: 'numbers:activation.short',
        reason: 'portingPending',
        by: 'engineer',
      }),
    ]);
  });
});

describe('sign-off is shown done only once the platform has its record', () => {
  const signed: JobEventBody = {
    type: 'JobSignedOff',
    payload: { signerName: 'Helen Marsh', signerRole: 'Office manager' },
  };
  /** The job signed off here, its installation record queued as the app queues it. */
  function signedOff(after: JobEventBody[]) {
    const before = foldJob(journal('occ-brightwater', [signed]));
    const record = installationRecordOf(before, jobStepStatuses(before));
    const put = queued('record-1', {
      kind: 'putInstallationRecord',
      siteId: before.siteId,
      occupierId: before.occupierId,
      jobId: 'job-1',
      record,
    });
    return foldJob(journal('occ-brightwater', [signed, put, ...after]));
  }

  it('queued: the record is made with sign-off done, but the checklist and report say it waits', () => {
    const state = signedOff([]);
    expect(step(jobStepStatuses(state), 'signOff').state).toBe('done');
    const shown = step(shownStepStatuses(state), 'signOff');
    expect(shown.state).toBe('queued');
    expect(shown.summary).toBe(
      'Signed off by Helen Marsh (Office manager). The platform does not have its record yet.',
    );
    expect(shown.items).toEqual([
      expect.objectContaining({ id: 'signOff:record', state: 'waiting' }),
    ]);
    const report = buildJobReport(state).steps.find((s) => s.title === 'Sign-off')!;
    expect(report.state).toBe('queued');
    // Only sign-off is shown differently.
    expect(shownStepStatuses(state).filter((s) => s.id !== 'signOff')).toEqual(
      jobStepStatuses(state).filter((s) => s.id !== 'signOff'),
    );
  });

  it('applied: done; refused: needs attention with what the platform said', () => {
    expect(step(shownStepStatuses(signedOff([applied('record-1')])), 'signOff').state).toBe('done');
    const refused = step(
      shownStepStatuses(
        signedOff([
          {
            type: 'MutationNeedsAttention',
            payload: {
              entryId: 'record-1',
              status: 422,
              code: 'PLATFORM_RECORD_INVALID',
              message: 'the ring test list is empty',
            },
          },
        ]),
      ),
      'signOff',
    );
    expect(refused.state).toBe('needsAttention');
    expect(refused.items).toEqual([
      expect.objectContaining({
        state: 'open',
        message: expect.stringContaining('the ring test list is empty'),
      }),
    ]);
  });
});

describe('step status properties', () => {
  const orchard = '+442079460061';
  const anyEvent = fc.oneof(
    fc.record({
      type: fc.constant('ChecklistStepMarked' as const),
      payload: fc.record({
        stepId: fc.constantFrom(
          'numbers',
          'cabling',
          'portRole',
          'handsetLogin',
          'ringTest',
          'signOff' as const,
        ),
        done: fc.boolean(),
        note: fc.constant(''),
      }),
    }),
    fc.constant<JobEventBody>({
      type: 'HandsetAssigned',
      payload: {
        e164: orchard,
        handsetId: 'hs-bw-1',
        mac: '80:5e:c0:2f:01:01',
        modelId: 'yealink-t54w',
      },
    }),
    fc.constant<JobEventBody>({
      type: 'HandsetLoginRequested',
      payload: { e164: orchard, handsetId: 'hs-bw-1', method: 'keypad', entryId: null },
    }),
    fc.constant<JobEventBody>({
      type: 'HandsetRegistrationSeen',
      payload: {
        handsetId: 'hs-bw-1',
        e164: orchard,
        registration: 'registered',
        linkUp: true,
        floorPortId: null,
      },
    }),
    fc.constant<JobEventBody>({
      type: 'ExceptionRecorded',
      payload: {
        itemId: 'numbers:activation.short',
        stepId: 'numbers',
        finding: '',
        reason: 'other',
        text: 'x',
      },
    }),
    fc.constant<JobEventBody>({
      type: 'ExceptionWithdrawn',
      payload: { itemId: 'numbers:activation.short' },
    }),
  );

  it('ticking a step never changes any status (statuses come from facts only)', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 12 }), (bodies) => {
        // The same journal with every tick replaced by an event no status reads (times stay put).
        const facts = bodies.map((b): JobEventBody =>
          b.type === 'ChecklistStepMarked'
            ? { type: 'ReportProduced', payload: { format: 'html' } }
            : b,
        );
        expect(statusesOf('occ-orchard', bodies)).toEqual(statusesOf('occ-orchard', facts));
      }),
      { numRuns: 60 },
    );
  });

  it('a step is done exactly when nothing is left, and sign-off stays blocked while any step has open items', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 12 }), (bodies) => {
        const statuses = statusesOf('occ-orchard', bodies);
        for (const s of statuses) {
          expect(s.state === 'done').toBe(s.items.length === 0);
          if (s.items.some((i) => i.state === 'open'))
            expect(s.state).toBe(s.id === 'signOff' ? s.state : 'needsAttention');
        }
        expect(canSignOff(statuses)).toBe(
          statuses
            .filter((s) => s.id !== 'signOff')
            .every((s) => s.items.every((i) => i.state === 'excepted')),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('Cabling and Port roles stand on what the switch showed', () => {
  const ports = ['3F-007', '3F-008', '3F-009'].map((label) => `lon-shoreditch-${label}`);
  const handsets = ['hs-nw-1', 'hs-nw-2', 'hs-nw-3'];
  const cabled = (handsetId: string, expected: string, seenOn: string): JobEventBody => ({
    type: 'HandsetCablingChecked',
    payload: {
      handsetId,
      mac: '80:5e:c0:3f:07:01',
      expectedFloorPortId: expected,
      outcome: seenOn === expected ? 'ok' : 'wrongPort',
      observed: {
        switchId: 'lon-sw-3f-a',
        interfaceName: 'Gi1/0/7',
        floorPortId: seenOn,
        link: 'up',
        poe: 'delivering',
        poeWatts: 3.1,
        neighbour: null,
      },
    },
  });
  const roleApplied = (floorPortId: string, verified: boolean): JobEventBody => ({
    type: 'PortRoleApplied',
    payload: {
      floorPortId,
      switchId: 'lon-sw-3f-a',
      interfaceName: 'Gi1/0/7',
      roleId: 'voice-pc',
      changed: true,
      verified,
      commands: ['interface Gi1/0/7', 'switchport voice vlan 110'],
      rejected: null,
      actualConfig: [],
      diff: [],
    },
  });
  const itemsOf = (statuses: StepStatus[], stepId: string, key: string) =>
    step(statuses, stepId).items.filter((item) => item.id.endsWith(key));

  it('a platform record alone leaves both open, saying the switch has not shown it yet', () => {
    const statuses = statusesOf('occ-northwind', []);
    expect(itemsOf(statuses, 'cabling', 'hs-nw-1')[0]?.message).toMatch(/not been seen/);
    expect(itemsOf(statuses, 'portRole', ports[0]!)[0]?.message).toMatch(/not read back/);
  });

  it('a handset seen on its floor port and a verified role clear their items', () => {
    const statuses = statusesOf(
      'occ-northwind',
      handsets.flatMap((h, i) => [cabled(h, ports[i]!, ports[i]!), roleApplied(ports[i]!, true)]),
    );
    for (const [i, h] of handsets.entries()) {
      expect(itemsOf(statuses, 'cabling', h)).toEqual([]);
      expect(itemsOf(statuses, 'portRole', ports[i]!)).toEqual([]);
    }
  });

  it('a handset seen on another floor port is named with it; a role that did not verify stays open', () => {
    const statuses = statusesOf('occ-northwind', [
      cabled('hs-nw-1', ports[0]!, ports[1]!),
      roleApplied(ports[0]!, false),
    ]);
    expect(itemsOf(statuses, 'cabling', 'hs-nw-1')[0]?.message).toMatch(
      /came up on floor port 3F-008, not 3F-007/,
    );
    expect(itemsOf(statuses, 'portRole', ports[0]!)[0]?.message).toMatch(/does not match/);
  });
});
