/**
 * DOMAIN.md "Which numbers the platform provides": the prefix families the platform never
 * provides, as data. libphonenumber-js says what a number *is*; these rules say what the
 * platform *allows*, and name the family in the reason (e.g. 0300 is a national 03 number
 * by type, but it is not provided).
 */
export interface PrefixRule {
  /** Country calling code the rule applies to: 44 for the UK, 1 for NANP (US, Canada, …). */
  callingCode: string;
  /** Leading digits of the national significant number (without the trunk 0). */
  prefix: string;
  /** What a person calls this family, in the reason. */
  family: string;
  /** Why the platform does not provide it, when the general reason does not fit. */
  why?: string;
}

const SPECIAL_RATE =
  'the platform provides only local and national numbers, never toll-free or special-rate ones';

export const REJECTED_PREFIXES: readonly PrefixRule[] = [
  { callingCode: '44', prefix: '800', family: 'UK freephone (0800)' },
  { callingCode: '44', prefix: '808', family: 'UK freephone (0808)' },
  {
    callingCode: '44',
    prefix: '300',
    family: 'UK 0300',
    why: 'a national 03 number by type, but the platform does not provide the 0300 range (03 numbers other than 0300 only)',
  },
  { callingCode: '44', prefix: '84', family: 'UK service-charge 084x' },
  { callingCode: '44', prefix: '87', family: 'UK service-charge 087x' },
  { callingCode: '44', prefix: '9', family: 'UK premium rate (09)' },
  {
    callingCode: '44',
    prefix: '7',
    family: 'UK mobile (07)',
    why: 'the platform provides only local and national numbers, never mobile ones',
  },
  ...['800', '833', '844', '855', '866', '877', '888'].map((code) => ({
    callingCode: '1',
    prefix: code,
    family: `NANP toll-free (${code})`,
  })),
  { callingCode: '1', prefix: '900', family: 'NANP premium rate (900)' },
];

/** The rejected family a number falls in, or null when no prefix rule applies. */
export function rejectedPrefixRule(callingCode: string, nationalNumber: string): PrefixRule | null {
  return (
    REJECTED_PREFIXES.find(
      (rule) => rule.callingCode === callingCode && nationalNumber.startsWith(rule.prefix),
    ) ?? null
  );
}

/** The sentence explaining a rejection by `rule`. */
export function prefixRuleReason(rule: PrefixRule): string {
  return `${rule.family} number: ${rule.why ?? SPECIAL_RATE}.`;
}
