import { describe, expect, it } from 'vitest';

import { demoAppServices, step } from './test-support/bridge-calls';

const { services, call, viewWhere, actionId, newJob, numbersGreen } =
  demoAppServices('installation');

describe('the guided job over the bridge, against the demo platform', () => {
  it('Brightwater: adding 3 voice services makes the Numbers step green once the platform confirms it', async () => {
    const { jobId } = await newJob('occ-brightwater');
    const queued = await call('installation:addVoiceService', {
      jobId,
      actionId: actionId(),
      quantity: 3,
    });
    expect(queued.state.outbox.at(-1)?.entry.mutation.kind).toBe('addVoiceService');
    await call('sync:now', { jobId });
    const synced = await numbersGreen(jobId);
    const mine = synced.state.snapshot.numbers.filter((n) => n.occupierId === 'occ-brightwater');
    expect(mine).toHaveLength(5);
    expect(mine.filter((n) => n.isMain)).toHaveLength(1);
    expect(step(synced, 'handsetLogin').items).toHaveLength(3);
    // The main number is never offered for a handset.
    const main = mine.find((n) => n.isMain)!;
    await expect(
      call('installation:assignHandset', {
        jobId,
        actionId: actionId(),
        e164: main.e164,
        handset: 'hs-bw-1',
      }),
    ).rejects.toMatchObject({ code: 'MAIN_NUMBER_NOT_LOGGABLE' });
    // A MAC in another notation is normalised to the handset; a bad one is refused with the reason.
    const first = mine.find((n) => n.state === 'ACTIVE' && !n.isMain)!;
    const assigned = await call('installation:assignHandset', {
      jobId,
      actionId: actionId(),
      e164: first.e164,
      handset: '805E.C02F.0101',
    });
    expect(assigned.state.installation.assignments[first.e164]?.handsetId).toBe('hs-bw-1');
    await expect(
      call('installation:assignHandset', {
        jobId,
        actionId: actionId(),
        e164: first.e164,
        handset: '80:5e:zz',
      }),
    ).rejects.toMatchObject({ code: 'MAC_INVALID' });
  });

  it('Orchard: each fix is queued through the outbox, its effect shows at once, and sync clears its finding', async () => {
    const { view: created, jobId } = await newJob('occ-orchard');
    await call('sync:setWorkOffline', { workOffline: true });
    const ids = step(created, 'numbers').items.map((i) => i.id);
    expect(ids).toEqual(['numbers:activation.short', 'numbers:activation.allocate']);
    const fixed = await call('installation:fixFinding', {
      jobId,
      actionId: actionId(),
      findingId: 'activation.short',
    });
    const item = step(fixed, 'numbers').items.find((i) => i.id === 'numbers:activation.short');
    expect(item?.state ?? 'gone').not.toBe('open');
    expect(fixed.summary.sync?.label).not.toBe('synced');
    await call('sync:setWorkOffline', { workOffline: false });
    await call('sync:now', { jobId });
    const after = await viewWhere(jobId, 'the activation to reach the platform', (v) =>
      v.state.snapshot.numbers.some((n) => n.e164 === '+442079460064' && n.state === 'ACTIVE'),
    );
    expect(step(after, 'numbers').items.map((i) => i.id)).not.toContain('numbers:activation.short');
  });

  it('Northwind: the ring test of +442079460073 rings 3F-011 and names the wrong handset; sign-off is refused while items are open', async () => {
    const { jobId } = await newJob('occ-northwind');
    const attemptId = actionId();
    await call('installation:ringIt', { jobId, actionId: attemptId, e164: '+442079460073' });
    await call('sync:now', { jobId });
    const rung = await viewWhere(jobId, "the platform's account of the call", (v) =>
      v.state.installation.ringAttempts.some(
        (a) => a.attemptId === attemptId && a.testCall !== null,
      ),
    );
    const attempt = rung.state.installation.ringAttempts.find((a) => a.attemptId === attemptId)!;
    expect(attempt.testCall?.rang.map((h) => h.floorPortLabel)).toEqual(['3F-011']);
    const confirmed = await call('installation:confirmRing', {
      jobId,
      actionId: actionId(),
      attemptId,
      rang: 'anotherDesk',
      rangFloorPortId: 'lon-shoreditch-3F-011',
    });
    const item = step(confirmed, 'ringTest').items.find((i) => i.id === 'ringTest:+442079460073')!;
    expect(item.message).toContain('logged in to the wrong handset');
    await expect(
      call('installation:signOff', {
        jobId,
        actionId: actionId(),
        signerName: 'Helen Marsh',
        signerRole: 'Office manager',
      }),
    ).rejects.toMatchObject({ code: 'SIGN_OFF_BLOCKED' });
    await expect(
      call('installation:recordException', {
        jobId,
        actionId: actionId(),
        itemId: item.id,
        reason: 'other',
        text: ' ',
      }),
    ).rejects.toMatchObject({ code: 'REASON_TEXT_REQUIRED' });
    // The installation record with the ring test reaches the platform once.
    await call('sync:now', { jobId });
    const record = await services().platform.getInstallationRecord(
      'lon-shoreditch',
      'occ-northwind',
      jobId,
    );
    expect(record.ringTests).toEqual([
      expect.objectContaining({
        e164: '+442079460073',
        result: 'wrongDesk',
        rangFloorPortId: 'lon-shoreditch-3F-011',
      }),
    ]);
  });
});
