import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../errors';
import { planAllocation, type AllocationInput } from './allocation';

const firstAdd = (region: string, quantity: number, autoMainNumber: boolean): AllocationInput => ({
  region,
  quantity,
  autoMainNumber,
  upgrade: false,
  hasManualNumbers: false,
});

function counts(input: AllocationInput) {
  const { automatic, allocate, mainNumber, activate, spare } = planAllocation(input);
  return { automatic, allocate, main: mainNumber ? 1 : 0, activate, spare };
}

describe('planAllocation: DOMAIN.md examples', () => {
  it.each([
    ['GB', 3, true, 5, 1, 3, 1],
    ['GB', 4, true, 5, 1, 4, 0],
    ['GB', 5, true, 10, 1, 5, 4],
    ['GB', 5, false, 5, 0, 5, 0],
    ['US', 7, true, 7, 0, 7, 0],
    ['US', 7, false, 7, 0, 7, 0],
  ] as const)(
    '%s QTY %i main=%s → %i allocated, %i main, %i activated, %i spare',
    (region, quantity, autoMain, allocate, main, activate, spare) => {
      expect(counts(firstAdd(region, quantity, autoMain))).toEqual({
        automatic: true,
        allocate,
        main,
        activate,
        spare,
      });
    },
  );
});

describe('planAllocation: UK batch boundaries', () => {
  it.each([
    // QTY, main, allocated, spare
    [1, true, 5, 3],
    [1, false, 5, 4],
    [4, false, 5, 1],
    [4, true, 5, 0],
    [5, false, 5, 0],
    [5, true, 10, 4],
    [6, false, 10, 4],
    [6, true, 10, 3],
    [9, false, 10, 1],
    [9, true, 10, 0],
    [10, false, 10, 0],
    [10, true, 15, 4],
    [11, false, 15, 4],
    [11, true, 15, 3],
  ] as const)(
    'GB QTY %i main=%s → %i allocated, %i spare',
    (quantity, autoMain, allocate, spare) => {
      const plan = planAllocation(firstAdd('GB', quantity, autoMain));
      expect(plan).toMatchObject({ automatic: true, allocate, activate: quantity, spare });
      expect(plan.mainNumber).toBe(autoMain);
    },
  );

  it.each(['US', 'CA', 'IE', 'NL'])('%s allocates QTY exactly with no main number', (region) => {
    for (const quantity of [4, 5, 6, 9, 10, 11])
      expect(counts(firstAdd(region, quantity, true))).toEqual({
        automatic: true,
        allocate: quantity,
        main: 0,
        activate: quantity,
        spare: 0,
      });
  });
});

describe('planAllocation: no automation', () => {
  it.each([
    [true, false, 'upgrade'],
    [false, true, 'manually assigned'],
    [true, true, 'upgrade'],
  ])('upgrade=%s manual=%s → nothing automatic, reason says %s', (upgrade, manual, word) => {
    const plan = planAllocation({
      region: 'GB',
      quantity: 3,
      autoMainNumber: true,
      upgrade,
      hasManualNumbers: manual,
    });
    expect(plan).toMatchObject({
      automatic: false,
      allocate: 0,
      activate: 0,
      spare: 0,
      mainNumber: false,
    });
    expect(plan.reason).toContain(word);
    expect(plan.reason).toContain('3 numbers by hand');
  });
});

describe('planAllocation: reasons', () => {
  it('explains the UK batch in one sentence', () => {
    expect(planAllocation(firstAdd('GB', 3, true)).reason).toBe(
      'UK site: 3 services + main number = 4, rounded up to a batch of 5: 5 allocated, 3 activated, 1 nominated as main number, 1 spare.',
    );
  });
  it('explains an exact non-UK allocation', () => {
    expect(planAllocation(firstAdd('US', 1, true)).reason).toBe(
      'US site: 1 service = 1 number allocated and activated exactly (batches and an automatic main number are UK only).',
    );
  });
});

describe('planAllocation: bad input', () => {
  it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])(
    'rejects quantity %s with NUMBERS_INVALID_INPUT',
    (quantity) => {
      expect(() => planAllocation(firstAdd('GB', quantity, true))).toThrow(
        expect.objectContaining({
          code: 'NUMBERS_INVALID_INPUT',
          message: expect.stringContaining('quantity'),
        }),
      );
    },
  );
  it.each(['XX', 'UK', 'gb', '', 'GBR'])('rejects region %j', (region) => {
    const attempt = () => planAllocation(firstAdd(region, 3, true));
    expect(attempt).toThrow(CodedError);
    expect(attempt).toThrow(/not a known region/);
  });
  it('rejects a missing field with the field named', () => {
    const input = { region: 'GB', quantity: 3, autoMainNumber: true } as unknown as AllocationInput;
    expect(() => planAllocation(input)).toThrow(/upgrade/);
  });
});

describe('planAllocation: properties', () => {
  const quantity = fc.integer({ min: 1, max: 10_000 });
  it('UK allocation is a multiple of 5, at least QTY+M and less than QTY+M+5', () => {
    fc.assert(
      fc.property(quantity, fc.boolean(), (qty, autoMain) => {
        const plan = planAllocation(firstAdd('GB', qty, autoMain));
        const needed = qty + (autoMain ? 1 : 0);
        expect(plan.allocate % 5).toBe(0);
        expect(plan.allocate).toBeGreaterThanOrEqual(needed);
        expect(plan.allocate).toBeLessThan(needed + 5);
        expect(plan.mainNumber).toBe(autoMain);
      }),
    );
  });
  it('non-UK allocation equals QTY', () => {
    fc.assert(
      fc.property(
        quantity,
        fc.boolean(),
        fc.constantFrom('US', 'CA', 'IE', 'NL', 'DE'),
        (qty, autoMain, region) => {
          const plan = planAllocation(firstAdd(region, qty, autoMain));
          expect(plan.allocate).toBe(qty);
          expect(plan.activate).toBe(qty);
          expect(plan.mainNumber).toBe(false);
        },
      ),
    );
  });
  it('allocate = activate + main + spare, and activate = QTY, whenever automation runs', () => {
    fc.assert(
      fc.property(quantity, fc.boolean(), fc.constantFrom('GB', 'US'), (qty, autoMain, region) => {
        const plan = planAllocation(firstAdd(region, qty, autoMain));
        expect(plan.allocate).toBe(plan.activate + (plan.mainNumber ? 1 : 0) + plan.spare);
        expect(plan.activate).toBe(qty);
        expect(plan.spare).toBeGreaterThanOrEqual(0);
      }),
    );
  });
  it('no automation for upgrades or manual numbers', () => {
    fc.assert(
      fc.property(
        quantity,
        fc.boolean(),
        fc.constantFrom('GB', 'US'),
        fc.constantFrom([true, false], [false, true], [true, true]),
        (qty, autoMain, region, [upgrade, manual]) => {
          const plan = planAllocation({
            region,
            quantity: qty,
            autoMainNumber: autoMain,
            upgrade,
            hasManualNumbers: manual,
          });
          expect(plan).toMatchObject({
            automatic: false,
            allocate: 0,
            activate: 0,
            spare: 0,
            mainNumber: false,
          });
        },
      ),
    );
  });
});
