import { count } from '../../wording';
import { waitsForAllocation } from '../predicted-snapshot';
import type { StepContext } from './context';
import type { StepItem } from './step-status';

/** Which findings the Numbers step owns: a handset finding belongs to Handset login. */
export function isNumbersFinding(findingId: string): boolean {
  return !findingId.startsWith('handset.');
}

const RULES: Record<string, string> = {
  activation: 'As many numbers active as the occupier has voice services (the main number aside).',
  allocation: 'UK sites allocate numbers in batches of 5; elsewhere exactly the quantity.',
  main: 'One main number per occupier per site: virtual, inbound only, never on a handset.',
  allowed: 'Only local (geographic) and national numbers; never toll-free or special rate.',
  pool: 'Allocation is atomic: the pool must hold the whole batch.',
  spare: 'Spare = allocated but not active; spares are activated before new numbers.',
  held: 'No number is allocated to two occupiers.',
};

function ruleOf(findingId: string): string | null {
  const family = findingId.split(/[.:]/)[0] ?? '';
  return RULES[family] ?? null;
}

/** The Numbers step: every error of the number checks, with its fix's progress. */
export function numbersItems(ctx: StepContext): StepItem[] {
  const { fixes, appliedSinceSnapshot } = ctx.state.installation;
  const applied = new Set(appliedSinceSnapshot);
  const items: StepItem[] = [];
  const services = ctx.predicted.snapshot.voiceServices.filter(
    (v) => v.occupierId === ctx.state.occupierId,
  );
  if (services.length === 0)
    items.push(
      ctx.item(
        'numbers:voiceService.none',
        'The occupier has no voice service yet: add the voice services this job covers.',
        'open',
        'The first add of a voice service lets the platform allocate the numbers by itself.',
      ),
    );
  else if (services.some((v) => v.id === 'pending-voice-service'))
    items.push(
      ctx.item(
        'numbers:voiceService.queued',
        'The voice service waits to sync; the platform allocates the numbers when it arrives.',
        'waiting',
      ),
    );
  const asked = ctx.predicted.pendingAllocations.filter((a) => !a.automatic);
  if (asked.length > 0)
    items.push(
      ctx.item(
        'numbers:allocation.queued',
        `${count(
          asked.reduce((n, a) => n + a.count, 0),
          'number waits',
          'numbers wait',
        )} to be allocated by the platform; the counts are checked again once it has picked them.`,
        'waiting',
      ),
    );
  for (const finding of ctx.findings) {
    if (finding.severity !== 'error' || !isNumbersFinding(finding.id)) continue;
    // Judged again when the platform has made the allocation that waits (no second one offered).
    if (waitsForAllocation(ctx.predicted, finding.id)) continue;
    const fix = fixes.findLast((f) => f.findingId === finding.id);
    const entries = (fix?.entryIds ?? []).map((id) => ctx.outboxItem(id));
    const refused = entries.find((e) => e?.status === 'needsAttention' || e?.status === 'conflict');
    const inHand = entries.some(
      (e) => e?.status === 'queued' || (e?.status === 'applied' && applied.has(e.entry.entryId)),
    );
    const message = refused
      ? `${finding.message} The fix was refused: ${refused.problem?.message ?? 'see the sync list'}`
      : inHand
        ? `${finding.message} Fix queued: it is done when the platform confirms it.`
        : finding.message;
    items.push(
      ctx.item(
        `numbers:${finding.id}`,
        message,
        !refused && inHand ? 'waiting' : 'open',
        ruleOf(finding.id),
      ),
    );
  }
  return items;
}

export function numbersSummary(ctx: StepContext, items: readonly StepItem[]): string {
  const open = items.filter((i) => i.state === 'open').length;
  const waiting = items.filter((i) => i.state === 'waiting').length;
  const pending = ctx.predicted.pendingAllocations.reduce((n, a) => n + a.count, 0);
  if (open === 0 && waiting === 0)
    return `Numbers as the rules expect: ${count(ctx.lines.length, 'service number', 'service numbers')} active.`;
  return [
    open > 0 ? `${count(open, 'finding needs', 'findings need')} a fix` : null,
    waiting > 0 ? `${count(waiting, 'change waits', 'changes wait')} for the platform` : null,
    pending > 0 ? `${count(pending, 'number', 'numbers')} to be allocated` : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
}
