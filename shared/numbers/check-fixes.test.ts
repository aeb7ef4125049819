import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhoneNumber } from '../platform/schemas';
import type { SiteSnapshot } from '../platform/snapshot';
import { checkNumbers } from './check';
import type { FixAction } from './findings';
import { buildSnapshot, type NumberSpec } from './test-support/snapshot-builder';

const OCCUPIER = 'occ-x';
const COUNT_CHECKS = /^(activation\.|allocation\.batch|main\.(missing|multiple|not-active))/;

/** Carries out a fix the way the platform would, on a copy of the snapshot. */
function applyFix(snapshot: SiteSnapshot, fix: FixAction, nextSerial: () => string): SiteSnapshot {
  const update = (numbers: string[], change: Partial<PhoneNumber>) => ({
    ...snapshot,
    numbers: snapshot.numbers.map((n) => (numbers.includes(n.e164) ? { ...n, ...change } : n)),
  });
  const allocate = (count: number, change: Partial<PhoneNumber>): SiteSnapshot => ({
    ...snapshot,
    poolAvailable: snapshot.poolAvailable - count,
    numbers: [
      ...snapshot.numbers,
      ...Array.from({ length: count }, (): PhoneNumber => {
        const e164 = nextSerial();
        return {
          e164,
          siteId: snapshot.site.id,
          occupierId: OCCUPIER,
          state: 'RESERVED',
          source: 'pool',
          extension: e164.slice(-4),
          defaultPin: '1234',
          isMain: false,
          handsetId: null,
          version: 1,
          ...change,
        };
      }),
    ],
  });
  switch (fix.kind) {
    case 'allocate':
      return allocate(fix.count, fix.activate ? { state: 'ACTIVE' } : {});
    case 'allocateMain':
      return allocate(1, { state: 'ACTIVE', isMain: true });
    case 'activate':
      return update(fix.numbers, { state: 'ACTIVE' });
    case 'deactivate':
      return update(fix.numbers, { state: 'RESERVED' });
    case 'nominateMain':
      return update([fix.number], { state: 'ACTIVE', isMain: true });
    case 'demoteMain':
      return update(fix.numbers, { isMain: false });
    case 'release':
      return {
        ...snapshot,
        numbers: snapshot.numbers.filter((n) => !fix.numbers.includes(n.e164)),
      };
    default:
      return snapshot;
  }
}

const numberSpec = fc.record({
  state: fc.constantFrom('ACTIVE', 'RESERVED'),
  isMain: fc.constantFrom(false, false, false, false, false, true),
  // Numbers the platform does not provide are never offered as spares; the fixes must cope.
  tollFree: fc.constantFrom(false, false, false, true),
  source: fc.constantFrom('pool', 'pool', 'ported'),
});

describe('checkNumbers: fixes add up', () => {
  it('carrying out every fix of the count findings once leaves no count error', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GB', 'US'),
        fc.boolean(),
        fc.array(
          fc.record({ quantity: fc.integer({ min: 1, max: 12 }), version: fc.constantFrom(1, 2) }),
          {
            minLength: 0,
            maxLength: 2,
          },
        ),
        fc.array(numberSpec, { maxLength: 20 }),
        (region, autoMainNumber, services, specs) => {
          let serial = 0;
          const nextSerial = () =>
            region === 'GB'
              ? `+44203${String(serial++).padStart(7, '0')}`
              : `+1212555${String(serial++).padStart(4, '0')}`;
          let tollFreeSerial = 0;
          const numbers: NumberSpec[] = specs.map(({ tollFree, ...spec }) => ({
            ...spec,
            e164: tollFree
              ? `${region === 'GB' ? '+44800' : '+1800'}555${String(tollFreeSerial++).padStart(4, '0')}`
              : nextSerial(),
          }));
          let snapshot = buildSnapshot({
            region,
            autoMainNumber,
            poolAvailable: 1_000,
            occupiers: [{ id: OCCUPIER, services, numbers }],
          });
          const before = checkNumbers(snapshot, OCCUPIER);
          for (const finding of before)
            if (finding.fix && COUNT_CHECKS.test(finding.id))
              snapshot = applyFix(snapshot, finding.fix, nextSerial);
          const after = checkNumbers(snapshot, OCCUPIER).filter(
            (f) => f.severity === 'error' && COUNT_CHECKS.test(f.id),
          );
          expect(after.map((f) => `${f.id}: ${f.message}`)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
