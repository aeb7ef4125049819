import { count } from '../../wording';
import { floorPortLabel, handsetName, type ServiceLine, type StepContext } from './context';
import type { RegistrationFact, RegistrationTimeout } from '../installation-state';
import type { StepItem } from './step-status';

/** What to check when a handset does not register, from the facts at hand. */
export function registrationHints(
  ctx: StepContext,
  line: ServiceLine,
  linkUp: boolean | null,
): string {
  const port = floorPortLabel(ctx.state, line.handset?.floorPortId ?? null);
  const local = ctx.state.floorPorts.find((p) => p.id === line.handset?.floorPortId);
  const role = ctx.state.snapshot.site.roleCatalogue.find((r) => r.id === local?.roleId);
  const checks = [
    port === null
      ? 'is it cabled? The platform knows no floor port for it'
      : linkUp === false
        ? `is it cabled? Floor port ${port} has no link`
        : `is it cabled to ${port}?`,
    role
      ? role.voiceVlan === null || role.shutdown
        ? `port role: ${port} is ${role.name}, which carries no voice — give it a voice role`
        : `port role: ${port} is ${role.name}`
      : `port role: ${port ?? 'its floor port'} has no role yet`,
    role && !role.poe
      ? `PoE: ${role.name} gives no power — is the handset on its own power supply?`
      : 'PoE: is the handset powered (display lit)?',
  ];
  return `Check: ${checks.join('; ')}.`;
}

function lineItem(ctx: StepContext, line: ServiceLine): StepItem | null {
  const { e164, extension } = line.number;
  const id = `handsetLogin:${e164}`;
  if (line.registered) return null;
  if (!line.handset)
    return ctx.item(
      id,
      `${e164} (extension ${extension}) has no handset: choose one of the occupier's handsets or type its MAC.`,
      'open',
      'Each active number (the main number aside) goes on a handset and is logged in.',
    );
  const name = handsetName(line.handset, line.model);
  const login = ctx.state.installation.logins[e164];
  const timeout = ctx.state.installation.timeouts[line.handset.id];
  if (!login || login.handsetId !== line.handset.id)
    return ctx.item(
      id,
      line.model?.loginMethod === 'manual'
        ? `${e164} goes on ${name}: log it in on the handset's keypad, then press "Done on the handset".`
        : `${e164} goes on ${name}: press "Log in".`,
      'open',
    );
  const entry = login.entryId === null ? undefined : ctx.outboxItem(login.entryId);
  if (entry?.status === 'needsAttention' || entry?.status === 'conflict')
    return ctx.item(
      id,
      `The platform refused to log ${e164} in to ${name}: ${entry.problem?.message ?? 'see the sync list'}`,
      'open',
    );
  if (entry?.status === 'queued')
    return ctx.item(id, `Login of ${e164} on ${name} waits to sync with the platform.`, 'waiting');
  const fact = ctx.state.installation.registrations[line.handset.id];
  if (timeout) {
    // A "Check now" after the wait ran out has the fresher link state.
    const linkUp = checkedAfter(fact, timeout)?.linkUp ?? timeout.linkUp;
    return ctx.item(
      id,
      `${name} did not register ${e164} within ${timeout.waitedSeconds} s. ${registrationHints(ctx, line, linkUp)}`,
      'open',
    );
  }
  if (fact && fact.registration === 'registered' && fact.e164 !== e164)
    return ctx.item(
      id,
      `${name} registered with ${fact.e164 ?? 'no number'}, not ${e164}: log it in again.`,
      'open',
    );
  return ctx.item(id, `Waiting for ${name} to register ${e164}…`, 'waiting');
}

/** Numbers an allocation waiting for the platform will activate (their numbers not known yet). */
export function numbersToCome(ctx: StepContext): boolean {
  return ctx.predicted.pendingAllocations.some((a) => a.activate);
}

export function handsetLoginItems(ctx: StepContext): StepItem[] {
  const items = ctx.lines.map((line) => lineItem(ctx, line)).filter((i) => i !== null);
  if (ctx.lines.length === 0)
    items.push(
      numbersToCome(ctx)
        ? ctx.item(
            'handsetLogin:none',
            'The numbers are not known yet: the platform picks them when the queued change reaches it, and the handsets are logged in to them here then.',
            'waiting',
          )
        : ctx.item(
            'handsetLogin:none',
            'No number is active yet: fix the Numbers step first.',
            'open',
          ),
    );
  return items;
}

export function handsetLoginSummary(ctx: StepContext): string {
  if (ctx.lines.length === 0)
    // The item below says why (to come with a queued change, or the Numbers step to fix).
    return numbersToCome(ctx) ? 'No service number to log in yet.' : 'No service number is active.';
  const registered = ctx.lines.filter((l) => l.registered).length;
  return `${registered} of ${count(ctx.lines.length, 'service number', 'service numbers')} logged in and registered.`;
}

/** How far one stage of a handset's login has come. */
export type LoginStageState = 'done' | 'now' | 'todo' | 'failed';

export interface LoginStage {
  id: 'assigned' | 'asked' | 'provisioning' | 'registered';
  title: string;
  state: LoginStageState;
  /** When it happened (done), began (now) or ran out (failed); null when not known. */
  at: string | null;
  words: string;
}

