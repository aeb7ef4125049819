import { classifyNumber } from '../../../../shared/numbers';
import type { AllocateRequest, NumbersResult } from '../../../../shared/platform/contract';
import type { NumberSource, PhoneNumber } from '../../../../shared/platform/schemas';
import { ProblemError, problem } from '../problem';
import { assertVersion, type PlatformState } from '../state';
import { activeServiceNumbers, newNumberRecord, totalQuantity } from './number-records';

export function poolExhausted(
  siteId: string,
  needed: number,
  free: number,
  purpose: string,
): ProblemError {
  return new ProblemError(
    problem(
      409,
      'POOL_EXHAUSTED',
      'Number pool too small',
      `The number pool of site ${siteId} has ${free} free numbers; ${needed} are needed ${purpose}. Nothing was allocated.`,
      { needed, free },
    ),
  );
}

function conflict(code: string, title: string, detail: string, extra = {}): ProblemError {
  return new ProblemError(problem(409, code, title, detail, extra));
}

function reserve(number: PhoneNumber, occupierId: string): void {
  number.occupierId = occupierId;
  number.state = 'RESERVED';
  number.isMain = false;
  number.version += 1;
}

/** Allocates a count from the pool, or exactly the given pool numbers: all of them or none. */
export function allocateNumbers(
  state: PlatformState,
  siteId: string,
  occupierId: string,
  request: AllocateRequest,
): NumbersResult {
  state.occupierAt(siteId, occupierId);
  let chosen: PhoneNumber[];
  if ('count' in request) {
    const free = state.freePool(siteId);
    if (free.length < request.count)
      throw poolExhausted(siteId, request.count, free.length, 'for this allocation');
    chosen = free.slice(0, request.count);
  } else {
    if (new Set(request.numbers).size !== request.numbers.length)
      throw new ProblemError(
        problem(400, 'INVALID_REQUEST', 'Invalid request', 'A number is listed twice.'),
      );
    chosen = request.numbers.map((e164) => state.numberAt(siteId, e164));
    const unavailable = chosen.filter((n) => n.state !== 'AVAILABLE' || n.occupierId !== null);
    if (unavailable.length > 0)
      throw conflict(
        'NUMBER_UNAVAILABLE',
        'Numbers not available',
        `These numbers are not free in the pool: ${unavailable.map((n) => `${n.e164} (${n.state})`).join(', ')}. Nothing was allocated.`,
        { numbers: unavailable.map((n) => ({ e164: n.e164, state: n.state })) },
      );
  }
  for (const number of chosen) reserve(number, occupierId);
  state.touchSite(siteId);
  return structuredClone({ numbers: chosen });
}

/** RESERVED → ACTIVE, only while the occupier has voice services left to cover it. */
export function activateNumber(
  state: PlatformState,
  siteId: string,
  e164: string,
  expectedVersion: number | null,
): PhoneNumber {
  const number = state.numberAt(siteId, e164);
  assertVersion(`Number ${e164}`, number, expectedVersion);
  if (number.occupierId === null)
    throw conflict(
      'NUMBER_NOT_ALLOCATED',
      'Number not allocated',
      `${e164} is not allocated to an occupier; allocate it first.`,
    );
  if (number.state !== 'RESERVED')
    throw conflict(
      'NUMBER_NOT_RESERVED',
      'Only a RESERVED number can be activated',
      `${e164} is ${number.state}; only a RESERVED number can be activated.`,
      { state: number.state },
    );
  const services = state.servicesOf(siteId, number.occupierId);
  const quantity = totalQuantity(services);
  if (quantity === 0)
    throw conflict(
      'NO_VOICE_SERVICE',
      'No voice service',
      `The occupier ${number.occupierId} has no voice service at this site; add one first.`,
    );
  const active = activeServiceNumbers(state.numbersOf(siteId, number.occupierId)).length;
  if (!number.isMain && active >= quantity)
    throw conflict(
      'NO_VOICE_SERVICE_LEFT',
      'No voice service left',
      `The occupier has ${active} active numbers and voice services for ${quantity}; raise the quantity before activating another number.`,
      { quantity, active },
    );
  number.state = 'ACTIVE';
  number.version += 1;
  state.touchSite(siteId);
  return structuredClone(number);
}

/** ACTIVE → RESERVED, refused while the number is logged in to a handset. */
export function deactivateNumber(
  state: PlatformState,
  siteId: string,
  e164: string,
  expectedVersion: number | null,
): PhoneNumber {
  const number = state.numberAt(siteId, e164);
  assertVersion(`Number ${e164}`, number, expectedVersion);
  if (number.state !== 'ACTIVE')
    throw conflict(
      'NUMBER_NOT_ACTIVE',
      'Number not active',
      `${e164} is ${number.state}, not ACTIVE.`,
      { state: number.state },
    );
  if (number.handsetId !== null)
    throw conflict(
      'NUMBER_LOGGED_IN',
      'Number logged in',
      `${e164} is logged in to handset ${number.handsetId}; log it out first.`,
      { handsetId: number.handsetId },
    );
  number.state = 'RESERVED';
  number.version += 1;
  state.touchSite(siteId);
  return structuredClone(number);
}

