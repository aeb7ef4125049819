import type { RangHandset, TestCall } from '../../../../shared/platform/installation';
import type { Handset } from '../../../../shared/platform/schemas';
import type { LinkTable } from '../links';
import { ProblemError, problem } from '../problem';
import type { PlatformState } from '../state';

function rangHandset(state: PlatformState, links: LinkTable, handset: Handset): RangHandset {
  const floorPortId = links.floorPortOf(handset);
  const port = floorPortId === null ? null : state.floorPorts.get(floorPortId);
  return {
    handsetId: handset.id,
    mac: handset.mac,
    modelId: handset.modelId,
    floorPortId,
    floorPortLabel: port?.label ?? null,
  };
}

/**
 * The platform calls a number, as the simulated world has it: the registrar holds the
 * number's latest registration, so a stray keypad login (newer than the records) takes the
 * call; otherwise the handset the number is logged in to rings when it is registered and
 * its floor port has link.
 */
export function placeTestCall(
  state: PlatformState,
  links: LinkTable,
  input: { siteId: string; e164: string; reference: string; now: Date },
): TestCall {
  const number = state.numberAt(input.siteId, input.e164);
  if (number.state !== 'ACTIVE')
    throw new ProblemError(
      problem(
        409,
        'NUMBER_NOT_ACTIVE',
        'Number not active',
        `${number.e164} is ${number.state}; only an active number can be called.`,
        { state: number.state },
      ),
    );
  const stray = state.strayLogins
    .filter((login) => login.e164 === number.e164)
    .map((login) => state.handsets.get(login.handsetId))
    .filter((handset): handset is Handset => handset !== undefined)
    .filter((handset) => links.handsetHasLink(handset));
  const recorded = number.handsetId === null ? undefined : state.handsets.get(number.handsetId);
  const rang =
    stray.length > 0
      ? stray
      : recorded && recorded.registration === 'registered' && links.handsetHasLink(recorded)
        ? [recorded]
        : [];
  const outcome: TestCall['outcome'] =
    rang.length > 0 ? 'rang' : recorded ? 'notRegistered' : 'notLoggedIn';
  const where = (handset: Handset) => {
    const floorPortId = links.floorPortOf(handset);
    const port = floorPortId === null ? null : state.floorPorts.get(floorPortId);
    return port ? `at floor port ${port.label}` : 'on no known floor port';
  };
  const detail =
    outcome === 'rang'
      ? `Rang ${rang.map((h) => `handset ${h.mac} ${where(h)}`).join(' and ')}.`
      : outcome === 'notRegistered'
        ? `${number.e164} is logged in to handset ${recorded!.mac}, but it has not registered${links.handsetHasLink(recorded!) ? ' yet' : ' (its floor port has no link)'}: nothing rang.`
        : `${number.e164} is logged in to no handset: nothing rang.`;
  const call: TestCall = {
    id: `tc-${state.testCalls.length + 1}`,
    siteId: number.siteId,
    e164: number.e164,
    reference: input.reference,
    placedAt: input.now.toISOString(),
    outcome,
    rang: rang.map((handset) => rangHandset(state, links, handset)),
    detail,
  };
  state.testCalls.push(call);
  return structuredClone(call);
}

export function findTestCall(state: PlatformState, testCallId: string): TestCall {
  const call = state.testCalls.find((c) => c.id === testCallId);
  if (!call)
    throw new ProblemError(
      problem(
        404,
        'TEST_CALL_NOT_FOUND',
        'Test call not found',
        `There is no test call ${testCallId}.`,
      ),
    );
  return structuredClone(call);
}

/** Test calls to one number, newest first, optionally only those with `reference`. */
export function testCallsTo(
  state: PlatformState,
  siteId: string,
  e164: string,
  reference: string | undefined,
): TestCall[] {
  state.numberAt(siteId, e164);
  return state.testCalls
    .filter(
      (c) =>
        c.siteId === siteId &&
        c.e164 === e164 &&
        (reference === undefined || c.reference === reference),
    )
    .reverse()
    .map((c) => structuredClone(c));
}
