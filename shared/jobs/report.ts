import { stepTitle, ChecklistStepId } from './checklist';
import { describeChange } from './change-wording';
import type { PlatformMutation } from './mutations';
import type { RingAttempt } from './installation-state';
import type { JobState, OutboxItem } from './state';
import {
  buildStepContext,
  shownStepStatuses,
  ringTestCause,
  ringTestPassed,
  type StepState,
} from './steps';

/**
 * The sign-off report, for the operator and the occupier: built only from the job's own
 * journal (folded), so it never has a blank because something has not synced — it says so
 * instead (UX.md).
 */

export type RingOutcome =
  | 'passed'
  /** The engineer heard the desk, but the platform does not say this call rang it. */
  | 'notConfirmedByPlatform'
  | 'anotherDesk'
  | 'nothingRang'
  | 'awaitingConfirmation'
  | 'notRung';

export interface ReportNumber {
  e164: string;
  extension: string;
  /** "Yealink T54W", or null when no handset is chosen. */
  handsetModel: string | null;
  handsetMac: string | null;
  loginMethod: 'remote' | 'keypad' | null;
  /** Where the handset is plugged in, as the latest fact says (registration, cabling plan, platform). */
  floorPort: string | null;
  space: string | null;
  login: 'registered' | 'requested' | 'notLoggedIn';
  ring: {
    outcome: RingOutcome;
    /** In plain words, e.g. "Rang at 3F-007 (the expected desk)". */
    words: string;
    /** The likely cause when the wrong desk or none rang. */
    cause: string | null;
    at: string | null;
    by: string | null;
  };
}

export interface ReportChange {
  what: string;
  /** Where the change stands: on the platform, on the switch, waiting to sync, refused. */
  status: 'onPlatform' | 'onSwitch' | 'waiting' | 'refused';
  statusWords: string;
  at: string;
}

export interface ReportException {
  step: string;
  finding: string;
  reason: string;
  by: string;
  at: string;
}

export interface JobReport {
  jobId: string;
  site: { name: string; address: string; region: string };
  occupier: { name: string; contact: string };
  /** Who did the job, as they gave their name when starting it. */
  engineerName: string | null;
  startedAt: string;
  mainNumber: string | null;
  numbers: ReportNumber[];
  changes: ReportChange[];
  exceptions: ReportException[];
  steps: { title: string; state: StepState; summary: string }[];
  signOff: { signerName: string; signerRole: string; by: string; at: string } | null;
  /** Platform changes of this job still not applied (queued or refused). */
  unsynced: number;
  /** What had not reached the platform, each in the engineer's words (describeChange). */
  unsyncedChanges: string[];
  /** How many journal events the report was built from. */
  eventCount: number;
}

const REASON_WORDS: Record<string, string> = {
  occupierAbsent: 'Occupier absent',
  handsetNotDelivered: 'Handset not delivered',
  portingPending: 'Porting pending',
  other: 'Other',
};

function ringOf(state: JobState, e164: string): ReportNumber['ring'] {
  const attempt: RingAttempt | undefined = state.installation.ringAttempts.findLast(
    (a) => a.e164 === e164,
  );
  const label = (id: string | null) =>
    id === null ? null : (state.snapshot.floorPorts.find((p) => p.id === id)?.label ?? id);
  if (!attempt) return { outcome: 'notRung', words: 'Not rung', cause: null, at: null, by: null };
  const expected = label(attempt.expectedFloorPortId) ?? 'no known floor port';
  const { confirmation } = attempt;
  if (!confirmation)
    return {
      outcome: 'awaitingConfirmation',
      words: `Rung; which desk rang was not confirmed (expected ${expected})`,
      cause: null,
      at: attempt.at,
      by: attempt.by,
    };
  const base = { at: confirmation.at, by: confirmation.by };
  if (ringTestPassed(attempt))
    return {
      ...base,
      outcome: 'passed',
      words: `Rang at ${expected}, the expected desk`,
      cause: null,
    };
  const cause = ringTestCause(state.snapshot, attempt);
  if (confirmation.rang === 'expectedDesk')
    return {
      ...base,
      outcome: 'notConfirmedByPlatform',
      words: `A desk rang at ${expected}; the platform does not confirm it was this call`,
      cause,
    };
  if (confirmation.rang === 'anotherDesk')
    return {
      ...base,
      outcome: 'anotherDesk',
      words: `Rang at ${label(confirmation.rangFloorPortId) ?? 'another desk'}, not at ${expected}`,
      cause,
    };
  return { ...base, outcome: 'nothingRang', words: `Nothing rang (expected ${expected})`, cause };
}

