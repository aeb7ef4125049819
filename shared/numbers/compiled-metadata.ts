import { Metadata, type PhoneNumberType } from 'libphonenumber-js/max';

/**
 * libphonenumber-js's own max metadata, with each pattern compiled once per country instead
 * of on every match (its `matchesEntirely` builds a `new RegExp` per call, which is most of
 * its ~20 µs a number). The matching below follows libphonenumber-js 1.13's
 * `getNumberType`, `isValid` and `getCountryByCallingCode` step by step; the property test
 * in e164-reading.test.ts holds it identical to the library's own answers.
 */

/** The parts of libphonenumber-js's `Metadata` read here: public in its JS, untyped in its .d.ts. */
interface LibraryType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface LibraryNumberingPlan {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(type: PhoneNumberType): LibraryType | undefined;
}
interface LibraryMetadata {
  hasCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan: LibraryNumberingPlan;
}

/** The order libphonenumber-js tries the types after fixed line (its NON_FIXED_LINE_PHONE_TYPES). */
const NON_FIXED_LINE_TYPES: readonly PhoneNumberType[] = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

interface CompiledType {
  /** The library's pattern text ('' when the metadata left it out as a duplicate of fixed line). */
  source: string;
  whole: RegExp;
  possibleLengths: readonly number[] | undefined;
}

export interface CompiledPlan {
  hasTypes: boolean;
  nationalNumber: RegExp;
  /** Matches a national prefix (or carrier code) at the start, as the parser strips it. */
  nationalPrefix: RegExp | undefined;
  /** Its search at index 0 claims a number for this country among those sharing a calling code. */
  leadingDigits: RegExp | undefined;
  types: ReadonlyMap<PhoneNumberType, CompiledType>;
}

const metadata = new Metadata() as unknown as LibraryMetadata;

// The same text the library builds in matchesEntirely, so the same regular expression.
const wholeMatch = (pattern: string): RegExp => new RegExp('^(?:' + pattern + ')$');

function compilePlan(country: string): CompiledPlan {
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan;
  const types = new Map<PhoneNumberType, CompiledType>();
  for (const name of ['FIXED_LINE', ...NON_FIXED_LINE_TYPES] as const) {
    const type = plan.type(name);
    if (type)
      types.set(name, {
        source: type.pattern(),
        whole: wholeMatch(type.pattern()),
        possibleLengths: type.possibleLengths(),
      });
  }
  const nationalPrefix = plan.nationalPrefixForParsing();
  const leadingDigits = plan.leadingDigits();
  return {
    hasTypes: plan.hasTypes(),
    nationalNumber: wholeMatch(plan.nationalNumberPattern()),
    nationalPrefix: nationalPrefix ? new RegExp('^(?:' + nationalPrefix + ')') : undefined,
    leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
    types,
  };
}

const plans = new Map<string, CompiledPlan>();

/** A country's compiled plan (ISO code known to libphonenumber-js), compiled on first use. */
export function planOf(country: string): CompiledPlan {
  let plan = plans.get(country);
  if (!plan) {
    plan = compilePlan(country);
    plans.set(country, plan);
  }
  return plan;
}

const callingCodes = new Map<string, readonly string[] | null>();

/**
 * The countries sharing a calling code, main one first (the library's order), or null when
 * the library does not know the code or it is non-geographic (e.g. +800): numbers there are
 * left to the library's own parser.
 */
export function countriesOfCallingCode(callingCode: string): readonly string[] | null {
  let countries = callingCodes.get(callingCode);
  if (countries === undefined) {
    const found = metadata.hasCallingCode(callingCode)
      ? metadata.getCountryCodesForCallingCode(callingCode)
      : undefined;
    countries = found && found.length > 0 ? found : null;
    callingCodes.set(callingCode, countries);
  }
  return countries;
}

/** Whether a calling code is one the library reads (geographic or not). */
export function isCallingCode(callingCode: string): boolean {
  return metadata.hasCallingCode(callingCode);
}

// libphonenumber-js's isNumberTypeEqualTo.
function isOfType(nationalNumber: string, type: CompiledType | undefined): boolean {
  if (!type || !type.source) return false;
  if (type.possibleLengths && !type.possibleLengths.includes(nationalNumber.length)) return false;
  return type.whole.test(nationalNumber);
}

/** libphonenumber-js's getNumberType for a national (significant) number in `plan`. */
export function numberTypeIn(
  plan: CompiledPlan,
  nationalNumber: string,
): PhoneNumberType | undefined {
  if (!plan.nationalNumber.test(nationalNumber)) return undefined;
  if (isOfType(nationalNumber, plan.types.get('FIXED_LINE'))) {
    const mobile = plan.types.get('MOBILE');
    // The metadata drops a mobile pattern that repeats the fixed-line one (US, Canada, …).
    if (!mobile || mobile.source === '' || isOfType(nationalNumber, mobile))
      return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const name of NON_FIXED_LINE_TYPES)
    if (isOfType(nationalNumber, plan.types.get(name))) return name;
  return undefined;
}

/** libphonenumber-js's isValid: a type, or the national pattern where a country has no types. */
export function isValidIn(
  plan: CompiledPlan,
  nationalNumber: string,
  type: PhoneNumberType | undefined,
): boolean {
  return plan.hasTypes ? type !== undefined : plan.nationalNumber.test(nationalNumber);
}

/** libphonenumber-js's getCountryByCallingCode: which country sharing the code the number is of. */
export function countryOfNumber(
  countries: readonly string[],
  nationalNumber: string,
): string | undefined {
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = planOf(country);
    if (plan.leadingDigits) {
      if (nationalNumber.search(plan.leadingDigits) === 0) return country;
    } else if (numberTypeIn(plan, nationalNumber) !== undefined) return country;
  }
  return undefined;
}
