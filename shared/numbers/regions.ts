import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/** The region code used for the UK throughout the platform (ISO 3166-1: GB, not UK). */
export const UK_REGION = 'GB';

/** True for a two-letter ISO country code that libphonenumber-js knows, e.g. `GB`, `US`, `IE`. */
export function isKnownRegion(region: unknown): region is CountryCode {
  return typeof region === 'string' && /^[A-Z]{2}$/.test(region) && isSupportedCountry(region);
}

/** How a person names a region in a sentence: "UK" for GB (as the source article does), else the code. */
export function regionLabel(region: string): string {
  return region === UK_REGION ? 'UK' : region;
}