function changeWords(state: JobState, mutation: PlatformMutation): string | null {
  const { snapshot } = state;
  const port = (id: string) => snapshot.floorPorts.find((p) => p.id === id)?.label ?? id;
  const role = (id: string) => snapshot.site.roleCatalogue.find((r) => r.id === id)?.name ?? id;
  switch (mutation.kind) {
    case 'setFloorPortRole':
      return `Floor port ${port(mutation.floorPortId)} recorded with role ${role(mutation.roleId)}`;
    case 'addVoiceService':
      return `Voice service added, quantity ${mutation.quantity}`;
    case 'allocateNumbers':
      if (mutation.main) return 'Main number allocated from the pool and activated';
      return `${mutation.count === 1 ? '1 number' : `${mutation.count} numbers`} allocated${mutation.activate ? ' and activated' : ''}`;
    case 'activateNumber':
      return `${mutation.e164} activated`;
    case 'deactivateNumber':
      return `${mutation.e164} deactivated`;
    case 'releaseNumber':
      return `${mutation.e164} released`;
    case 'nominateMainNumber':
      return `${mutation.e164} nominated as the main number`;
    case 'remoteLogin':
      return `${mutation.e164} logged in remotely`;
    // Ring tests and the installation record have their own sections.
    case 'placeTestCall':
    case 'putInstallationRecord':
      return null;
  }
}

function statusOf(item: OutboxItem): Pick<ReportChange, 'status' | 'statusWords'> | null {
  switch (item.status) {
    case 'applied':
      return { status: 'onPlatform', statusWords: 'Done on the platform' };
    case 'queued':
      return { status: 'waiting', statusWords: 'Waiting to sync with the platform' };
    case 'needsAttention':
    case 'conflict':
      return {
        status: 'refused',
        statusWords: `Refused by the platform${item.problem ? `: ${item.problem.message}` : ''}`,
      };
    case 'discarded':
    case 'superseded':
      return null;
  }
}

export function buildJobReport(state: JobState): JobReport {
  const ctx = buildStepContext(state);
  const { snapshot } = state;
  const unsynced = state.outbox.filter((i) =>
    ['queued', 'needsAttention', 'conflict'].includes(i.status),
  );
  const occupier = snapshot.occupiers.find((o) => o.id === state.occupierId);
  const spaceOf = (floorPortId: string | null) => {
    const port = snapshot.floorPorts.find((p) => p.id === floorPortId);
    return port ? (snapshot.site.spaces.find((s) => s.id === port.spaceId)?.name ?? null) : null;
  };
  const labelOf = (floorPortId: string | null) =>
    floorPortId === null
      ? null
      : (snapshot.floorPorts.find((p) => p.id === floorPortId)?.label ?? floorPortId);
  const { installation } = state;

  const numbers = ctx.lines.map((line): ReportNumber => {
    const { handset, model } = line;
    const e164 = line.number.e164;
    const floorPortId = handset
      ? (installation.registrations[handset.id]?.floorPortId ??
        installation.switchFacts.plannedFloorPort[handset.id] ??
        handset.floorPortId)
      : null;
    const login = line.registered
      ? 'registered'
      : installation.logins[e164]
        ? 'requested'
        : 'notLoggedIn';
    return {
      e164,
      extension: line.number.extension,
      handsetModel: handset ? (model ? `${model.vendor} ${model.name}` : handset.modelId) : null,
      handsetMac: handset?.mac ?? null,
      loginMethod: model ? (model.loginMethod === 'remote' ? 'remote' : 'keypad') : null,
      floorPort: labelOf(floorPortId),
      space: spaceOf(floorPortId),
      login,
      ring: ringOf(state, e164),
    };
  });

  const changes: ReportChange[] = [];
  for (const item of state.outbox) {
    const what = changeWords(state, item.entry.mutation);
    const status = statusOf(item);
    if (what && status) changes.push({ what, ...status, at: item.queuedAt });
  }
  for (const [floorPortId, applied] of Object.entries(installation.switchFacts.roles)) {
    if (applied.rejected) continue;
    const role =
      snapshot.site.roleCatalogue.find((r) => r.id === applied.roleId)?.name ?? applied.roleId;
    changes.push({
      what: `Switch port for ${labelOf(floorPortId)} given role ${role}`,
      status: 'onSwitch',
      statusWords: applied.verified
        ? 'Applied and read back on the switch'
        : 'Applied, not verified',
      at: applied.at,
    });
  }
  changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const exceptions = Object.values(installation.exceptions).map((e) => {
    const step = ChecklistStepId.safeParse(e.stepId);
    return {
      step: step.success ? stepTitle(step.data) : e.stepId,
      finding: e.finding,
      reason: `${REASON_WORDS[e.reason] ?? e.reason}${e.text ? `: ${e.text}` : ''}`,
      by: e.by,
      at: e.at,
    };
  });

  return {
    jobId: state.jobId,
    site: {
      name: snapshot.site.name,
      address: snapshot.site.address,
      region: snapshot.site.region,
    },
    occupier: { name: occupier?.name ?? state.occupierId, contact: occupier?.contact ?? '' },
    engineerName: state.engineerName,
    startedAt: state.createdAt,
    mainNumber:
      ctx.predicted.snapshot.numbers.find(
        (n) => n.occupierId === state.occupierId && n.isMain && n.state === 'ACTIVE',
      )?.e164 ?? null,
    numbers,
    changes,
    exceptions,
    steps: shownStepStatuses(state).map((s) => ({
      title: s.title,
      state: s.state,
      summary: s.summary,
    })),
    signOff: installation.signOff,
    unsynced: unsynced.length,
    unsyncedChanges: unsynced.map((i) => describeChange(state, i.entry.mutation)),
    eventCount: state.eventCount,
  };
}
