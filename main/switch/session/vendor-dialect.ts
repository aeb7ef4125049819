import type { SwitchVendor } from '../../../shared/platform/schemas';

export type CommandErrorKind = 'invalid' | 'incomplete' | 'ambiguous' | 'rejected';

export type PromptLevel = 'user' | 'privileged' | 'config' | 'config-if' | 'config-other';

/** What the session must know about a vendor's command line, and nothing about its intents. */
export interface VendorDialect {
  vendor: SwitchVendor;
  /** For the engineer: `Cisco IOS`. */
  label: string;
  /** Any prompt, before the hostname is known: group 1 hostname, 2 mode, 3 `>`/`#`. */
  anyPrompt: RegExp;
  /** The pager prompt on the unfinished line. */
  pager: RegExp;
  /** Lines that are unsolicited log messages, not command output. */
  logLine: RegExp;
  /** Recognised command errors, first match wins. */
  errors: { pattern: RegExp; kind: CommandErrorKind }[];
  /** Commands that make the session's output predictable, after privileged mode. */
  sessionSetup: string[];
  enterConfig: string;
  leaveConfig: string;
  /**
   * Answers to a configuration line that mean it was taken (IOS creating a VLAN, the
   * PortFast warning and its indented lines). Any other answer is suspect.
   */
  benignConfigOutput: RegExp[];
  /** Text only this vendor's firmware prints (banner, login, show version): who is on the line. */
  hints: RegExp[];
  /** This vendor's own way of refusing a command, to tell it is on the line when another driver talks. */
  errorHints: RegExp[];
  /** Words after which the switch refuses the enable secret. */
  enableRejected: RegExp;
  loginRejected: RegExp;
}

/**
 * How firmwares outside the two CLIs' own wording answer a command they do not know
 * (IOS-like consoles, older releases): a command refused, never a silent success.
 */
const UNKNOWN_COMMAND: { pattern: RegExp; kind: CommandErrorKind }[] = [
  {
    pattern:
      /^(?:%\s*)?(?:No such command|Unknown command|Unrecognized command|Unrecognised command|Invalid command|Command not found|Syntax error|Bad command)\b/i,
    kind: 'invalid',
  },
];

const HOST = '([A-Za-z0-9][A-Za-z0-9._\\-]{0,62})';

export const DIALECTS: Record<SwitchVendor, VendorDialect> = {
  cisco_ios: {
    vendor: 'cisco_ios',
    label: 'Cisco IOS',
    anyPrompt: new RegExp(`^${HOST}(\\([a-z0-9\\-]+\\))?([>#])\\s?$`),
    pager: /^\s*--More--\s*$/,
    logLine:
      /^(?:\d+: )?(?:\*?[A-Z][a-z]{2}\s+\d+\s+(?:\d{4}\s+)?\d+:\d+:\d+(?:\.\d+)?(?: [A-Z]{2,5})?: |\d+:\d+:\d+: |\d+[wdhm]\d+[dhms]: )?%[A-Z][A-Z0-9_]*-(?:SW\d+-)?[0-7]-[A-Z0-9_]+: /,
    errors: [
      { pattern: /^% Invalid input detected/, kind: 'invalid' },
      { pattern: /^% Incomplete command/, kind: 'incomplete' },
      { pattern: /^% Ambiguous command/, kind: 'ambiguous' },
      { pattern: /^% Unknown command/, kind: 'invalid' },
      {
        pattern:
          /^(?:% ?Error|Command rejected|% Bad |% Access denied|Command authorization failed)/,
        kind: 'rejected',
      },
      ...UNKNOWN_COMMAND,
    ],
    benignConfigOutput: [
      /^% Access VLAN does not exist\. Creating vlan \d+$/,
      /^%Warning: portfast should only be enabled on ports connected to a single$/,
      /^%Portfast has been configured on \S+ but will only$/,
      /^(?:host\. Connecting hubs|interface {1,2}when portfast is enabled|Use with CAUTION|have effect when the interface is in a non-trunking mode)/,
      /^Enter configuration commands, one per line\. {1,2}End with CNTL\/Z\.$/,
    ],
    hints: [
      /Cisco IOS Software|Cisco Internetwork Operating System|User Access Verification/,
      /^% Invalid input detected at '\^' marker/m,
      /^% Unknown command or computer name/m,
    ],
    errorHints: [/^% Invalid input detected at '\^' marker/, /^% Unknown command or computer name/],
    sessionSetup: ['terminal length 0', 'terminal width 511'],
    enterConfig: 'configure terminal',
    leaveConfig: 'end',
    enableRejected: /% (?:Bad secrets|Access denied|Bad passwords)|% No password set/,
    loginRejected:
      /% (?:Login invalid|Authentication failed|Bad passwords)|Login incorrect|Password required, but none set/,
  },
  aruba_aoss: {
    vendor: 'aruba_aoss',
    label: 'Aruba AOS-S',
    anyPrompt: new RegExp(`^${HOST}(\\([a-z0-9\\-]+\\))?([>#])\\s?$`),
    pager: /-- MORE --/,
    logLine: /^[IWEMD] \d{2}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \d{5} [\w-]+: /,
    errors: [
      { pattern: /^Invalid input:/, kind: 'invalid' },
      { pattern: /^Incomplete input:/, kind: 'incomplete' },
      { pattern: /^Ambiguous input:/, kind: 'ambiguous' },
      {
        pattern:
          /^(?:Module not present|VLAN \d+ not found|Value .* out of range|Error|Unable to|Cannot )/i,
        kind: 'rejected',
      },
      ...UNKNOWN_COMMAND,
    ],
    benignConfigOutput: [],
    hints: [
      /Press any key to continue|ProCurve|HPE Aruba|Hewlett Packard Enterprise|Image stamp:/,
      /^Invalid input: /m,
    ],
    errorHints: [/^Invalid input: /],
    sessionSetup: ['no page', 'terminal width 511'],
    enterConfig: 'configure',
    leaveConfig: 'end',
    enableRejected: /Invalid password|Access denied/,
    loginRejected: /Invalid password|Login incorrect|Access denied/,
  },
};

/**
 * The vendor whose firmware wrote this text, when it is plainly another than `expected`
 * (its own hints not there, another's are); null when the text does not tell.
 */
export function otherVendorIn(text: string, expected: SwitchVendor): VendorDialect | null {
  if (DIALECTS[expected].hints.some((hint) => hint.test(text))) return null;
  return (
    Object.values(DIALECTS).find(
      (dialect) => dialect.vendor !== expected && dialect.hints.some((hint) => hint.test(text)),
    ) ?? null
  );
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The prompt of one switch: its hostname (IOS may shorten it in config modes), any mode. */
export function promptFor(hostname: string): RegExp {
  const stem = escapeRegExp(hostname.slice(0, 16));
  return new RegExp(`^${stem}[A-Za-z0-9._\\-]*(\\([a-z0-9\\-]+\\))?([>#])\\s?$`);
}

export function levelOfPrompt(mode: string | undefined, marker: string): PromptLevel {
  if (marker === '>') return 'user';
  if (!mode) return 'privileged';
  if (mode === '(config)') return 'config';
  if (mode === '(config-if)' || mode.startsWith('(eth-')) return 'config-if';
  return 'config-other';
}
