import type { PhoneNumberType } from 'libphonenumber-js/max';
import type { NumberReading } from './e164-reading';
import { prefixRuleReason, rejectedPrefixRule } from './number-policy';
import { readNumber } from './number-reading';
import { isKnownRegion, regionLabel, UK_REGION } from './regions';

export type NumberType =
  | 'geographic'
  | 'national'
  | 'tollFree'
  | 'sharedCost'
  | 'premium'
  | 'mobile'
  | 'voip'
  | 'personal'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

export interface NumberClassification {
  /** The text as given. */
  input: string;
  /** The number in E.164 form, or null when the text could not be read as a number at all. */
  e164: string | null;
  /** The number's country (ISO code) by libphonenumber-js, or null when it has none. */
  country: string | null;
  /** A real, assignable number of its country (libphonenumber-js's full metadata). */
  valid: boolean;
  type: NumberType;
  /** Whether the platform may provide it at a site of the given region. */
  allowed: boolean;
  /** Why it is allowed or not, for a person. */
  reason: string;
}

/** The types the platform provides (DOMAIN.md: "Only local (geographic) and national numbers"). */
export const ALLOWED_TYPES: ReadonlySet<NumberType> = new Set(['geographic', 'national']);

const TYPE_LABELS: Record<NumberType, string> = {
  geographic: 'geographic (local)',
  national: 'national',
  tollFree: 'toll-free',
  sharedCost: 'shared-cost',
  premium: 'premium-rate',
  mobile: 'mobile',
  voip: 'VoIP',
  personal: 'personal',
  pager: 'pager',
  uan: 'universal access (UAN)',
  voicemail: 'voicemail access',
  unknown: 'unknown',
};

function numberType(parsed: NumberReading, libraryType: PhoneNumberType | undefined): NumberType {
  switch (libraryType) {
    // NANP numbers cannot be told apart from mobiles by their digits; the platform's are local.
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE':
      return 'geographic';
    case 'UAN':
      // libphonenumber files the UK's national-rate 03 range under UAN; DOMAIN.md calls it national.
      return parsed.country === UK_REGION && parsed.nationalNumber.startsWith('3')
        ? 'national'
        : 'uan';
    case 'MOBILE':
      return 'mobile';
    case 'TOLL_FREE':
      return 'tollFree';
    case 'PREMIUM_RATE':
      return 'premium';
    case 'SHARED_COST':
      return 'sharedCost';
    case 'VOIP':
      return 'voip';
    case 'PERSONAL_NUMBER':
      return 'personal';
    case 'PAGER':
      return 'pager';
    case 'VOICEMAIL':
      return 'voicemail';
    default:
      return 'unknown';
  }
}

function allowedReason(type: NumberType, region: string): string {
  if (region === UK_REGION)
    return type === 'national'
      ? 'UK national 03 number (not 0300): the platform provides it.'
      : 'UK geographic number (01/02): the platform provides it.';
  return `${regionLabel(region)} ${TYPE_LABELS[type]} number: the platform provides it.`;
}

function unreadableNumber(input: string, reason: string): NumberClassification {
  return {
    input,
    e164: null,
    country: null,
    valid: false,
    type: 'unknown',
    allowed: false,
    reason,
  };
}

type NumberRead = Omit<NumberClassification, 'allowed' | 'reason'>;

// Module-level rather than a closure per call: the first check of a site classifies thousands.
function refused(result: NumberRead, reason: string): NumberClassification {
  return { ...result, allowed: false, reason };
}

function classifyText(input: string, region: string): NumberClassification {
  const text = input.trim();
  if (text === '') return unreadableNumber(input, 'No number given.');
  const parsed = readNumber(text, region);
  if (!parsed)
    return unreadableNumber(
      input,
      isKnownRegion(region) || text.startsWith('+')
        ? `${JSON.stringify(input)} is not a phone number.`
        : `${JSON.stringify(input)} cannot be read without a known site region: write it as +<country code><number>.`,
    );
  const { type: libraryType, valid } = parsed;
  const type = valid ? numberType(parsed, libraryType) : 'unknown';
  const country = parsed.country ?? null;
  const result: NumberRead = { input, e164: parsed.number, country, valid, type };
  if (!valid)
    return refused(
      result,
      `${parsed.number} is not a valid number${country ? ` in ${country}` : ` for country code +${parsed.countryCallingCode}`}: check the digits.`,
    );
  if (!isKnownRegion(region))
    return refused(
      result,
      `${JSON.stringify(region)} is not a known site region (a two-letter ISO country code such as GB or US).`,
    );
  if (country !== region)
    return refused(
      result,
      `A number of ${country ?? `country code +${parsed.countryCallingCode}`}, not of the site's country (${region}): the platform only provides numbers of the site's country.`,
    );
  const rule = rejectedPrefixRule(parsed.countryCallingCode, parsed.nationalNumber);
  if (rule) return refused(result, prefixRuleReason(rule));
  if (!ALLOWED_TYPES.has(type))
    return refused(
      result,
      `A ${TYPE_LABELS[type]} number: the platform provides only local (geographic) and national numbers.`,
    );
  return { ...result, allowed: true, reason: allowedReason(type, region) };
}

/**
 * Numbers repeat across checks of a site, so results are remembered (a few µs a number when it
 * is E.164, ~20 µs through libphonenumber-js's parser). Bounded, so a long session
 * cannot grow it without limit; classification is pure, so the cache is invisible.
 */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, NumberClassification>();

/**
 * Classifies a number for a site in `region`: valid or not, its type (libphonenumber-js's
 * full metadata) and whether the platform may provide it, with the reason. Never throws.
 */
export function classifyNumber(input: string, region: string): NumberClassification {
  const text = typeof input === 'string' ? input : String(input);
  const key = `${region}\u0000${text}`;
  let result = cache.get(key);
  if (!result) {
    result = classifyText(text, String(region));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, result);
  }
  return { ...result };
}
