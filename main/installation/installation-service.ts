import { randomUUID } from 'node:crypto';
import { CodedError } from '../../shared/errors';
import {
  jobArchivedError,
  buildStepContext,
  canSignOff,
  installationRecordOf,
  jobStepStatuses,
  mutationsOfFix,
  waitsForAllocation,
  type JobState,
  type PlatformMutation,
  type RingConfirmation,
  type StepStatus,
} from '../../shared/jobs';
import type { ExceptionReason } from '../../shared/platform/installation';
import { normalizeMac } from '../../shared/platform/mac';
import { checkNumbers, type FixAction } from '../../shared/numbers';
import { ENGINEER, type EventDraft, type JobService, type OpenedJob } from '../jobs';

/**
 * The guided job's actions (DOMAIN.md steps 3–6): each is validated against the job's
 * current facts, then journaled (fsync) with its outbox entries in one append, so it works
 * offline and reaches the platform once. Every action id is the id of its first event, so a
 * request resent after a lost reply is recorded once.
 */
export interface InstallationService {
  /** What the job covers: add the occupier's voice service (the first add runs the automation). */
  addVoiceService(jobId: string, r: { actionId: string; quantity: number }): Promise<OpenedJob>;
  fixFinding(jobId: string, r: { actionId: string; findingId: string }): Promise<OpenedJob>;
  assignHandset(
    jobId: string,
    r: { actionId: string; e164: string; handset: string },
  ): Promise<OpenedJob>;
  logIn(jobId: string, r: { actionId: string; e164: string }): Promise<OpenedJob>;
  keypadDone(jobId: string, r: { actionId: string; e164: string }): Promise<OpenedJob>;
  /** What a person types on the keypad of the handset chosen for `e164` (the demo's handset does it). */
  keypadEntry(
    jobId: string,
    e164: string,
  ): Promise<{ handsetId: string; extension: string; pin: string }>;
  ringIt(jobId: string, r: { actionId: string; e164: string }): Promise<OpenedJob>;
  confirmRing(
    jobId: string,
    r: {
      actionId: string;
      attemptId: string;
      rang: RingConfirmation;
      rangFloorPortId: string | null;
    },
  ): Promise<OpenedJob>;
  recordException(
    jobId: string,
    r: { actionId: string; itemId: string; reason: ExceptionReason; text: string },
  ): Promise<OpenedJob>;
  withdrawException(jobId: string, r: { actionId: string; itemId: string }): Promise<OpenedJob>;
  signOff(
    jobId: string,
    r: { actionId: string; signerName: string; signerRole: string },
  ): Promise<OpenedJob>;
  reportProduced(
    jobId: string,
    r: { actionId: string; format: 'html' | 'pdf' },
  ): Promise<OpenedJob>;
  statuses(state: JobState): StepStatus[];
}

export interface InstallationServiceOptions {
  jobs: JobService;
  newKey?: () => string;
  /**
   * Whether the platform can be asked now. A test call is rung while the engineer listens at
   * the desk, so it is refused while the platform cannot be reached rather than queued to ring
   * some time later, unheard. Absent: always (tests without connectivity).
   */
  canReach?: () => boolean;
}

export const RING_NEEDS_PLATFORM = 'RING_NEEDS_PLATFORM';

