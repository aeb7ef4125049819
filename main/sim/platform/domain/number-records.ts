import { createHash } from 'node:crypto';
import type { NumberSource, PhoneNumber } from '../../../../shared/platform/schemas';
import type { PlatformState } from '../state';

/**
 * Extension and default PIN for a number the platform had not held before (ported, custom
 * range). Derived from the number so a replay of the same world gives the same values.
 */
export function newNumberRecord(
  state: PlatformState,
  siteId: string,
  e164: string,
  occupierId: string,
  source: NumberSource,
): PhoneNumber {
  const taken = new Set(
    [...state.numbers.values()].filter((n) => n.siteId === siteId).map((n) => n.extension),
  );
  let extension = e164.slice(-4);
  for (let width = 5; taken.has(extension) && width <= e164.length - 1; width += 1)
    extension = e164.slice(-width);
  const digest = createHash('sha256').update(`pin:${e164}`).digest();
  const defaultPin = String(digest.readUInt32BE(0) % 10_000).padStart(4, '0');
  return {
    e164,
    siteId,
    occupierId,
    state: 'RESERVED',
    source,
    extension,
    defaultPin,
    isMain: false,
    handsetId: null,
    version: 1,
  };
}

/** Active service numbers: ACTIVE and not the main number (the main is not a service line). */
export function activeServiceNumbers(numbers: PhoneNumber[]): PhoneNumber[] {
  return numbers.filter((n) => n.state === 'ACTIVE' && !n.isMain);
}

export function totalQuantity(services: { quantity: number }[]): number {
  return services.reduce((sum, service) => sum + service.quantity, 0);
}
