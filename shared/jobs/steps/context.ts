import { checkNumbers } from '../../numbers/check';
import type { NumberFinding } from '../../numbers/findings';
import type { Handset, HandsetModel, PhoneNumber } from '../../platform/schemas';
import { predictSnapshot, type PredictedSnapshot } from '../predicted-snapshot';
import type { JobState, OutboxItem } from '../state';
import type { ExceptionReason } from '../../platform/installation';
import type { StepItem, StepItemState } from './step-status';

/**
 * What the switch read back about a floor port (fed by the switch service once a console
 * session is open). Absent: the statuses use what the platform knows.
 */
export interface FloorPortReadBack {
  floorPortId: string;
  linkUp: boolean;
  /** The MAC of the device LLDP sees on the port, if any. */
  neighbourMac: string | null;
  /** Whether the port's running configuration matches its role's template. */
  roleMatches: boolean | null;
  readAt: string;
}

export interface JobFacts {
  readBacks?: readonly FloorPortReadBack[];
}

/** One activated service number (never the main number) and the handset it goes on. */
export interface ServiceLine {
  number: PhoneNumber;
  handset: Handset | null;
  model: HandsetModel | null;
  /** The engineer chose the handset in this job (else it is the platform's record). */
  assignedInJob: boolean;
  registered: boolean;
}

export interface StepContext {
  state: JobState;
  predicted: PredictedSnapshot;
  facts: JobFacts;
  /** The number checks at sign-off stage on the predicted snapshot. */
  findings: NumberFinding[];
  lines: ServiceLine[];
  outboxItem(entryId: string): OutboxItem | undefined;
  item(id: string, message: string, state: StepItemState, rule?: string | null): StepItem;
}

/** Whether the platform confirmed `e164` registered on `handsetId`, after any newer login request. */
function isRegistered(state: JobState, e164: string, handset: Handset): boolean {
  const { registrations, logins } = state.installation;
  const login = logins[e164];
  const fact = registrations[handset.id];
  if (fact && (!login || fact.seenAt >= login.at))
    return fact.registration === 'registered' && fact.e164 === e164;
  if (login && login.at > state.snapshot.takenAt) return false;
  return handset.loggedInNumber === e164 && handset.registration === 'registered';
}

export function buildStepContext(state: JobState, facts: JobFacts = {}): StepContext {
  const predicted = predictSnapshot(state);
  const { snapshot } = predicted;
  let findings: NumberFinding[];
  try {
    findings = checkNumbers(snapshot, state.occupierId, { stage: 'signoff' });
  } catch (error) {
    findings = [
      {
        id: 'check.failed',
        severity: 'error',
        message: `The numbers cannot be checked: ${(error as Error).message}`,
        numbers: [],
        fix: null,
      },
    ];
  }
  const handsets = new Map(snapshot.handsets.map((h) => [h.id, h]));
  const models = new Map(snapshot.handsetModels.map((m) => [m.id, m]));
  const lines = snapshot.numbers
    .filter((n) => n.occupierId === state.occupierId && n.state === 'ACTIVE' && !n.isMain)
    .map((number): ServiceLine => {
      const assignment = state.installation.assignments[number.e164];
      const handset =
        (assignment ? handsets.get(assignment.handsetId) : undefined) ??
        (number.handsetId === null ? undefined : handsets.get(number.handsetId)) ??
        null;
      return {
        number,
        handset,
        model: handset ? (models.get(handset.modelId) ?? null) : null,
        assignedInJob: assignment !== undefined,
        registered: handset !== null && isRegistered(state, number.e164, handset),
      };
    });
  const outbox = new Map(state.outbox.map((item) => [item.entry.entryId, item]));
  const exceptions = state.installation.exceptions;
  return {
    state,
    predicted,
    facts,
    findings,
    lines,
    outboxItem: (entryId) => outbox.get(entryId),
    item(id, message, itemState, rule = null) {
      const exception = exceptions[id];
      const excepted = itemState === 'open' && exception !== undefined;
      return {
        id,
        message,
        rule,
        state: excepted ? 'excepted' : itemState,
        exception: exception
          ? { reason: exception.reason as ExceptionReason, text: exception.text }
          : null,
      };
    },
  };
}

/** "Yealink T54W 80:5e:c0:2f:01:01" — a handset as the engineer reads it on its label. */
export function handsetName(handset: Handset, model: HandsetModel | null): string {
  return `${model ? `${model.vendor} ${model.name}` : handset.modelId} ${handset.mac}`;
}

/** A floor port's label, from its id. */
export function floorPortLabel(state: JobState, floorPortId: string | null): string | null {
  if (floorPortId === null) return null;
  return state.snapshot.floorPorts.find((p) => p.id === floorPortId)?.label ?? floorPortId;
}
