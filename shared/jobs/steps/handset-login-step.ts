import { count } from '../../wording';
import { floorPortLabel, handsetName, type ServiceLine, type StepContext } from './context';
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
  if (timeout)
    return ctx.item(
      id,
      `${name} did not register ${e164} within ${timeout.waitedSeconds} s. ${registrationHints(ctx, line, timeout.linkUp)}`,
      'open',
    );
  const fact = ctx.state.installation.registrations[line.handset.id];
  if (fact && fact.registration === 'registered' && fact.e164 !== e164)
    return ctx.item(
      id,
      `${name} registered with ${fact.e164 ?? 'no number'}, not ${e164}: log it in again.`,
      'open',
    );
  return ctx.item(id, `Waiting for ${name} to register ${e164}…`, 'waiting');
}

export function handsetLoginItems(ctx: StepContext): StepItem[] {
  const items = ctx.lines.map((line) => lineItem(ctx, line)).filter((i) => i !== null);
  if (ctx.lines.length === 0)
    items.push(
      ctx.item('handsetLogin:none', 'No number is active yet: fix the Numbers step first.', 'open'),
    );
  return items;
}

export function handsetLoginSummary(ctx: StepContext): string {
  const registered = ctx.lines.filter((l) => l.registered).length;
  return `${registered} of ${count(ctx.lines.length, 'service number', 'service numbers')} logged in and registered.`;
}
