/**
 * Cisco prints one interface under several names: `GigabitEthernet1/0/5` in the configuration,
 * `Gi1/0/5` in tables, `Gig 1/0/5` in CDP. The normalised name is the long form.
 */
const LONG_NAMES: Array<[RegExp, string]> = [
  [/^(?:gi|gig|gigabitethernet|gigabit ?ethernet)$/i, 'GigabitEthernet'],
  [/^(?:fa|fas|fastethernet)$/i, 'FastEthernet'],
  [/^(?:te|ten|tengigabitethernet|tengige)$/i, 'TenGigabitEthernet'],
  [/^(?:tw|two|twogigabitethernet)$/i, 'TwoGigabitEthernet'],
  [/^(?:fi|fiv|fivegigabitethernet)$/i, 'FiveGigabitEthernet'],
  [/^(?:twe|twentyfivegige)$/i, 'TwentyFiveGigE'],
  [/^(?:fo|for|fortygigabitethernet)$/i, 'FortyGigabitEthernet'],
  [/^(?:hu|hun|hundredgige)$/i, 'HundredGigE'],
  [/^(?:eth|ethernet)$/i, 'Ethernet'],
  [/^(?:po|port-channel)$/i, 'Port-channel'],
  [/^(?:vl|vlan)$/i, 'Vlan'],
  [/^(?:lo|loopback)$/i, 'Loopback'],
  [/^(?:tu|tunnel)$/i, 'Tunnel'],
  [/^(?:ap|appgigabitethernet)$/i, 'AppGigabitEthernet'],
];

const SHORT_NAMES: Record<string, string> = {
  GigabitEthernet: 'Gi',
  FastEthernet: 'Fa',
  TenGigabitEthernet: 'Te',
  TwoGigabitEthernet: 'Tw',
  FiveGigabitEthernet: 'Fi',
  TwentyFiveGigE: 'Twe',
  FortyGigabitEthernet: 'Fo',
  HundredGigE: 'Hu',
  Ethernet: 'Eth',
  'Port-channel': 'Po',
  Vlan: 'Vl',
  Loopback: 'Lo',
  Tunnel: 'Tu',
  AppGigabitEthernet: 'Ap',
};

const INTERFACE_SHAPE = /^([A-Za-z][A-Za-z-]*?)\s?(\d+(?:\/\d+)*(?:[.:]\d+)?)$/;

/** `Gi1/0/5`, `gi 1/0/5`, `Gig 1/0/5` → `GigabitEthernet1/0/5`; anything else is returned trimmed. */
export function normalizeCiscoInterfaceName(name: string): string {
  const trimmed = name.trim();
  const match = INTERFACE_SHAPE.exec(trimmed);
  if (!match) return trimmed;
  const [, type = '', number = ''] = match;
  const long = LONG_NAMES.find(([pattern]) => pattern.test(type))?.[1];
  return long ? `${long}${number}` : `${type}${number}`;
}

/** `GigabitEthernet1/0/5` → `Gi1/0/5`. */
export function abbreviateCiscoInterfaceName(name: string): string {
  const normalized = normalizeCiscoInterfaceName(name);
  const match = INTERFACE_SHAPE.exec(normalized);
  if (!match) return normalized;
  const [, type = '', number = ''] = match;
  return `${SHORT_NAMES[type] ?? type}${number}`;
}

/** Whether a token looks like an interface name (`Gi1/0/5`, `Po1`, `fc2/1`, `Vl10`). */
export function looksLikeCiscoInterface(token: string): boolean {
  return /^[A-Za-z][A-Za-z-]*\d+(?:\/\d+)*(?:[.:]\d+)?$/.test(token);
}

export function sameCiscoInterface(a: string, b: string): boolean {
  return (
    normalizeCiscoInterfaceName(a).toLowerCase() === normalizeCiscoInterfaceName(b).toLowerCase()
  );
}
