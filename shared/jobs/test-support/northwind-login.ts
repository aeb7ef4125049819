import type { JobEventBody } from '../events';

/**
 * Northwind's first number (on the Shoreditch test snapshot) logged in again on its handset:
 * the journal bodies of a remote login's life, for tests of the login step and its timeline.
 */
export const NORTHWIND_E164 = '+442079460071';
export const NORTHWIND_HANDSET = 'hs-nw-1';

export const loginAsked: JobEventBody = {
  type: 'HandsetLoginRequested',
  payload: {
    e164: NORTHWIND_E164,
    handsetId: NORTHWIND_HANDSET,
    method: 'remote',
    entryId: 'a1:login',
  },
};

export const loginQueued: JobEventBody = {
  type: 'MutationQueued',
  payload: {
    entry: {
      entryId: 'a1:login',
      idempotencyKey: 'key-a1-login-0000000000',
      mutation: {
        kind: 'remoteLogin',
        occupierId: 'occ-northwind',
        handsetId: NORTHWIND_HANDSET,
        e164: NORTHWIND_E164,
      },
      baseVersion: null,
    },
  },
};

export const loginApplied: JobEventBody = {
  type: 'MutationApplied',
  payload: { entryId: 'a1:login', sentIfMatch: null, resultVersion: null },
};

/** The platform's registration as the watch (or "Check now") journals it. */
export function registrationSeen(
  e164: string | null,
  registration: 'registered' | 'registering' | 'unregistered' = 'registered',
  linkUp = true,
): JobEventBody {
  return {
    type: 'HandsetRegistrationSeen',
    payload: {
      handsetId: NORTHWIND_HANDSET,
      e164,
      registration,
      linkUp,
      floorPortId: linkUp ? 'lon-shoreditch-3F-001' : null,
    },
  };
}

export const registrationTimedOut: JobEventBody = {
  type: 'HandsetRegistrationTimedOut',
  payload: {
    handsetId: NORTHWIND_HANDSET,
    e164: NORTHWIND_E164,
    waitedSeconds: 45,
    linkUp: false,
    floorPortId: null,
  },
};
