/**
 * Takes secrets out of everything a bundle carries, before anything is written: the
 * platform and session tokens and switch credentials the app knows (wherever they appear),
 * the values of secret-named fields (PINs, tokens, passwords), and secrets in switch
 * configurations and console text by pattern (passwords, enable secrets, SNMP communities,
 * keys and certificates).
 */

export const REDACTED = '<redacted>';

/** Field names whose string values are secrets wherever they appear in a JSON member. */
const SECRET_FIELD =
  /^(token|apiToken|accessToken|sessionToken|authorization|password|passphrase|secret|enableSecret|enablePassword|pin|defaultPin|community|privateKey)$/i;

interface Rule {
  name: string;
  pattern: RegExp;
  replace: string;
}

// Each keeps the words that say what the secret was, and drops the secret itself.
const RULES: Rule[] = [
  {
    name: 'PEM blocks (keys, certificates)',
    pattern: /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g,
    replace: `-----BEGIN $1-----${REDACTED}-----END $1-----`,
  },
  {
    name: 'Cisco certificate and key hex blocks',
    pattern:
      /^(\s*(?:certificate(?: self-signed| ca)? \S+|key-string|pubkey-string))\r?\n(?:\s+[0-9A-Fa-f ]+\r?\n)+(\s*quit)/gm,
    replace: `$1\n ${REDACTED}\n$2`,
  },
  {
    name: 'Cisco enable secret / password, username and line passwords',
    pattern: /\b((?:enable )?(?:secret|password)(?: [0-9])?) (?!<)("[^"\r\n]*"|\S+)/gi,
    replace: `$1 ${REDACTED}`,
  },
  {
    name: 'Aruba plaintext/sha1 passwords',
    pattern: /\b(plaintext|sha1|sha256) (?!<)("[^"\r\n]*"|\S+)/gi,
    replace: `$1 ${REDACTED}`,
  },
  {
    name: 'SNMP communities',
    pattern: /\b(snmp-server community) (?!<)("[^"\r\n]*"|\S+)/gi,
    replace: `$1 ${REDACTED}`,
  },
  {
    name: 'SNMPv3 auth and priv keys',
    pattern: /\b((?:auth|priv) (?:md5|sha\d*|des|aes(?: \d+)?)) (?!<)("[^"\r\n]*"|\S+)/gi,
    replace: `$1 ${REDACTED}`,
  },
  {
    name: 'RADIUS/TACACS and other shared keys',
    pattern: /\b((?:key|key-string)(?: [0-9])?) (?!<)("[^"\r\n]*"|\S+)/gi,
    replace: `$1 ${REDACTED}`,
  },
  {
    name: 'Bearer and Basic credentials',
    pattern: /\b(Bearer|Basic) (?!<)[A-Za-z0-9._~+/=-]+/g,
    replace: `$1 ${REDACTED}`,
  },
  {
    name: 'Authorization headers',
    pattern: /\b(Authorization:) (?!Bearer |Basic |<)\S+/gi,
    replace: `$1 ${REDACTED}`,
  },
  {
    name: 'token= and session= parameters',
    pattern: /\b((?:[a-z_]*token|[a-z_]*session)=)(?!<)[^\s&;"']+/gi,
    replace: `$1${REDACTED}`,
  },
  {
    name: 'PINs in text',
    pattern: /\b(PIN:?) (?!<)\d{3,12}\b/g,
    replace: `$1 ${REDACTED}`,
  },
];

export const REDACTION_RULES: readonly string[] = [
  'secrets the app holds (platform token, session token, switch credentials) wherever they appear',
  `values of fields named like a secret (${SECRET_FIELD.source})`,
  ...RULES.map((rule) => rule.name),
];

export interface Redactor {
  text(text: string): string;
  /** A JSON value with every string redacted, and secret-named fields blanked. */
  json<T>(value: T): T;
}

/** Secrets shorter than this would blank ordinary words; they are caught by field and pattern. */
const MIN_KNOWN_SECRET = 4;

export function createRedactor(knownSecrets: readonly string[]): Redactor {
  const secrets = [...new Set(knownSecrets.filter((s) => s.length >= MIN_KNOWN_SECRET))].sort(
    (a, b) => b.length - a.length,
  );
  const text = (input: string): string => {
    let result = input;
    for (const secret of secrets)
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    for (const rule of RULES) result = result.replace(rule.pattern, rule.replace);
    return result;
  };
  const json = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string')
      return key !== null && SECRET_FIELD.test(key) ? REDACTED : text(value);
    if (Array.isArray(value)) return value.map((item) => json(item, null));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = json(v, k);
      return out;
    }
    return value;
  };
  return { text, json: <T>(value: T) => json(value, null) as T };
}
