import { describe, expect, it } from 'vitest';
import shoreditch from '../../numbers/test-support/shoreditch-snapshot.json';
import { SiteSnapshot } from '../../platform/snapshot';
import type { JobEvent, JobEventBody } from '../events';
import { foldJob } from '../fold';
import {
  NORTHWIND_E164,
  NORTHWIND_HANDSET,
  loginApplied,
  loginAsked,
  loginQueued,
  registrationSeen,
  registrationTimedOut,
} from '../test-support/northwind-login';
import { buildStepContext, loginTimeline, type LoginStage } from './index';

const base = SiteSnapshot.parse(shoreditch);
const E164 = NORTHWIND_E164;
const HANDSET = NORTHWIND_HANDSET;

function timelineAfter(occupierId: string, bodies: JobEventBody[], e164 = E164): LoginStage[] {
  const events: JobEvent[] = [
    {
      type: 'JobCreated',
      payload: {
        jobId: 'job-1',
        siteId: base.site.id,
        occupierId,
        snapshot: { ...base, occupierId },
      },
    },
    ...bodies,
  ].map((body, i) => ({
    seq: i + 1,
    id: `ev-${i + 1}`,
    time: new Date(Date.parse(base.takenAt) + (i + 1) * 1000).toISOString(),
    actor: i === 0 || body.type.startsWith('Handset') ? 'engineer' : 'sync',
    ...body,
  })) as JobEvent[];
  const ctx = buildStepContext(foldJob(events));
  const line = ctx.lines.find((l) => l.number.e164 === e164)!;
  return loginTimeline(ctx, line);
}
const states = (stages: LoginStage[]) => stages.map((s) => `${s.id}:${s.state}`);

describe("a handset's login timeline, from the journal's facts", () => {
  it('logged in before this job: every stage done, from the platform record', () => {
    const stages = timelineAfter('occ-northwind', []);
    expect(states(stages)).toEqual([
      'assigned:done',
      'asked:done',
      'provisioning:done',
      'registered:done',
    ]);
    expect(stages[0]!.words).toBe('As the platform has it');
    expect(stages[1]!.words).toBe('Logged in before this job');
  });

  it('a remote login: waits to sync while queued, then waits for registration, then registered with its time and floor port', () => {
    const queuedOnly = timelineAfter('occ-northwind', [loginAsked, loginQueued]);
    expect(states(queuedOnly)).toEqual([
      'assigned:done',
      'asked:done',
      'provisioning:now',
      'registered:todo',
    ]);
    expect(queuedOnly[0]!.words).toBe('As the platform has it');
    expect(queuedOnly[1]!.words).toBe('Log in pressed');
    expect(queuedOnly[1]!.at).not.toBeNull();
    expect(queuedOnly[2]!.words).toBe('Waits to sync with the platform');

    const applied = timelineAfter('occ-northwind', [loginAsked, loginQueued, loginApplied]);
    expect(states(applied).slice(2)).toEqual(['provisioning:done', 'registered:now']);
    expect(applied[3]!.words).toBe('Waiting for the handset to register…');

    const done = timelineAfter('occ-northwind', [
      loginAsked,
      loginQueued,
      loginApplied,
      registrationSeen(E164),
    ]);
    expect(states(done).at(-1)).toBe('registered:done');
    expect(done[3]!.words).toMatch(/^Registered \+442079460071 on floor port /);
    // The time of the last registration seen: the fact's own time, after the login.
    expect(done[3]!.at! > done[1]!.at!).toBe(true);
  });

  it('a refused login, a timeout with what to check, and a registration with another number each fail their stage', () => {
    const refused = timelineAfter('occ-northwind', [
      loginAsked,
      loginQueued,
      {
        type: 'MutationNeedsAttention',
        payload: {
          entryId: 'a1:login',
          status: 422,
          code: 'HANDSET_NOT_ALLOWED',
          message: 'The handset is not the occupier’s.',
        },
      },
    ]);
    expect(states(refused).slice(2)).toEqual(['provisioning:failed', 'registered:todo']);
    expect(refused[2]!.words).toContain('The handset is not the occupier’s.');

    const timedOut = timelineAfter('occ-northwind', [
      loginAsked,
      loginQueued,
      loginApplied,
      registrationTimedOut,
    ]);
    expect(timedOut[3]!.state).toBe('failed');
    expect(timedOut[3]!.words).toMatch(/^Not registered within 45 s\. Check: is it cabled\?/);

    const other = timelineAfter('occ-northwind', [
      loginAsked,
      loginQueued,
      loginApplied,
      registrationSeen('+442079460099'),
    ]);
    expect(other[3]!.state).toBe('failed');
    expect(other[3]!.words).toBe(
      'Registered with +442079460099, not +442079460071: log it in again.',
    );
  });

  it('another handset chosen in this job: chosen, with its time; its login is the next step', () => {
    const stages = timelineAfter('occ-northwind', [
      {
        type: 'HandsetAssigned',
        payload: {
          e164: E164,
          handsetId: 'hs-nw-2',
          mac: '80:5e:c0:3f:02:01',
          modelId: 'yealink-t54w',
        },
      },
    ]);
    expect(states(stages)).toEqual([
      'assigned:done',
      'asked:now',
      'provisioning:todo',
      'registered:todo',
    ]);
    expect(stages[0]!.words).toBe('Chosen in this job');
    expect(stages[0]!.at).not.toBeNull();
    expect(stages[1]!.words).toBe('Press "Log in".');
  });

  it('"Check now" facts: while waiting they say what the platform saw; after a timeout they replace its facts', () => {
    const notYet = (linkUp: boolean) => registrationSeen(E164, 'registering', linkUp);
    const waiting = timelineAfter('occ-northwind', [
      loginAsked,
      loginQueued,
      loginApplied,
      notYet(false),
    ]);
    expect(waiting[3]).toMatchObject({
      state: 'now',
      words: 'Checked: not registered yet (no link); still waiting…',
    });
    const timeout = registrationTimedOut;
    const rechecked = timelineAfter('occ-northwind', [
      loginAsked,
      loginQueued,
      loginApplied,
      timeout,
      notYet(true),
    ]);
    expect(rechecked[3]!.state).toBe('failed');
    expect(rechecked[3]!.words).toMatch(
      /^Checked again: not registered yet\. Check: is it cabled to /,
    );
  });

  it('a keypad login is provisioned on the handset itself', () => {
    const stages = timelineAfter('occ-northwind', [
      {
        type: 'HandsetLoginRequested',
        payload: { e164: E164, handsetId: HANDSET, method: 'keypad', entryId: null },
      },
    ]);
    expect(states(stages)).toEqual([
      'assigned:done',
      'asked:done',
      'provisioning:done',
      'registered:now',
    ]);
    expect(stages[1]!.words).toBe('Typed on the keypad');
    expect(stages[2]!.words).toBe('On the handset itself');
  });
});
