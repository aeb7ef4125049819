import { classifyNumber } from '../../shared/numbers';
import type { SiteSnapshot } from '../../shared/platform/snapshot';

/**
 * Replaces occupier names, contact names, people's names (the engineer's, the signer's) and
 * phone numbers with stand-ins, the same
 * stand-in for the same value in every member. Number stand-ins keep the country, the
 * exchange (all but the last four digits), the type and the sort order of the originals,
 * so the platform's rules treat them alike and a replay allocates the same way.
 */
export interface Anonymiser {
  text(text: string): string;
  json<T>(value: T): T;
  /** How many values of each sort were replaced. */
  counts(): { occupiers: number; contacts: number; people: number; numbers: number };
}

const E164_IN_TEXT = /\+[1-9]\d{6,14}\b/g;
const SUFFIX_DIGITS = 4;

function standInNumbers(
  numbers: readonly string[],
  regionOf: (e164: string) => string,
): Map<string, string> {
  const originals = new Set(numbers);
  const groups = new Map<string, string[]>();
  for (const e164 of [...originals].sort()) {
    const prefix = e164.slice(0, -SUFFIX_DIGITS);
    const group = groups.get(prefix) ?? [];
    group.push(e164);
    groups.set(prefix, group);
  }
  const map = new Map<string, string>();
  for (const [prefix, group] of groups) {
    let candidate = 0;
    for (const original of group) {
      const want = classifyNumber(original, regionOf(original));
      let standIn: string | null = null;
      // Ascending candidates keep the group's order; an original is never reused as a stand-in.
      while (candidate < 10 ** SUFFIX_DIGITS) {
        const next = `${prefix}${String(candidate++).padStart(SUFFIX_DIGITS, '0')}`;
        if (originals.has(next)) continue;
        const got = classifyNumber(next, regionOf(original));
        if (got.valid === want.valid && got.type === want.type && got.allowed === want.allowed) {
          standIn = next;
          break;
        }
      }
      // A full exchange: the stand-in need not classify alike, but must still not be the original.
      map.set(original, standIn ?? `${prefix.slice(0, -1)}${'9'.repeat(SUFFIX_DIGITS + 1)}`);
    }
  }
  return map;
}

function letters(index: number): string {
  let result = '';
  let n = index;
  do {
    result = String.fromCharCode(65 + (n % 26)) + result;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return result;
}

export function createAnonymiser(
  snapshots: readonly SiteSnapshot[],
  extraText: readonly string[],
  /** Names of people the journal records: who did the job, who signed it off. */
  people: readonly string[] = [],
): Anonymiser {
  const names = new Map<string, string>();
  let occupiers = 0;
  let contacts = 0;
  let persons = 0;
  const regions = new Map<string, string>();
  const numbers = new Set<string>();
  for (const snapshot of snapshots) {
    for (const occupier of snapshot.occupiers) {
      if (!names.has(occupier.name)) names.set(occupier.name, `Occupier ${letters(occupiers++)}`);
      if (occupier.contact.trim() !== '' && !names.has(occupier.contact))
        names.set(occupier.contact, `Contact ${++contacts}`);
    }
    for (const number of snapshot.numbers) {
      numbers.add(number.e164);
      regions.set(number.e164, snapshot.site.region);
    }
    for (const handset of snapshot.handsets)
      if (handset.loggedInNumber) numbers.add(handset.loggedInNumber);
  }
  for (const person of people)
    if (person.trim() !== '' && !names.has(person)) names.set(person, `Person ${++persons}`);
  const defaultRegion = snapshots[0]?.site.region ?? 'GB';
  for (const text of extraText)
    for (const match of text.matchAll(E164_IN_TEXT)) numbers.add(match[0]);
  const numberMap = standInNumbers([...numbers], (e164) => regions.get(e164) ?? defaultRegion);
  // Longest first, so a name that contains another is replaced whole.
  const nameList = [...names.keys()].sort((a, b) => b.length - a.length);

  const text = (input: string): string => {
    let result = input;
    for (const name of nameList)
      if (result.includes(name)) result = result.split(name).join(names.get(name)!);
    return result.replace(E164_IN_TEXT, (e164) => numberMap.get(e164) ?? e164);
  };
  const json = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(json);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), json(v)]));
    return value;
  };
  return {
    text,
    json: <T>(value: T) => json(value) as T,
    counts: () => ({ occupiers, contacts, people: persons, numbers: numberMap.size }),
  };
}
