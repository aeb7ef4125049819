import { CHECKLIST_STEPS, type ChecklistStepId } from '../checklist';
import { signOffRecordStatus } from '../installation-record';
import type { JobState } from '../state';
import { buildStepContext, type JobFacts, type StepContext } from './context';
import { handsetLoginItems, handsetLoginSummary } from './handset-login-step';
import { numbersItems, numbersSummary } from './numbers-step';
import { ringTestItems, ringTestSummary } from './ring-test-step';
import { stateOfItems, type StepItem, type StepStatus } from './step-status';
import { cablingItems, cablingSummary, portRoleItems, portRoleSummary } from './switch-steps';

export * from './context';
export * from './step-status';
export { isNumbersFinding } from './numbers-step';
export {
  loginTimeline,
  registrationHints,
  type LoginStage,
  type LoginStageState,
} from './handset-login-step';
export { ringTestCause, ringTestPassed } from './ring-test-step';

/** A step's status function: what is left, each with why, from the job and the facts. */
export interface StepDefinition {
  items(ctx: StepContext): StepItem[];
  summary(ctx: StepContext, items: readonly StepItem[]): string;
}

/** Every step but sign-off; sign-off is worked out from these. */
export const STEP_DEFINITIONS: Record<Exclude<ChecklistStepId, 'signOff'>, StepDefinition> = {
  numbers: { items: numbersItems, summary: numbersSummary },
  cabling: { items: cablingItems, summary: cablingSummary },
  portRole: { items: portRoleItems, summary: portRoleSummary },
  handsetLogin: { items: handsetLoginItems, summary: handsetLoginSummary },
  ringTest: { items: ringTestItems, summary: ringTestSummary },
};

const DONE_WORDS: Record<string, string> = {
  done: 'done',
  excepted: 'signed off with exceptions',
};

function signOffStatus(ctx: StepContext, steps: readonly StepStatus[]): StepStatus {
  const { signOff } = ctx.state.installation;
  const activity = ctx.state.installation.activity['signOff'];
  const base = {
    id: 'signOff' as const,
    title: 'Sign-off',
    by: activity?.by ?? null,
    at: activity?.at ?? null,
  };
  if (signOff)
    return {
      ...base,
      state: 'done',
      summary: `Signed off by ${signOff.signerName} (${signOff.signerRole}).`,
      items: [],
    };
  const blocking = steps.filter((s) => !(s.state in DONE_WORDS));
  if (blocking.length === 0)
    return {
      ...base,
      state: 'needsAttention',
      summary: 'Every step is green or has an exception: ready to sign off.',
      items: [ctx.item('signOff:ready', 'Ready to sign off: enter who signs.', 'open')],
    };
  return {
    ...base,
    state: 'blocked',
    summary: `Waiting for ${blocking.map((s) => s.title).join(', ')}.`,
    items: blocking.map((s) => ({
      id: `signOff:${s.id}`,
      message: `${s.title}: ${s.summary}${s.state === 'queued' ? ' (waits for the platform)' : ' — fix each open item or record an exception for it.'}`,
      rule: 'Sign-off needs every step green, or an exception with a reason for each open finding.',
      state: 'open' as const,
      exception: null,
    })),
  };
}

/**
 * Each checklist step's status as a pure function of the journal (folded) and the facts;
 * never from a tick box. `facts` carries switch read-backs when the switch service has them.
 */
export function jobStepStatuses(state: JobState, facts: JobFacts = {}): StepStatus[] {
  const ctx = buildStepContext(state, facts);
  const steps: StepStatus[] = [];
  for (const step of CHECKLIST_STEPS) {
    if (step.id === 'signOff') continue;
    const definition = STEP_DEFINITIONS[step.id];
    const items = definition.items(ctx);
    const activity = state.installation.activity[step.id];
    steps.push({
      id: step.id,
      title: step.title,
      state: stateOfItems(items),
      summary: definition.summary(ctx, items),
      items,
      by: activity?.by ?? null,
      at: activity?.at ?? null,
    });
  }
  return [...steps, signOffStatus(ctx, steps)];
}

/**
 * The statuses as the engineer (and the report) are shown them: sign-off is Done only once the
 * platform has the installation record with it; until then it waits, or needs attention if
 * the platform refused the record. (The record itself is made from jobStepStatuses, where
 * sign-off is done once signed here: the record cannot wait for itself.)
 */
export function shownStepStatuses(state: JobState, facts: JobFacts = {}): StepStatus[] {
  return jobStepStatuses(state, facts).map((step) => {
    if (step.id !== 'signOff' || step.state !== 'done') return step;
    const record = signOffRecordStatus(state);
    if (record.kind !== 'queued' && record.kind !== 'refused') return step;
    const waiting = record.kind === 'queued';
    return {
      ...step,
      state: waiting ? 'queued' : 'needsAttention',
      summary: `${step.summary} ${waiting ? 'The platform does not have its record yet.' : 'The platform refused its record.'}`,
      items: [
        {
          id: 'signOff:record',
          message: record.message,
          rule: 'A job is signed off once the platform has its installation record.',
          state: waiting ? 'waiting' : 'open',
          exception: null,
        },
      ],
    };
  });
}

/** Whether sign-off may be recorded now. */
export function canSignOff(statuses: readonly StepStatus[]): boolean {
  return statuses.every((s) => s.id === 'signOff' || s.state === 'done' || s.state === 'excepted');
}