export function createInstallationService(
  options: InstallationServiceOptions,
): InstallationService {
  const { jobs } = options;
  const newKey = options.newKey ?? randomUUID;
  const statuses = (state: JobState) => jobStepStatuses(state);

  async function current(jobId: string): Promise<JobState> {
    const state = await jobs.state(jobId);
    if (state.archived) throw jobArchivedError();
    return state;
  }

  const queue = (id: string, mutation: PlatformMutation): EventDraft => ({
    id,
    actor: ENGINEER,
    type: 'MutationQueued',
    payload: { entry: { entryId: id, idempotencyKey: newKey(), mutation, baseVersion: null } },
  });

  async function record(jobId: string, drafts: EventDraft[]): Promise<OpenedJob> {
    await jobs.record(jobId, drafts);
    return jobs.open(jobId);
  }

  /** The installation record as it stands after `drafts`, queued to follow them. */
  async function recordAndSend(jobId: string, actionId: string, drafts: EventDraft[]) {
    await jobs.record(jobId, drafts);
    const state = await jobs.state(jobId);
    const body = installationRecordOf(state, statuses(state));
    return record(jobId, [
      queue(`${actionId}:record`, {
        kind: 'putInstallationRecord',
        siteId: state.siteId,
        occupierId: state.occupierId,
        jobId,
        record: body,
      }),
    ]);
  }

  function line(state: JobState, e164: string) {
    const ctx = buildStepContext(state);
    const found = ctx.lines.find((l) => l.number.e164 === e164);
    if (found) return found;
    const number = ctx.predicted.snapshot.numbers.find((n) => n.e164 === e164);
    if (number?.isMain)
      throw new CodedError(
        'MAIN_NUMBER_NOT_LOGGABLE',
        `${e164} is the main number: it is inbound only and never logged in to a handset.`,
      );
    throw new CodedError(
      'NOT_A_SERVICE_NUMBER',
      `${e164} is not an active service number of this occupier${number ? ` (it is ${number.state})` : ''}.`,
    );
  }

  function resolveHandset(state: JobState, text: string) {
    const handsets = state.snapshot.handsets;
    const byId = handsets.find((h) => h.id === text);
    if (byId) return byId;
    const mac = normalizeMac(text);
    if (mac === null)
      throw new CodedError(
        'MAC_INVALID',
        `"${text}" is not a MAC address: it needs 12 hex digits, such as 80:5e:c0:12:34:56, 805e.c012.3456 or 80-5E-C0-12-34-56.`,
      );
    const byMac = handsets.find((h) => h.mac === mac);
    if (!byMac)
      throw new CodedError(
        'HANDSET_UNKNOWN',
        `No handset with MAC ${mac} is known at this site. Check the label on the handset; a new handset must be registered on the platform first.`,
      );
    if (byMac.occupierId !== null && byMac.occupierId !== state.occupierId)
      throw new CodedError(
        'HANDSET_OTHER_OCCUPIER',
        `The handset ${mac} belongs to another occupier at this site.`,
      );
    return byMac;
  }

  return {
    statuses,

    async addVoiceService(jobId, { actionId, quantity }) {
      const state = await current(jobId);
      if (
        buildStepContext(state).predicted.snapshot.voiceServices.some(
          (v) => v.occupierId === state.occupierId,
        )
      )
        throw new CodedError(
          'VOICE_SERVICE_EXISTS',
          'The occupier has a voice service already (or one waits to sync): change its quantity on the platform rather than adding a second one.',
        );
      return record(jobId, [
        {
          ...queue(actionId, {
            kind: 'addVoiceService',
            siteId: state.siteId,
            occupierId: state.occupierId,
            quantity,
          }),
        },
      ]);
    },

    async fixFinding(jobId, { actionId, findingId }) {
      const state = await current(jobId);
      const ctx = buildStepContext(state);
      const finding = checkNumbers(ctx.predicted.snapshot, state.occupierId, {
        stage: 'signoff',
      }).find((f) => f.id === findingId);
      if (!finding)
        throw new CodedError(
          'FINDING_GONE',
          'That finding is no longer there (the check was re-run): nothing was changed.',
        );
      if (waitsForAllocation(ctx.predicted, findingId))
        throw new CodedError(
          'FIX_WAITS_FOR_ALLOCATION',
          'An allocation already waits for the platform: the numbers are checked again once it has picked them, so nothing was changed.',
        );
      if (!finding.fix)
        throw new CodedError('FINDING_HAS_NO_FIX', `"${finding.message}" has no automatic fix.`);
      const fix: FixAction = finding.fix;
      const mutations = mutationsOfFix(state, fix);
      const entries = mutations.map((m, i) => queue(`${actionId}:${i + 1}`, m));
      return record(jobId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'FindingFixQueued',
          payload: { findingId, fix, entryIds: entries.map((e) => e.id) },
        },
        ...entries,
      ]);
    },

    async assignHandset(jobId, { actionId, e164, handset: text }) {
      const state = await current(jobId);
      line(state, e164);
      const handset = resolveHandset(state, text);
      const taken = Object.entries(state.installation.assignments).find(
        ([other, a]) => other !== e164 && a.handsetId === handset.id,
      );
      if (taken)
        throw new CodedError(
          'HANDSET_TAKEN',
          `The handset ${handset.mac} is already chosen for ${taken[0]}: one number per handset.`,
        );
      return record(jobId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'HandsetAssigned',
          payload: { e164, handsetId: handset.id, mac: handset.mac, modelId: handset.modelId },
        },
      ]);
    },

    async logIn(jobId, { actionId, e164 }) {
      const state = await current(jobId);
      const found = line(state, e164);
      if (!found.handset)
        throw new CodedError('NO_HANDSET', `Choose the handset for ${e164} first.`);
      if (found.model?.loginMethod !== 'remote')
        throw new CodedError(
          'REMOTE_LOGIN_UNSUPPORTED',
          `The ${found.model ? `${found.model.vendor} ${found.model.name}` : 'handset'} is logged in on its keypad: follow the steps, then press "Done on the handset".`,
        );
      const entryId = `${actionId}:login`;
      return record(jobId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'HandsetLoginRequested',
          payload: { e164, handsetId: found.handset.id, method: 'remote', entryId },
        },
        queue(entryId, {
          kind: 'remoteLogin',
          occupierId: state.occupierId,
          handsetId: found.handset.id,
          e164,
        }),
      ]);
    },

    async keypadDone(jobId, { actionId, e164 }) {
      const state = await current(jobId);
      const found = line(state, e164);
      if (!found.handset)
        throw new CodedError('NO_HANDSET', `Choose the handset for ${e164} first.`);
      return record(jobId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'HandsetLoginRequested',
          payload: { e164, handsetId: found.handset.id, method: 'keypad', entryId: null },
        },
      ]);
    },

    async keypadEntry(jobId, e164) {
      const found = line(await current(jobId), e164);
      if (!found.handset)
        throw new CodedError('NO_HANDSET', `Choose the handset for ${e164} first.`);
      return {
        handsetId: found.handset.id,
        extension: found.number.extension,
        pin: found.number.defaultPin,
      };
    },

    async ringIt(jobId, { actionId, e164 }) {
      const state = await current(jobId);
      const found = line(state, e164);
      if (options.canReach && !options.canReach())
        throw new CodedError(
          RING_NEEDS_PLATFORM,
          `The platform places the test call to ${e164} while you listen at the desk, and it cannot be reached now: nothing was queued. Ring it once the platform is back.`,
        );
      const entryId = `${actionId}:call`;
      return record(jobId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'TestCallRequested',
          payload: {
            attemptId: actionId,
            e164,
            entryId,
            expectedHandsetId: found.handset?.id ?? null,
            // Where the platform last saw it register, else where its record has it.
            expectedFloorPortId: found.handset
              ? (state.installation.registrations[found.handset.id]?.floorPortId ??
                found.handset.floorPortId)
              : null,
          },
        },
        queue(entryId, {
          kind: 'placeTestCall',
          siteId: state.siteId,
          occupierId: state.occupierId,
          e164,
          reference: actionId,
        }),
      ]);
    },

    async confirmRing(jobId, { actionId, attemptId, rang, rangFloorPortId }) {
      const state = await current(jobId);
      const attempt = state.installation.ringAttempts.find((a) => a.attemptId === attemptId);
      if (!attempt) throw new CodedError('RING_TEST_UNKNOWN', 'There is no such ring test.');
      if (rang === 'expectedDesk' && !attempt.testCall)
        throw new CodedError(
          'RING_OUTCOME_UNKNOWN',
          "The platform's account of the test call is not in yet, so a desk ringing now cannot be told apart from any other call: wait for it, or ring again.",
        );
      if (rang === 'expectedDesk' && attempt.testCall?.rang.length === 0)
        throw new CodedError(
          'PLATFORM_SAYS_NOTHING_RANG',
          `The platform says nothing rang (${attempt.testCall.detail.replace(/\.$/, '')}), so a desk that rang was not this test call: choose "Nothing rang" or "Another desk rang", or ring again.`,
        );
      if (rang === 'anotherDesk') {
        if (
          rangFloorPortId === null ||
          !state.snapshot.floorPorts.some((p) => p.id === rangFloorPortId)
        )
          throw new CodedError('FLOOR_PORT_REQUIRED', 'Say which desk (floor port) rang.');
        if (rangFloorPortId === attempt.expectedFloorPortId)
          throw new CodedError(
            'SAME_DESK',
            'That is the desk that should ring: choose "This desk rang" instead.',
          );
      }
      return recordAndSend(jobId, actionId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'RingTestConfirmed',
          payload: {
            attemptId,
            rang,
            rangFloorPortId: rang === 'anotherDesk' ? rangFloorPortId : null,
          },
        },
      ]);
    },

    async recordException(jobId, { actionId, itemId, reason, text }) {
      const state = await current(jobId);
      const item = statuses(state)
        .flatMap((s) => s.items.map((i) => ({ ...i, stepId: s.id })))
        .find((i) => i.id === itemId && i.stepId !== 'signOff');
      if (!item)
        throw new CodedError('ITEM_GONE', 'That item is no longer open: nothing was recorded.');
      if (reason === 'other' && text.trim() === '')
        throw new CodedError(
          'REASON_TEXT_REQUIRED',
          'Say in a few words why (the reason is "Other").',
        );
      return recordAndSend(jobId, actionId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'ExceptionRecorded',
          payload: {
            itemId,
            stepId: item.stepId,
            finding: item.message,
            reason,
            text: text.trim(),
          },
        },
      ]);
    },

    async withdrawException(jobId, { actionId, itemId }) {
      const state = await current(jobId);
      if (!state.installation.exceptions[itemId])
        throw new CodedError('EXCEPTION_UNKNOWN', 'There is no exception for that item.');
      return recordAndSend(jobId, actionId, [
        { id: actionId, actor: ENGINEER, type: 'ExceptionWithdrawn', payload: { itemId } },
      ]);
    },

    async signOff(jobId, { actionId, signerName, signerRole }) {
      const state = await current(jobId);
      if (state.installation.signOff)
        throw new CodedError('ALREADY_SIGNED_OFF', 'This job is already signed off.');
      const now = statuses(state);
      if (!canSignOff(now)) {
        const left = now.filter(
          (s) => s.id !== 'signOff' && s.state !== 'done' && s.state !== 'excepted',
        );
        throw new CodedError(
          'SIGN_OFF_BLOCKED',
          `Sign-off needs every step green or an exception for each open item; still open: ${left.map((s) => s.title).join(', ')}.`,
        );
      }
      return recordAndSend(jobId, actionId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'JobSignedOff',
          payload: { signerName: signerName.trim(), signerRole: signerRole.trim() },
        },
      ]);
    },

    async reportProduced(jobId, { actionId, format }) {
      await jobs.state(jobId);
      return record(jobId, [
        { id: actionId, actor: ENGINEER, type: 'ReportProduced', payload: { format } },
      ]);
    },
  };
}