const STAGE_TITLE: Record<LoginStage['id'], string> = {
  assigned: 'Handset chosen',
  asked: 'Login asked',
  provisioning: 'Provisioning',
  registered: 'Registered',
};

const stage = (
  id: LoginStage['id'],
  state: LoginStageState,
  words: string,
  at: string | null = null,
): LoginStage => ({ id, title: STAGE_TITLE[id], state, words, at });

/** The registration fact to go by after a wait ran out: a "Check now" newer than the timeout. */
function checkedAfter(
  fact: RegistrationFact | undefined,
  timeout: RegistrationTimeout,
): RegistrationFact | null {
  return fact && fact.seenAt > timeout.at ? fact : null;
}

/**
 * One handset's login as a timeline (UX.md): handset chosen → login asked → provisioning →
 * registered, each from the journal's facts (assignment, login request, its outbox entry, the
 * platform's registration read-back), with the time of the last registration seen.
 */
export function loginTimeline(ctx: StepContext, line: ServiceLine): LoginStage[] {
  const { e164 } = line.number;
  const { installation } = ctx.state;
  const { handset } = line;
  const assignment = installation.assignments[e164];
  const assigned = handset
    ? stage(
        'assigned',
        'done',
        assignment ? 'Chosen in this job' : 'As the platform has it',
        assignment?.at ?? null,
      )
    : stage('assigned', 'now', "Choose one of the occupier's handsets or type its MAC.");
  const keypad = line.model?.loginMethod === 'manual';
  const login = installation.logins[e164];
  const asked = handset !== null && login !== undefined && login.handsetId === handset.id;
  const fact = handset ? installation.registrations[handset.id] : undefined;
  const lastSeen = fact?.registration === 'registered' ? fact.seenAt : null;
  if (line.registered && !asked)
    // Logged in before this job: the platform's record says so.
    return [
      assigned,
      stage('asked', 'done', 'Logged in before this job'),
      stage('provisioning', 'done', 'On the platform'),
      stage('registered', 'done', `Registered ${e164}`, lastSeen),
    ];
  if (!handset || !asked)
    return [
      assigned,
      stage(
        'asked',
        handset ? 'now' : 'todo',
        keypad
          ? 'Log in on the handset\'s keypad, then press "Done on the handset".'
          : 'Press "Log in".',
      ),
      stage(
        'provisioning',
        'todo',
        keypad ? 'On the handset itself' : 'The platform sends the number to the handset',
      ),
      stage('registered', 'todo', 'The platform sees the handset register'),
    ];
  const askedStage = stage(
    'asked',
    'done',
    login.method === 'keypad' ? 'Typed on the keypad' : 'Log in pressed',
    login.at,
  );
  const entry = login.entryId === null ? undefined : ctx.outboxItem(login.entryId);
  const provisioning =
    login.entryId === null
      ? stage('provisioning', 'done', 'On the handset itself', login.at)
      : entry?.status === 'queued'
        ? stage('provisioning', 'now', 'Waits to sync with the platform', login.at)
        : entry?.status === 'needsAttention' || entry?.status === 'conflict'
          ? stage(
              'provisioning',
              'failed',
              `The platform refused: ${entry.problem?.message ?? 'see the sync list'}`,
            )
          : stage('provisioning', 'done', 'The platform took the login');
  return [assigned, askedStage, provisioning, registeredStage(ctx, line, login.at, provisioning)];
}

function registeredStage(
  ctx: StepContext,
  line: ServiceLine,
  loginAt: string,
  provisioning: LoginStage,
): LoginStage {
  const { e164 } = line.number;
  const handsetId = line.handset!.id;
  const fact = ctx.state.installation.registrations[handsetId];
  const timeout = ctx.state.installation.timeouts[handsetId];
  if (line.registered) {
    const port = floorPortLabel(ctx.state, fact?.floorPortId ?? line.handset!.floorPortId ?? null);
    return stage(
      'registered',
      'done',
      `Registered ${e164}${port ? ` on floor port ${port}` : ''}`,
      fact?.registration === 'registered' ? fact.seenAt : null,
    );
  }
  if (provisioning.state !== 'done')
    return stage('registered', 'todo', 'The platform sees the handset register');
  if (timeout && timeout.at >= loginAt) {
    const checked = checkedAfter(fact, timeout);
    return checked
      ? stage(
          'registered',
          'failed',
          `Checked again: not registered yet. ${registrationHints(ctx, line, checked.linkUp)}`,
          checked.seenAt,
        )
      : stage(
          'registered',
          'failed',
          `Not registered within ${timeout.waitedSeconds} s. ${registrationHints(ctx, line, timeout.linkUp)}`,
          timeout.at,
        );
  }
  if (fact && fact.seenAt >= loginAt)
    return fact.registration === 'registered' && fact.e164 !== e164
      ? stage(
          'registered',
          'failed',
          `Registered with ${fact.e164 ?? 'no number'}, not ${e164}: log it in again.`,
          fact.seenAt,
        )
      : stage(
          'registered',
          'now',
          `Checked: not registered yet (${fact.linkUp ? 'link up' : 'no link'}); still waiting…`,
          fact.seenAt,
        );
  return stage('registered', 'now', 'Waiting for the handset to register…');
}
