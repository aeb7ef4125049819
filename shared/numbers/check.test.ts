import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SiteSnapshot } from '../platform/snapshot';
import { checkNumbers } from './check';
import type { NumberFinding } from './findings';
import { buildSnapshot, type NumberSpec, type OccupierSpec } from './test-support/snapshot-builder';
import demoSnapshot from './test-support/shoreditch-snapshot.json';

const gb = (n: number) => `+4420794600${String(n).padStart(2, '0')}`;
const us = (n: number) => `+1212555${String(n).padStart(4, '0')}`;

const active = (e164: string, handsetId: string | null = null): NumberSpec => ({
  e164,
  state: 'ACTIVE',
  handsetId,
});
const reserved = (e164: string, source: NumberSpec['source'] = 'pool'): NumberSpec => ({
  e164,
  state: 'RESERVED',
  source,
});
const main = (e164: string): NumberSpec => ({ e164, state: 'ACTIVE', isMain: true });

/** Findings worth acting on: errors and warnings, by id. */
function problems(findings: NumberFinding[]): string[] {
  return findings.filter((f) => f.severity !== 'info').map((f) => f.id);
}
function finding(findings: NumberFinding[], id: string): NumberFinding {
  const found = findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id} among ${findings.map((f) => f.id).join(', ')}`);
  return found;
}
function check(
  occupier: OccupierSpec,
  site: { region?: string; autoMainNumber?: boolean; poolAvailable?: number } = {},
  stage: 'install' | 'signoff' = 'install',
) {
  return checkNumbers(buildSnapshot({ ...site, occupiers: [occupier] }), occupier.id, { stage });
}

describe('checkNumbers: first add matching DOMAIN.md', () => {
  it('GB QTY 3 with main: 5 allocated, 1 main, 3 active on handsets, 1 spare is clean', () => {
    const findings = check(
      {
        id: 'occ-a',
        services: [{ quantity: 3 }],
        numbers: [
          main(gb(0)),
          active(gb(1), 'h1'),
          active(gb(2), 'h2'),
          active(gb(3), 'h3'),
          reserved(gb(4)),
        ],
      },
      {},
      'signoff',
    );
    expect(problems(findings)).toEqual([]);
    expect(findings.map((f) => f.id)).toEqual(['summary', 'allocation.rule', 'numbers.spare']);
    expect(finding(findings, 'numbers.spare').numbers).toEqual([gb(4)]);
    expect(finding(findings, 'allocation.rule').message).toContain('rounded up to a batch of 5');
  });

  it('US QTY 7: exactly 7 allocated and active, no main expected automatically (a warning before sign-off)', () => {
    const numbers = Array.from({ length: 7 }, (_, i) => active(us(i + 1), `h${i}`));
    const findings = check(
      { id: 'occ-us', services: [{ quantity: 7 }], numbers },
      { region: 'US' },
    );
    expect(problems(findings)).toEqual(['main.missing']);
    expect(finding(findings, 'main.missing')).toMatchObject({
      severity: 'warning',
      fix: { kind: 'allocateMain' },
    });
  });
});

describe('checkNumbers: allocation count and batch (GB first add)', () => {
  it('a batch one short asks for the missing number to be allocated as a spare', () => {
    const findings = check({
      id: 'occ-a',
      services: [{ quantity: 3 }],
      numbers: [main(gb(0)), active(gb(1)), active(gb(2)), active(gb(3))],
    });
    expect(problems(findings)).toEqual(['allocation.batch']);
    expect(finding(findings, 'allocation.batch')).toMatchObject({
      severity: 'error',
      fix: { kind: 'allocate', count: 1, activate: false },
    });
  });

  it('QTY 5 with main given only 5: spare first, then allocate, then complete the batch of 10', () => {
    const findings = check({
      id: 'occ-a',
      services: [{ quantity: 5 }],
      numbers: [main(gb(0)), active(gb(1)), active(gb(2)), active(gb(3)), reserved(gb(4))],
    });
    expect(problems(findings)).toEqual([
      'activation.short',
      'activation.allocate',
      'allocation.batch',
    ]);
    expect(finding(findings, 'activation.short').fix).toEqual({
      kind: 'activate',
      numbers: [gb(4)],
    });
    expect(finding(findings, 'activation.allocate').fix).toEqual({
      kind: 'allocate',
      count: 1,
      activate: true,
    });
    expect(finding(findings, 'allocation.batch').fix).toEqual({
      kind: 'allocate',
      count: 4,
      activate: false,
    });
  });

  it('more allocated than the batch is a warning offering to release the extra spares', () => {
    const findings = check({
      id: 'occ-a',
      services: [{ quantity: 3 }],
      numbers: [
        main(gb(0)),
        active(gb(1)),
        active(gb(2)),
        active(gb(3)),
        ...[4, 5, 6].map((n) => reserved(gb(n))),
      ],
    });
    expect(problems(findings)).toEqual(['allocation.excess']);
    expect(finding(findings, 'allocation.excess')).toMatchObject({
      severity: 'warning',
      fix: { kind: 'release', numbers: [gb(5), gb(6)] },
    });
  });

  it('a main number on top of an exact US allocation is not an excess', () => {
    const numbers = [main(us(0)), ...[1, 2].map((n) => active(us(n)))];
    expect(
      problems(check({ id: 'o', services: [{ quantity: 2 }], numbers }, { region: 'US' })),
    ).toEqual([]);
  });
});

describe('checkNumbers: upgrades and manual numbers (no automation)', () => {
  it('an upgraded quantity needs 2 more: the spare first, then 1 from the pool, and no batch rule', () => {
    const findings = check({
      id: 'occ-a',
      services: [{ quantity: 5, version: 2 }],
      numbers: [main(gb(0)), active(gb(1)), active(gb(2)), active(gb(3)), reserved(gb(4))],
    });
    expect(problems(findings)).toEqual(['activation.short', 'activation.allocate']);
    expect(finding(findings, 'activation.short').message).toBe(
      `5 voice services but 3 numbers active: 2 more to activate. Activate the spare allocated number ${gb(4)} first, then allocate 1 more.`,
    );
    expect(finding(findings, 'allocation.rule').message).toContain('An upgrade');
  });

  it('an additional voice service is an upgrade too', () => {
    const findings = check({
      id: 'occ-a',
      services: [{ quantity: 3 }, { quantity: 2 }],
      numbers: [main(gb(0)), ...[1, 2, 3, 4, 5].map((n) => active(gb(n)))],
    });
    expect(problems(findings)).toEqual([]);
  });

  it('manual numbers: ported spares are offered before pool spares, and no batch is expected', () => {
    const findings = check({
      id: 'occ-m',
      services: [{ quantity: 2 }],
      numbers: [
        main(gb(0)),
        reserved(gb(1)),
        reserved(gb(7), 'ported'),
        reserved(gb(8), 'customRange'),
      ],
    });
    expect(problems(findings)).toEqual(['activation.short']);
    expect(finding(findings, 'activation.short').fix).toEqual({
      kind: 'activate',
      numbers: [gb(7), gb(8)],
    });
    expect(finding(findings, 'allocation.rule').message).toContain('manually assigned');
    expect(finding(findings, 'numbers.spare').numbers).toEqual([gb(1)]);
  });

  it('more active numbers than services: deactivate the ones without a handset first', () => {
    const findings = check({
      id: 'occ-a',
      services: [{ quantity: 1, version: 3 }],
      numbers: [main(gb(0)), active(gb(1), 'h1'), active(gb(2)), active(gb(3))],
    });
    expect(finding(findings, 'activation.excess').fix).toEqual({
      kind: 'deactivate',
      numbers: [gb(2), gb(3)],
    });
  });
});

describe('checkNumbers: main number', () => {
  it('expected automatically on a GB first add: an error, nominating the spare left after activation', () => {
    const findings = check({
      id: 'o',
      services: [{ quantity: 2 }],
      numbers: [active(gb(1)), reserved(gb(2)), reserved(gb(3)), reserved(gb(4)), reserved(gb(5))],
    });
    expect(finding(findings, 'activation.short').fix).toEqual({
      kind: 'activate',
      numbers: [gb(2)],
    });
    expect(finding(findings, 'main.missing')).toMatchObject({
      severity: 'error',
      fix: { kind: 'nominateMain', number: gb(3) },
    });
  });

  it('not expected automatically: a warning before sign-off, an error at sign-off', () => {
    const occupier = { id: 'o', services: [{ quantity: 1 }], numbers: [active(gb(1), 'h1')] };
    expect(finding(check(occupier, { autoMainNumber: false }), 'main.missing').severity).toBe(
      'warning',
    );
    expect(
      finding(check(occupier, { autoMainNumber: false }, 'signoff'), 'main.missing').severity,
    ).toBe('error');
  });

  it('two main numbers: keep the active one, demote the other', () => {
    const findings = check({
      id: 'o',
      services: [{ quantity: 1, version: 2 }],
      numbers: [{ e164: gb(0), state: 'RESERVED', isMain: true }, main(gb(9)), active(gb(1))],
    });
    expect(finding(findings, 'main.multiple').fix).toEqual({
      kind: 'demoteMain',
      numbers: [gb(0)],
    });
    expect(problems(findings)).not.toContain('main.not-active');
  });

  it('a reserved main number must be activated', () => {
    const findings = check({
      id: 'o',
      services: [{ quantity: 1, version: 2 }],
      numbers: [{ e164: gb(0), state: 'RESERVED', isMain: true }, active(gb(1))],
    });
    expect(finding(findings, 'main.not-active').fix).toEqual({
      kind: 'activate',
      numbers: [gb(0)],
    });
  });

  it('a main number logged in to a handset is an error with the handset named', () => {
    const findings = check({
      id: 'o',
      services: [{ quantity: 1, version: 2 }],
      numbers: [main(gb(0)), active(gb(1), 'h1')],
      handsets: [
        { id: 'h1', loggedInNumber: gb(1) },
        { id: 'h2', loggedInNumber: gb(0) },
      ],
    });
    expect(finding(findings, `main.on-handset:${gb(0)}`).fix).toEqual({
      kind: 'unassignHandset',
      number: gb(0),
      handsetId: 'h2',
    });
  });
});

describe('checkNumbers: numbers the platform does not provide', () => {
  it('a toll-free and a mobile number are errors with a release fix and are never offered as spares', () => {
    const findings = check({
      id: 'o',
      services: [{ quantity: 2, version: 2 }],
      numbers: [
        main(gb(0)),
        active(gb(1)),
        reserved('+448001234567', 'ported'),
        reserved('+447400123456'),
      ],
    });
    expect(finding(findings, 'number.not-allowed:+448001234567')).toMatchObject({
      severity: 'error',
      fix: { kind: 'release', numbers: ['+448001234567'] },
    });
    expect(finding(findings, 'number.not-allowed:+448001234567').message).toContain(
      'freephone (0800)',
    );
    expect(finding(findings, 'number.not-allowed:+447400123456').message).toContain('mobile (07)');
    expect(finding(findings, 'activation.allocate').fix).toEqual({
      kind: 'allocate',
      count: 1,
      activate: true,
    });
  });

  it('a number of another country than the site is an error', () => {
    const findings = check({
      id: 'o',
      services: [{ quantity: 1 }],
      numbers: [main(gb(0)), active(us(1))],
    });
    expect(finding(findings, `number.not-allowed:${us(1)}`).message).toContain(
      "not of the site's country (GB)",
    );
  });
});

describe('checkNumbers: a number claimed by two occupiers', () => {
  const snapshot = buildSnapshot({
    occupiers: [
      {
        id: 'occ-a',
        name: 'Alpha',
        services: [{ quantity: 1 }],
        numbers: [main(gb(0)), active(gb(1))],
      },
      { id: 'occ-b', name: 'Beta', numbers: [reserved(gb(1))] },
    ],
  });

  it('is an error for both; only the occupier that merely reserved it is offered a release', () => {
    const forA = finding(checkNumbers(snapshot, 'occ-a'), `number.claimed-twice:${gb(1)}`);
    const forB = finding(checkNumbers(snapshot, 'occ-b'), `number.claimed-twice:${gb(1)}`);
    expect(forA).toMatchObject({ severity: 'error', fix: null });
    expect(forA.message).toContain('Beta (RESERVED)');
    expect(forB).toMatchObject({ severity: 'error', fix: { kind: 'release', numbers: [gb(1)] } });
    expect(checkNumbers(snapshot, 'occ-b').find((f) => f.id === 'numbers.spare')).toBeUndefined();
  });
});

describe('checkNumbers: handsets', () => {
  const occupier: OccupierSpec = {
    id: 'o',
    services: [{ quantity: 3 }],
    numbers: [main(gb(0)), active(gb(1), 'h1'), active(gb(2)), active(gb(3)), reserved(gb(4))],
    handsets: [{ id: 'h1' }, { id: 'h3' }, { id: 'h2' }],
  };

  it('an active number without a handset is information before sign-off, suggesting free handsets in id order', () => {
    const findings = check(occupier);
    expect(problems(findings)).toEqual([]);
    expect(finding(findings, `handset.missing:${gb(2)}`)).toMatchObject({
      severity: 'info',
      fix: { kind: 'assignHandset', number: gb(2), handsetId: 'h2' },
    });
    expect(finding(findings, `handset.missing:${gb(3)}`).fix).toMatchObject({ handsetId: 'h3' });
  });

  it('is an error at sign-off', () => {
    expect(problems(check(occupier, {}, 'signoff'))).toEqual([
      `handset.missing:${gb(2)}`,
      `handset.missing:${gb(3)}`,
    ]);
  });

  it('a number counts as on a handset when the handset reports it logged in', () => {
    const findings = check(
      { ...occupier, handsets: [{ id: 'h1' }, { id: 'h2', loggedInNumber: gb(2) }] },
      {},
      'signoff',
    );
    expect(problems(findings)).toEqual([`handset.missing:${gb(3)}`]);
    expect(finding(findings, `handset.missing:${gb(3)}`).fix).toMatchObject({ handsetId: null });
  });
});

describe('checkNumbers: pool, pending, bad input', () => {
  it('fixes needing more numbers than the pool holds are flagged (allocation is atomic)', () => {
    const findings = check({ id: 'o', services: [{ quantity: 3 }] }, { poolAvailable: 4 });
    expect(finding(findings, 'activation.allocate').fix).toEqual({
      kind: 'allocate',
      count: 3,
      activate: true,
    });
    expect(finding(findings, 'main.missing').fix).toEqual({ kind: 'allocateMain' });
    expect(finding(findings, 'allocation.batch').fix).toEqual({
      kind: 'allocate',
      count: 1,
      activate: false,
    });
    expect(finding(findings, 'pool.short').message).toContain('need 5 numbers');
  });

  it('numbers with a change in flight are a warning', () => {
    const findings = check({
      id: 'o',
      services: [{ quantity: 1, version: 2 }],
      numbers: [main(gb(0)), active(gb(1)), { e164: gb(2), state: 'PENDING' }],
    });
    expect(finding(findings, 'numbers.pending')).toMatchObject({
      severity: 'warning',
      numbers: [gb(2)],
    });
  });

  it('an unknown occupier or stage is a coded error', () => {
    const snapshot = buildSnapshot({ occupiers: [{ id: 'o' }] });
    expect(() => checkNumbers(snapshot, 'nobody')).toThrow(
      expect.objectContaining({ code: 'NUMBERS_UNKNOWN_OCCUPIER' }),
    );
    expect(() => checkNumbers(snapshot, 'o', { stage: 'later' as never })).toThrow(
      /install.*signoff/,
    );
  });
});

describe('checkNumbers: determinism', () => {
  const shuffled = <T>(items: T[], seed: number) =>
    items
      .map((item, i) => ({ item, key: (i * 7919 + seed * 104729) % 1009 }))
      .sort((a, b) => a.key - b.key)
      .map((e) => e.item);

  it('the same findings, in the same order, whatever order the snapshot lists things in', () => {
    const base = buildSnapshot({
      occupiers: [
        {
          id: 'a',
          services: [{ quantity: 4 }],
          numbers: [
            active(gb(1)),
            active(gb(2)),
            reserved(gb(3)),
            reserved('+448001234567'),
            active(gb(9)),
          ],
          handsets: [{ id: 'x' }, { id: 'y' }],
        },
        { id: 'b', numbers: [reserved(gb(9)), reserved(gb(5))] },
      ],
    });
    const expected = checkNumbers(base, 'a', { stage: 'signoff' });
    fc.assert(
      fc.property(fc.nat(10_000), (seed) => {
        const copy: SiteSnapshot = {
          ...base,
          numbers: shuffled(base.numbers, seed),
          handsets: shuffled(base.handsets, seed + 1),
          voiceServices: shuffled(base.voiceServices, seed + 2),
        };
        expect(checkNumbers(copy, 'a', { stage: 'signoff' })).toEqual(expected);
      }),
      { numRuns: 50 },
    );
    const ids = expected.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('checkNumbers: the demo snapshot fixture', () => {
  const snapshot = SiteSnapshot.parse(demoSnapshot);

  it('Orchard (upgraded to 5) needs its spare activated and one more allocated', () => {
    expect(problems(checkNumbers(snapshot, 'occ-orchard'))).toEqual([
      'activation.short',
      'activation.allocate',
    ]);
  });
  it('Northwind (first add of 4 with main) is clean at sign-off', () => {
    expect(problems(checkNumbers(snapshot, 'occ-northwind', { stage: 'signoff' }))).toEqual([]);
  });
});
