import type { Handset, PhoneNumber } from '../../../../shared/platform/schemas';
import { ProblemError, problem } from '../problem';
import type { RegistrationSimulator } from '../registration';
import { assertVersion, type PlatformState } from '../state';

export interface RegisterHandsetInput {
  mac: string;
  modelId: string;
  occupierId: string | null;
  floorPortId: string | null;
}

/** `80-5E-C0-12-34-56` and `805ec0123456` both become `80:5e:c0:12:34:56`. */
export function normaliseMac(mac: string): string {
  const hex = mac.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.match(/.{2}/g)?.join(':') ?? hex;
}

function conflict(code: string, title: string, detail: string, extra = {}): ProblemError {
  return new ProblemError(problem(409, code, title, detail, extra));
}

export function registerHandset(
  state: PlatformState,
  siteId: string,
  input: RegisterHandsetInput,
): Handset {
  state.site(siteId);
  state.handsetModel(input.modelId);
  if (input.occupierId !== null) state.occupierAt(siteId, input.occupierId);
  if (input.floorPortId !== null) {
    const port = state.floorPort(input.floorPortId);
    if (port.siteId !== siteId)
      throw new ProblemError(
        problem(
          404,
          'FLOOR_PORT_NOT_FOUND',
          'Floor port not found',
          `Floor port ${input.floorPortId} is not at site ${siteId}.`,
        ),
      );
  }
  const mac = normaliseMac(input.mac);
  const existing = [...state.handsets.values()].find((h) => h.mac === mac);
  if (existing)
    throw conflict(
      'HANDSET_EXISTS',
      'Handset already registered',
      `A handset with MAC ${mac} is already registered (${existing.id}).`,
      { handsetId: existing.id },
    );
  const handset: Handset = {
    id: `hs-${mac.replaceAll(':', '')}`,
    siteId,
    occupierId: input.occupierId,
    modelId: input.modelId,
    mac,
    floorPortId: input.floorPortId,
    loggedInNumber: null,
    registration: 'unregistered',
    version: 1,
  };
  state.handsets.set(handset.id, handset);
  state.touchSite(siteId);
  return structuredClone(handset);
}

function assertRemoteLogin(state: PlatformState, handset: Handset, action: string): void {
  const model = state.handsetModel(handset.modelId);
  if (model.loginMethod === 'remote') return;
  throw conflict(
    'REMOTE_LOGIN_UNSUPPORTED',
    'Remote login not supported',
    `The ${model.vendor} ${model.name} cannot be ${action} remotely; use its keypad: ${model.keypadSteps.join(' ')}`,
    { modelId: model.id, keypadSteps: model.keypadSteps },
  );
}

/** Checks that `number` may be logged in to `handset`, then does it and starts registration. */
function logIn(
  state: PlatformState,
  registration: RegistrationSimulator,
  handset: Handset,
  number: PhoneNumber,
): Handset {
  const e164 = number.e164;
  if (number.occupierId === null || number.occupierId !== handset.occupierId)
    throw conflict(
      'NUMBER_WRONG_OCCUPIER',
      'Number of another occupier',
      `${e164} is not allocated to the handset's occupier (${handset.occupierId ?? 'none'}).`,
    );
  if (number.isMain)
    throw conflict(
      'MAIN_NUMBER_NOT_LOGGABLE',
      'Main number cannot be logged in',
      `${e164} is the main number: it is virtual, inbound only, and never logged in to a handset.`,
    );
  if (number.state !== 'ACTIVE')
    throw conflict(
      'NUMBER_NOT_ACTIVE',
      'Number not active',
      `${e164} is ${number.state}; activate it before logging it in.`,
      { state: number.state },
    );
  if (number.handsetId !== null && number.handsetId !== handset.id)
    throw conflict(
      'NUMBER_LOGGED_IN',
      'Number logged in elsewhere',
      `${e164} is already logged in to handset ${number.handsetId}; log it out there first.`,
      { handsetId: number.handsetId },
    );
  if (handset.loggedInNumber !== null && handset.loggedInNumber !== e164) {
    const previous = state.numbers.get(handset.loggedInNumber);
    if (previous) {
      previous.handsetId = null;
      previous.version += 1;
    }
  }
  if (number.handsetId !== handset.id) {
    number.handsetId = handset.id;
    number.version += 1;
  }
  handset.loggedInNumber = e164;
  handset.registration = 'registering';
  handset.version += 1;
  state.touchSite(handset.siteId);
  registration.schedule(handset.id);
  return structuredClone(handset);
}

/** Logs an active, non-main number of the handset's occupier in to the handset. */
export function remoteLogin(
  state: PlatformState,
  registration: RegistrationSimulator,
  handsetId: string,
  e164: string,
  expectedVersion: number | null,
): Handset {
  const handset = state.handset(handsetId);
  assertVersion(`Handset ${handsetId}`, handset, expectedVersion);
  assertRemoteLogin(state, handset, 'logged in');
  return logIn(state, registration, handset, state.numberAt(handset.siteId, e164));
}

/**
 * A person typed an extension and PIN on the handset's keypad (any model can do this; it is
 * the only way for manual-login models). The switch and handset simulators call this.
 */
export function keypadLogin(
  state: PlatformState,
  registration: RegistrationSimulator,
  handsetId: string,
  extension: string,
  pin: string,
): Handset {
  const handset = state.handset(handsetId);
  const number = [...state.numbers.values()].find(
    (n) => n.siteId === handset.siteId && n.extension === extension && n.occupierId !== null,
  );
  if (!number || number.defaultPin !== pin)
    throw conflict(
      'KEYPAD_LOGIN_REFUSED',
      'Login refused',
      number
        ? `The PIN entered for extension ${extension} is wrong.`
        : `There is no allocated number with extension ${extension} at this site.`,
    );
  return logIn(state, registration, handset, number);
}

export function remoteLogout(
  state: PlatformState,
  registration: RegistrationSimulator,
  handsetId: string,
  expectedVersion: number | null,
): Handset {
  const handset = state.handset(handsetId);
  assertVersion(`Handset ${handsetId}`, handset, expectedVersion);
  assertRemoteLogin(state, handset, 'logged out');
  if (handset.loggedInNumber === null)
    throw conflict(
      'HANDSET_NOT_LOGGED_IN',
      'Handset not logged in',
      `Handset ${handsetId} has no number logged in.`,
    );
  const number = state.numbers.get(handset.loggedInNumber);
  if (number) {
    number.handsetId = null;
    number.version += 1;
  }
  registration.cancel(handset.id);
  handset.loggedInNumber = null;
  handset.registration = 'unregistered';
  handset.version += 1;
  state.touchSite(handset.siteId);
  return structuredClone(handset);
}
