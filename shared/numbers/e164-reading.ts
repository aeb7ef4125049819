import type { PhoneNumberType } from 'libphonenumber-js/max';
import {
  countriesOfCallingCode,
  countryOfNumber,
  isCallingCode,
  isValidIn,
  numberTypeIn,
  planOf,
} from './compiled-metadata';

/** What libphonenumber-js reads from a number: its PhoneNumber fields, getType() and validity. */
export interface NumberReading {
  /** E.164, as libphonenumber-js's `number`. */
  number: string;
  country: string | undefined;
  countryCallingCode: string;
  /** National significant number, without calling code or national prefix. */
  nationalNumber: string;
  type: PhoneNumberType | undefined;
  valid: boolean;
}

/** libphonenumber-js's MIN_LENGTH_FOR_NSN and MAX_LENGTH_FOR_NSN: its parser reads nothing outside. */
const SHORTEST_NATIONAL_NUMBER = 2;
const LONGEST_NATIONAL_NUMBER = 17;
/** libphonenumber-js's MAX_LENGTH_COUNTRY_CODE. */
const LONGEST_CALLING_CODE = 3;

const WELL_FORMED_E164 = /^\+([1-9]\d*)$/;

/**
 * Reads a number the platform already gives in E.164 (`+442079460123`) without the general
 * parser: the calling code is found as the parser finds it, and type, validity and country
 * come from libphonenumber-js's metadata with patterns compiled once (compiled-metadata.ts).
 * Returns undefined for anything the parser would treat differently — other formats, a
 * non-geographic calling code, a national prefix to strip, an out-of-range length — so the
 * caller hands those to libphonenumber-js's parser, and every answer stays the library's.
 */
export function readE164(text: string): NumberReading | undefined {
  const digits = WELL_FORMED_E164.exec(text)?.[1];
  if (digits === undefined) return undefined;
  for (let length = 1; length <= LONGEST_CALLING_CODE && length <= digits.length; length++) {
    const callingCode = digits.slice(0, length);
    // The parser takes the shortest calling code it knows, geographic or not.
    if (!isCallingCode(callingCode)) continue;
    const countries = countriesOfCallingCode(callingCode);
    const mainCountry = countries?.[0];
    const nationalNumber = digits.slice(length);
    if (
      !countries ||
      mainCountry === undefined ||
      nationalNumber.length < SHORTEST_NATIONAL_NUMBER ||
      nationalNumber.length > LONGEST_NATIONAL_NUMBER
    )
      return undefined;
    const main = planOf(mainCountry);
    // The parser may strip a national prefix (or carrier code) even after a calling code.
    if (main.nationalPrefix?.test(nationalNumber)) return undefined;
    const country = countryOfNumber(countries, nationalNumber);
    const plan = country === undefined ? main : planOf(country);
    const type = numberTypeIn(plan, nationalNumber);
    return {
      number: `+${callingCode}${nationalNumber}`,
      country,
      countryCallingCode: callingCode,
      nationalNumber,
      type,
      valid: type !== undefined || isValidIn(plan, nationalNumber, type),
    };
  }
  return undefined;
}
