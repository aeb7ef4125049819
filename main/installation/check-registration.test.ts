import { describe, expect, it } from 'vitest';
import { buildStepContext, loginTimeline } from '../../shared/jobs';
import { waitFor } from '../sim/platform/test-support/test-platform';
import { demoAppServices, step } from './test-support/bridge-calls';

/**
 * "Check now" after a login's wait ran out: the app's own services and watch, the demo
 * platform and its world. The wait is 0 ms, so the first read-back that finds the handset
 * unregistered records the timeout — no race with a clock.
 */
const { services, call, viewWhere, actionId, newJob } = demoAppServices('check-now', {
  registrationTimeoutMs: 0,
});

describe('"Check now" of a handset login whose wait ran out', () => {
  it('Brightwater: the handset plugged in after the timeout registers; the watch has stopped, Check now sees it', async () => {
    const { jobId } = await newJob('occ-brightwater');
    await call('installation:addVoiceService', { jobId, actionId: actionId(), quantity: 1 });
    await call('sync:now', { jobId });
    const numbered = await viewWhere(jobId, 'a service number', (v) =>
      v.state.snapshot.numbers.some(
        (n) => n.occupierId === 'occ-brightwater' && n.state === 'ACTIVE' && !n.isMain,
      ),
    );
    const e164 = numbered.state.snapshot.numbers.find(
      (n) => n.occupierId === 'occ-brightwater' && n.state === 'ACTIVE' && !n.isMain,
    )!.e164;

    // Before any login there is nothing to check.
    await expect(
      call('installation:checkRegistration', { jobId, actionId: actionId(), e164 }),
    ).rejects.toMatchObject({
      code: 'NOT_LOGGED_IN',
    });

    await call('installation:assignHandset', {
      jobId,
      actionId: actionId(),
      e164,
      handset: 'hs-bw-1',
    });
    await call('installation:logIn', { jobId, actionId: actionId(), e164 });
    await call('sync:now', { jobId });
    // Not plugged in: no link, no registration; the wait (0 ms) runs out at the first read-back.
    const timedOut = await viewWhere(
      jobId,
      'the wait to run out',
      (v) => v.state.installation.timeouts['hs-bw-1'] !== undefined,
    );
    const item = step(timedOut, 'handsetLogin').items.find((i) => i.id === `handsetLogin:${e164}`)!;
    expect(item.message).toMatch(/did not register .* within 0 s\. Check: is it cabled\?/);

    // Plugged in now: the platform sees it register…
    services().demoEquipment.live.plug('hs-bw-1', 'lon-shoreditch-2F-001');
    await waitFor(
      'the platform to see hs-bw-1 registered',
      async () =>
        (await services().platform.getHandsetRegistration('hs-bw-1')).registration === 'registered',
      15_000,
    );
    // …but the job does not know: the watch stopped when the wait ran out.
    const stale = await call('jobs:open', { jobId });
    expect(stale.state.installation.registrations['hs-bw-1']).toBeUndefined();
    expect(step(stale, 'handsetLogin').state).not.toBe('done');

    const checked = await call('installation:checkRegistration', {
      jobId,
      actionId: actionId(),
      e164,
    });
    expect(step(checked, 'handsetLogin').state).toBe('done');
    expect(checked.state.installation.timeouts['hs-bw-1']).toBeUndefined();
    const ctx = buildStepContext(checked.state);
    const stages = loginTimeline(
      ctx,
      ctx.lines.find((l) => l.number.e164 === e164)!,
    );
    expect(stages.at(-1)).toMatchObject({
      state: 'done',
      words: `Registered ${e164} on floor port 2F-001`,
    });

    // Asking again records the same registration once (the watch's id for it), not a second fact.
    const again = await call('installation:checkRegistration', {
      jobId,
      actionId: actionId(),
      e164,
    });
    expect(again.state.installation.registrations['hs-bw-1']?.seenAt).toBe(
      checked.state.installation.registrations['hs-bw-1']?.seenAt,
    );

    // Offline, the check says it needs the platform, and records nothing.
    await call('sync:setWorkOffline', { workOffline: true });
    const before = (await call('jobs:open', { jobId })).state;
    await expect(
      call('installation:checkRegistration', { jobId, actionId: actionId(), e164 }),
    ).rejects.toMatchObject({
      code: 'PLATFORM_UNREACHABLE',
    });
    expect((await call('jobs:open', { jobId })).state).toEqual(before);
    await call('sync:setWorkOffline', { workOffline: false });
  }, 60_000);
});