/** A RESERVED number leaves its occupier and cools down before it can be re-used. */
export function releaseNumber(
  state: PlatformState,
  siteId: string,
  e164: string,
  expectedVersion: number | null,
): PhoneNumber {
  const number = state.numberAt(siteId, e164);
  assertVersion(`Number ${e164}`, number, expectedVersion);
  if (number.occupierId === null || number.state !== 'RESERVED')
    throw conflict(
      'NUMBER_NOT_RESERVED',
      'Only an allocated, inactive number can be released',
      `${e164} is ${number.state}${number.occupierId === null ? ' and not allocated' : ''}; only a RESERVED number can be released (deactivate it first).`,
      { state: number.state },
    );
  number.occupierId = null;
  number.state = 'COOLDOWN';
  number.isMain = false;
  number.version += 1;
  state.touchSite(siteId);
  return structuredClone(number);
}

/**
 * Nominates the occupier's main number. A previous main number stops being main; if it was
 * active it goes back to RESERVED, since a main number is virtual and not a service line.
 */
export function nominateMainNumber(
  state: PlatformState,
  siteId: string,
  e164: string,
  expectedVersion: number | null,
): PhoneNumber {
  const number = state.numberAt(siteId, e164);
  assertVersion(`Number ${e164}`, number, expectedVersion);
  const occupierId = number.occupierId;
  if (occupierId === null)
    throw conflict(
      'NUMBER_NOT_ALLOCATED',
      'Number not allocated',
      `${e164} is not allocated to an occupier; allocate it first.`,
    );
  if (number.state !== 'RESERVED' && number.state !== 'ACTIVE')
    throw conflict(
      'NUMBER_NOT_RESERVED',
      'Number cannot be the main number',
      `${e164} is ${number.state}; a main number must be RESERVED or ACTIVE.`,
      { state: number.state },
    );
  if (number.handsetId !== null)
    throw conflict(
      'NUMBER_LOGGED_IN',
      'Number logged in',
      `${e164} is logged in to handset ${number.handsetId}; a main number is never on a handset. Log it out first.`,
      { handsetId: number.handsetId },
    );
  if (number.isMain) return structuredClone(number);
  for (const previous of state.numbersOf(siteId, occupierId)) {
    if (!previous.isMain) continue;
    previous.isMain = false;
    if (previous.state === 'ACTIVE') previous.state = 'RESERVED';
    previous.version += 1;
  }
  number.isMain = true;
  number.version += 1;
  state.touchSite(siteId);
  return structuredClone(number);
}

/** Classifies every input for the site's region; any refused one refuses them all. */
function classifyAll(region: string, inputs: string[]): string[] {
  const results = inputs.map((input) => classifyNumber(input, region));
  const refused = results.filter((r) => !r.allowed || r.e164 === null);
  if (refused.length > 0)
    throw new ProblemError(
      problem(
        422,
        'NUMBER_NOT_ALLOWED',
        'Number not allowed',
        `The platform provides only local and national numbers of ${region}. Refused: ${refused.map((r) => `${r.input}: ${r.reason}`).join('; ')}. Nothing was added.`,
        { rejected: refused.map((r) => ({ input: r.input, type: r.type, reason: r.reason })) },
      ),
    );
  const e164s = results.map((r) => r.e164 as string);
  if (new Set(e164s).size !== e164s.length)
    throw new ProblemError(
      problem(400, 'INVALID_REQUEST', 'Invalid request', 'A number is listed twice.'),
    );
  return e164s;
}

function assignManual(
  state: PlatformState,
  siteId: string,
  occupierId: string,
  e164s: string[],
  source: NumberSource,
  takeFromPool: boolean,
): NumbersResult {
  const clashes = e164s
    .map((e164) => state.numbers.get(e164))
    .filter((n): n is PhoneNumber => n !== undefined)
    .filter((n) => !(takeFromPool && n.siteId === siteId && n.state === 'AVAILABLE'));
  if (clashes.length > 0)
    throw conflict(
      source === 'ported' ? 'NUMBER_EXISTS' : 'NUMBER_UNAVAILABLE',
      'Numbers already on the platform',
      `These numbers are already held on the platform: ${clashes.map((n) => `${n.e164} (${n.state})`).join(', ')}. Nothing was added.`,
      { numbers: clashes.map((n) => ({ e164: n.e164, state: n.state })) },
    );
  const added = e164s.map((e164) => {
    const existing = state.numbers.get(e164);
    if (existing) {
      reserve(existing, occupierId);
      existing.source = source;
      return existing;
    }
    const record = newNumberRecord(state, siteId, e164, occupierId, source);
    state.numbers.set(e164, record);
    return record;
  });
  state.touchSite(siteId);
  return structuredClone({ numbers: added });
}

/** Ported-in numbers: allowed types only, new to the platform, RESERVED for the occupier. */
export function addPortedNumbers(
  state: PlatformState,
  siteId: string,
  occupierId: string,
  inputs: string[],
): NumbersResult {
  const site = state.site(siteId);
  state.occupierAt(siteId, occupierId);
  return assignManual(state, siteId, occupierId, classifyAll(site.region, inputs), 'ported', false);
}

/** A consecutive custom range from `first`; free pool numbers in it are taken over. */
export function addCustomRange(
  state: PlatformState,
  siteId: string,
  occupierId: string,
  first: string,
  count: number,
): NumbersResult {
  const site = state.site(siteId);
  state.occupierAt(siteId, occupierId);
  const [start] = classifyAll(site.region, [first]);
  const digits = BigInt((start as string).slice(1));
  const range = Array.from({ length: count }, (_, i) => `+${digits + BigInt(i)}`);
  return assignManual(
    state,
    siteId,
    occupierId,
    classifyAll(site.region, range),
    'customRange',
    true,
  );
}
