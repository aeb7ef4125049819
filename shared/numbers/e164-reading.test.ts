import fc from 'fast-check';
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { planOf } from './compiled-metadata';
import { readE164, type NumberReading } from './e164-reading';
import { readNumber } from './number-reading';

/** libphonenumber-js's own answer for a text, straight from its parser and PhoneNumber methods. */
function libraryReading(text: string, region?: CountryCode): NumberReading | undefined {
  const parsed = parsePhoneNumberFromString(text, region);
  if (!parsed) return undefined;
  return {
    number: parsed.number,
    country: parsed.country,
    countryCallingCode: parsed.countryCallingCode,
    nationalNumber: parsed.nationalNumber,
    type: parsed.getType(),
    valid: parsed.isValid(),
  };
}

/** The E.164 path either answers exactly as the library, or declines (and the parser answers). */
function expectSameAsLibrary(text: string): boolean {
  const fast = readE164(text);
  if (fast !== undefined) expect(fast).toEqual(libraryReading(text));
  return fast !== undefined;
}

/** Every (country, type) pattern in the library's max metadata: 1,368 patterns of 245 countries. */
const TYPED_PATTERNS = getCountries().flatMap((country) => {
  const plan = planOf(country);
  const callingCode = getCountryCallingCode(country);
  const typed = [...plan.types]
    .filter(([, type]) => type.source !== '')
    .map(([name, type]) => ({ country, callingCode, name, pattern: type.whole }));
  return [...typed, { country, callingCode, name: 'ANY', pattern: plan.nationalNumber }];
});

/** A national number as generated, or nudged off it: a digit short, one over, a prefix in front. */
const nudged = (nationalNumber: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(nationalNumber) },
    fc.constant(nationalNumber.slice(0, -1)),
    fc.nat(9).map((digit) => `${nationalNumber}${digit}`),
    fc.constantFrom('0', '1', '00', '8', '9').map((prefix) => `${prefix}${nationalNumber}`),
  );

// Numbers that existing tests (classification, checks, allocation, CLI) classify.
const TESTED_NUMBERS = [
  '+12125550123',
  '+14165551234',
  '+16135550123',
  '+1800',
  '+19005551234',
  '+31201234567',
  '+31612345678',
  '+44',
  '+441134960000',
  '+442079',
  '+442079460064',
  '+442079460123',
  '+44207946012345678',
  '+443001234567',
  '+443301234567',
  '+443451234567',
  '+443701234567',
  '+447012345678',
  '+447400123456',
  '+447624123456',
  '+44800',
  '+448001234567',
  '+448081570000',
  '+448431234567',
  '+448451234567',
  '+448701234567',
  '+449091234567',
  ...['800', '833', '844', '855', '866', '877', '888'].map((code) => `+1${code}5551234`),
  ...[0, 1, 99, 9999].map((n) => `+1212555${String(n).padStart(4, '0')}`),
  ...[0, 1, 9_999_999].map((n) => `+44203${String(n).padStart(7, '0')}`),
  ...[0, 64, 99].map((n) => `+4420794600${String(n).padStart(2, '0')}`),
];

describe('readE164 answers exactly as libphonenumber-js (country, number, type, validity)', () => {
  it('for every number the existing tests classify, and reads all the well-formed ones itself', () => {
    for (const text of TESTED_NUMBERS) expectSameAsLibrary(text);
    expect(TESTED_NUMBERS.filter((text) => readE164(text) !== undefined).length).toBe(
      TESTED_NUMBERS.filter((text) => libraryReading(text) !== undefined).length,
    );
  });

  it('for numbers generated from every type pattern of every country, and nudged off them', () => {
    let fastReads = 0;
    let checked = 0;
    for (const { callingCode, pattern } of TYPED_PATTERNS)
      fc.assert(
        fc.property(fc.stringMatching(pattern).chain(nudged), (nationalNumber) => {
          checked++;
          if (expectSameAsLibrary(`+${callingCode}${nationalNumber}`)) fastReads++;
        }),
        { numRuns: 12 },
      );
    // The E.164 path must carry the load, or the benchmark's figures would mean nothing.
    expect(fastReads / checked).toBeGreaterThan(0.8);
  });

  it('for any plus-and-digits text, including unknown calling codes and any length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[0-9]{0,20}$/), (text) => {
        expectSameAsLibrary(text);
      }),
      { numRuns: 5_000 },
    );
  });

  it('for UK and NANP numbers, the ones the platform provides, always on the E.164 path', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^\+44[1-9][0-9]{9}$/),
          fc.stringMatching(/^\+1[2-9][0-9]{2}[2-9][0-9]{6}$/),
        ),
        (text) => {
          expect(expectSameAsLibrary(text)).toBe(true);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('readNumber', () => {
  it('reads any text as libphonenumber-js does with the site region', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/),
      fc.constantFrom('02079460123', '020 7946 0123', '+44 (0)20 7946 0123', 'garbage', ' +44'),
    );
    fc.assert(
      fc.property(
        texts,
        fc.constantFrom<CountryCode>('GB', 'US', 'CA', 'NL', 'IE'),
        (text, region) => {
          expect(readNumber(text, region)).toEqual(libraryReading(text, region));
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
