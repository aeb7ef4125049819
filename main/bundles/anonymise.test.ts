import { describe, expect, it } from 'vitest';
import { classifyNumber } from '../../shared/numbers';
import shoreditch from '../../shared/numbers/test-support/shoreditch-snapshot.json';
import { SiteSnapshot } from '../../shared/platform/snapshot';
import { createAnonymiser } from './anonymise';

const snapshot = SiteSnapshot.parse(shoreditch);

describe('anonymise', () => {
  const anonymiser = createAnonymiser([snapshot], []);
  const out = anonymiser.json(snapshot);

  it('replaces every occupier and contact name and every number', () => {
    const text = JSON.stringify(out);
    for (const occupier of snapshot.occupiers) {
      expect(text).not.toContain(occupier.name);
      if (occupier.contact) expect(text).not.toContain(occupier.contact);
    }
    for (const number of snapshot.numbers) expect(text).not.toContain(number.e164);
  });

  it('gives the same value the same stand-in in every place and in free text', () => {
    const first = snapshot.numbers[0]!;
    const standIn = out.numbers[0]!.e164;
    expect(anonymiser.text(`call ${first.e164} now`)).toBe(`call ${standIn} now`);
    expect(anonymiser.text(snapshot.occupiers[0]!.name)).toBe(out.occupiers[0]!.name);
  });

  it('keeps the numbers valid, of the same type, in the same order, and distinct', () => {
    const region = snapshot.site.region;
    snapshot.numbers.forEach((number, i) => {
      const was = classifyNumber(number.e164, region);
      const now = classifyNumber(out.numbers[i]!.e164, region);
      expect([now.valid, now.type, now.allowed]).toEqual([was.valid, was.type, was.allowed]);
    });
    const before = snapshot.numbers.map((n) => n.e164);
    const after = out.numbers.map((n) => n.e164);
    const order = (list: string[]) =>
      list.map((_, i) => i).sort((a, b) => list[a]!.localeCompare(list[b]!));
    expect(order(after)).toEqual(order(before));
    expect(new Set(after).size).toBe(after.length);
    expect(SiteSnapshot.safeParse(out).success).toBe(true);
  });

  it("replaces the people's names it is given (engineer, signer) wherever they appear", () => {
    const people = createAnonymiser([snapshot], [], ['Sam Okafor', 'Ada Quist', 'Sam Okafor']);
    const record = { by: 'Sam Okafor', signOff: { signerName: 'Ada Quist' } };
    expect(people.json(record)).toEqual({ by: 'Person 1', signOff: { signerName: 'Person 2' } });
    expect(people.text('signed by Ada Quist for Sam Okafor')).toBe(
      'signed by Person 2 for Person 1',
    );
    expect(people.counts().people).toBe(2);
  });
});
