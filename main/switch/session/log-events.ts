/** An unsolicited line from the switch: a syslog message (IOS) or event log entry (AOS-S). */
export interface SwitchLogEvent {
  /** The line as the switch printed it. */
  raw: string;
  /** `LINK-3-UPDOWN` (IOS) or `ports` (AOS-S). */
  tag: string;
  message: string;
  /** Present when the line reports an interface's link going up or down. */
  link?: { interfaceName: string; state: 'up' | 'down' | 'administratively down' };
  /** Present when the line is about PoE on an interface. */
  poe?: { interfaceName: string; what: string };
}

const CISCO = /%([A-Z][A-Z0-9_]*-(?:SW\d+-)?[0-7]-[A-Z0-9_]+): (.*)$/;
const ARUBA = /^[IWEMD] \S+ \S+ \d{5} ([\w-]+): (.*)$/;

export function parseLogLine(raw: string): SwitchLogEvent {
  const cisco = CISCO.exec(raw);
  if (cisco) {
    const [, tag, message] = cisco as unknown as [string, string, string];
    const event: SwitchLogEvent = { raw, tag, message };
    const link = /^Interface (\S+), changed state to (up|down|administratively down)/.exec(message);
    if (tag.startsWith('LINK-') && link)
      event.link = {
        interfaceName: link[1]!,
        state: link[2] as 'up' | 'down' | 'administratively down',
      };
    const poe = /^Interface (\S+): (.*)$/.exec(message);
    if (tag.startsWith('ILPOWER-') && poe) event.poe = { interfaceName: poe[1]!, what: poe[2]! };
    return event;
  }
  const aruba = ARUBA.exec(raw);
  if (aruba) {
    const [, tag, message] = aruba as unknown as [string, string, string];
    const event: SwitchLogEvent = { raw, tag, message };
    const link = /^port (\S+) is now (on-line|off-line)/.exec(message);
    if (link)
      event.link = { interfaceName: link[1]!, state: link[2] === 'on-line' ? 'up' : 'down' };
    const poe = /^port (\S+) (.*PD.*)$/.exec(message);
    if (poe) event.poe = { interfaceName: poe[1]!, what: poe[2]! };
    return event;
  }
  return { raw, tag: '', message: raw };
}
