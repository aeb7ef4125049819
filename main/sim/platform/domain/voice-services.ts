import { planAllocation } from '../../../../shared/numbers';
import type { AddVoiceServiceResult } from '../../../../shared/platform/contract';
import type { VoiceService } from '../../../../shared/platform/schemas';
import { ProblemError, problem } from '../problem';
import { assertVersion, type PlatformState } from '../state';
import { activeServiceNumbers, totalQuantity } from './number-records';
import { poolExhausted } from './numbers';

function nextServiceId(state: PlatformState, occupierId: string): string {
  for (let n = 1; ; n += 1) {
    const id = `vs-${occupierId}-${n}`;
    if (!state.voiceServices.has(id)) return id;
  }
}

/**
 * Services > Add services. The first voice service for an occupier at a site runs the
 * automatic allocation and activation (DOMAIN.md, via `planAllocation`); a later one is an
 * upgrade and changes nothing else. All or nothing: if the pool is short, no service is added.
 */
export function addVoiceService(
  state: PlatformState,
  siteId: string,
  occupierId: string,
  quantity: number,
): AddVoiceServiceResult {
  const site = state.site(siteId);
  state.occupierAt(siteId, occupierId);
  const upgrade = state.servicesOf(siteId, occupierId).length > 0;
  const hasManualNumbers = state
    .numbersOf(siteId, occupierId)
    .some((n) => n.source === 'ported' || n.source === 'customRange');
  const plan = planAllocation({
    region: site.region,
    quantity,
    autoMainNumber: state.operator.autoMainNumber,
    upgrade,
    hasManualNumbers,
  });

  const free = plan.automatic ? state.freePool(siteId) : [];
  if (plan.automatic && free.length < plan.allocate)
    throw poolExhausted(siteId, plan.allocate, free.length, `to add ${quantity} voice services`);

  const service: VoiceService = {
    id: nextServiceId(state, occupierId),
    siteId,
    occupierId,
    quantity,
    version: 1,
  };
  state.voiceServices.set(service.id, service);

  const taken = free.slice(0, plan.allocate);
  const main = plan.mainNumber ? (taken[0] ?? null) : null;
  const serviceNumbers = taken.filter((n) => n !== main);
  const activated = serviceNumbers.slice(0, plan.activate);
  const spare = serviceNumbers.slice(plan.activate);
  for (const number of taken) {
    number.occupierId = occupierId;
    number.state = 'RESERVED';
    number.version += 1;
  }
  if (main) {
    main.isMain = true;
    main.state = 'ACTIVE';
  }
  for (const number of activated) number.state = 'ACTIVE';
  state.touchSite(siteId);

  return structuredClone({
    voiceService: service,
    automation: {
      automatic: plan.automatic,
      reason: plan.reason,
      allocated: taken.map((n) => n.e164),
      activated: activated.map((n) => n.e164),
      spare: spare.map((n) => n.e164),
      mainNumber: main?.e164 ?? null,
    },
  });
}

/**
 * Manage Services: a new quantity for an existing service. An increase is an upgrade, so
 * nothing is allocated or activated; a decrease may not leave active lines uncovered.
 */
export function changeVoiceServiceQuantity(
  state: PlatformState,
  serviceId: string,
  quantity: number,
  expectedVersion: number | null,
): VoiceService {
  const service = state.voiceService(serviceId);
  assertVersion(`Voice service ${serviceId}`, service, expectedVersion);
  const others = state
    .servicesOf(service.siteId, service.occupierId)
    .filter((s) => s.id !== service.id);
  const active = activeServiceNumbers(state.numbersOf(service.siteId, service.occupierId)).length;
  const newTotal = totalQuantity(others) + quantity;
  if (newTotal < active)
    throw new ProblemError(
      problem(
        409,
        'QUANTITY_BELOW_ACTIVE',
        'Quantity below active numbers',
        `The occupier has ${active} active numbers; a total quantity of ${newTotal} would leave some uncovered. Deactivate numbers first.`,
        { active, requestedTotal: newTotal },
      ),
    );
  if (quantity !== service.quantity) {
    service.quantity = quantity;
    service.version += 1;
    state.touchSite(service.siteId);
  }
  return structuredClone(service);
}
