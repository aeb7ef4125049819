import { count } from '../../wording';
import type { JobSnapshot } from '../snapshot';
import type { RingAttempt } from '../installation-state';
import type { StepContext } from './context';
import { numbersToCome } from './handset-login-step';
import type { StepItem } from './step-status';

function label(snapshot: JobSnapshot, floorPortId: string | null): string {
  if (floorPortId === null) return 'no known floor port';
  return snapshot.floorPorts.find((p) => p.id === floorPortId)?.label ?? floorPortId;
}

function handsetWords(snapshot: JobSnapshot, handsetId: string, mac: string): string {
  const handset = snapshot.handsets.find((h) => h.id === handsetId);
  const model = snapshot.handsetModels.find((m) => m.id === handset?.modelId);
  return `${model ? `the ${model.vendor} ${model.name}` : 'the handset'} ${mac}`;
}

/**
 * A ring test passes only when the engineer heard the expected desk ring AND the platform says
 * this test call rang the handset expected there: never on the engineer's word alone, never
 * when the platform says nothing rang, never when its account of the call is not in.
 */
export function ringTestPassed(attempt: RingAttempt): boolean {
  const { confirmation, testCall } = attempt;
  return (
    confirmation?.rang === 'expectedDesk' &&
    testCall !== null &&
    testCall.outcome === 'rang' &&
    attempt.expectedHandsetId !== null &&
    testCall.rang.some((h) => h.handsetId === attempt.expectedHandsetId)
  );
}

/**
 * The likely cause when the wrong desk rang or none did, from what the platform says rang
 * (the test call) and what the engineer heard. Null when the ring test passed.
 */
export function ringTestCause(snapshot: JobSnapshot, attempt: RingAttempt): string | null {
  const { confirmation, testCall, e164 } = attempt;
  if (!confirmation || ringTestPassed(attempt)) return null;
  const expected = label(snapshot, attempt.expectedFloorPortId);
  if (confirmation.rang === 'expectedDesk') {
    // The engineer heard the desk ring, but the platform does not say this call rang it.
    if (!testCall)
      return `The desk at ${expected} rang, but the platform's account of the test call is not in, so it cannot be told apart from any other call: ring ${e164} again.`;
    if (testCall.rang.length === 0)
      return `The desk at ${expected} rang, but the platform says nothing rang (${testCall.detail.replace(/\.$/, '')}), so it was not this test call: ring ${e164} again.`;
    const other = testCall.rang[0]!;
    return `The desk at ${expected} rang, but the platform rang ${handsetWords(snapshot, other.handsetId, other.mac)} at ${other.floorPortLabel ?? 'another floor port'}, not the handset expected there: check the MAC label of the handset at ${expected}, then ring ${e164} again.`;
  }
  if (confirmation.rang === 'nothing' || !testCall || testCall.rang.length === 0) {
    if (!testCall)
      return `Nothing rang at ${expected}; the platform's account of the call is not in yet.`;
    if (testCall.outcome === 'notLoggedIn')
      return `The platform says ${e164} is logged in to no handset: log it in (Handset login).`;
    if (testCall.outcome === 'notRegistered')
      return `${testCall.detail} Check the cable, the port role and PoE of ${expected}.`;
    return `The platform rang a handset but nothing rang at ${expected}: check the handset's ringer volume and that it is the one on ${expected}.`;
  }
  const heard = label(snapshot, confirmation.rangFloorPortId);
  const other = testCall.rang.find((h) => h.handsetId !== attempt.expectedHandsetId);
  if (other)
    return `${e164} is logged in to the wrong handset: the platform rang ${handsetWords(snapshot, other.handsetId, other.mac)} at ${other.floorPortLabel ?? heard}, not the handset at ${expected}. Log ${e164} out on that handset (its keypad, if it is a keypad model), then log it in to the right one.`;
  const same = testCall.rang.find((h) => h.handsetId === attempt.expectedHandsetId);
  if (same && same.floorPortId !== attempt.expectedFloorPortId)
    return `The handset sits on another floor port: the platform sees it on ${same.floorPortLabel ?? 'another port'}, not ${expected}. Move its cable to ${expected}, or update the job if the desk changed.`;
  return `The platform rang the handset it has on ${expected}, but it rang at ${heard}: the handsets (or their cables) were swapped between desks. Check the MAC label of the handset at ${heard}.`;
}

function latestAttempt(ctx: StepContext, e164: string): RingAttempt | undefined {
  return ctx.state.installation.ringAttempts.findLast((a) => a.e164 === e164);
}

export function ringTestItems(ctx: StepContext): StepItem[] {
  const items: StepItem[] = [];
  for (const line of ctx.lines) {
    const { e164 } = line.number;
    const id = `ringTest:${e164}`;
    const attempt = latestAttempt(ctx, e164);
    if (!line.registered && !attempt) {
      items.push(
        ctx.item(id, `${e164} is not logged in and registered yet (Handset login).`, 'open'),
      );
      continue;
    }
    if (!attempt) {
      items.push(ctx.item(id, `${e164} has not been rung yet: press "Ring it".`, 'open'));
      continue;
    }
    const entry = ctx.outboxItem(attempt.entryId);
    if (entry?.status === 'queued') {
      items.push(
        ctx.item(id, `The test call to ${e164} waits to sync with the platform.`, 'waiting'),
      );
      continue;
    }
    if (entry?.status === 'needsAttention' || entry?.status === 'conflict') {
      items.push(
        ctx.item(
          id,
          `The platform refused the test call to ${e164}: ${entry.problem?.message ?? ''}`,
          'open',
        ),
      );
      continue;
    }
    if (!attempt.testCall && !attempt.confirmation) {
      items.push(
        ctx.item(id, `Calling ${e164}… waiting for the platform's account of the call.`, 'waiting'),
      );
      continue;
    }
    if (!attempt.confirmation) {
      items.push(ctx.item(id, `Which desk rang for ${e164}? Confirm it.`, 'open'));
      continue;
    }
    const cause = ringTestCause(ctx.predicted.snapshot, attempt);
    if (cause !== null)
      items.push(
        ctx.item(
          id,
          `Ring test of ${e164} failed. ${cause}`,
          'open',
          'A wrong desk means the number is logged in to the wrong handset or the handset sits on another floor port (DOMAIN.md).',
        ),
      );
  }
  if (ctx.lines.length === 0)
    items.push(
      numbersToCome(ctx)
        ? ctx.item(
            'ringTest:none',
            'The numbers are not known yet: the platform picks them when the queued change reaches it.',
            'waiting',
          )
        : ctx.item('ringTest:none', 'No service number is active yet.', 'open'),
    );
  return items;
}

export function ringTestSummary(ctx: StepContext): string {
  const passed = ctx.lines.filter((line) => {
    const attempt = latestAttempt(ctx, line.number.e164);
    return attempt !== undefined && ringTestPassed(attempt);
  }).length;
  return `${passed} of ${count(ctx.lines.length, 'number', 'numbers')} rang the right desk.`;
}
