import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { readE164, type NumberReading } from './e164-reading';
import { isKnownRegion } from './regions';

/** Any text, read by libphonenumber-js's general parser with the site region as default country. */
export function readWithParser(text: string, region: string): NumberReading | undefined {
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(text, isKnownRegion(region) ? region : undefined);
  } catch {
    // parsePhoneNumberFromString is documented not to throw; this keeps our promise if it ever does.
    return undefined;
  }
  if (!parsed) return undefined;
  // getType() is undefined for invalid numbers; isValid() only decides the rare typeless case.
  const type = parsed.getType();
  return {
    number: parsed.number,
    country: parsed.country,
    countryCallingCode: parsed.countryCallingCode,
    nationalNumber: parsed.nationalNumber,
    type,
    valid: type !== undefined || parsed.isValid(),
  };
}

/**
 * A number as libphonenumber-js reads it, or undefined when it is not a number at all.
 * Well-formed E.164 (what the platform stores) takes the compiled-metadata path, ~100× faster
 * than the parser (bench/numbers.ts prints the ratio); everything else goes through the parser.
 */
export function readNumber(text: string, region: string): NumberReading | undefined {
  return readE164(text) ?? readWithParser(text, region);
}
