import { CodedError } from '../../../shared/errors';
import type { SwitchVendor } from '../../../shared/platform/schemas';

const LIMITS: Record<SwitchVendor, { description: number; vlanName: number }> = {
  cisco_ios: { description: 240, vlanName: 32 },
  aruba_aoss: { description: 64, vlanName: 32 },
};

/** IOS: `Gi1/0/5`, `GigabitEthernet1/0/5`, `Te1/1/1`, `Po1`, `Vlan10`. */
const CISCO_INTERFACE = /^[A-Za-z][A-Za-z-]{0,30}\d{1,4}(?:\/\d{1,4}){0,3}(?:\.\d{1,5})?$/;
/** AOS-S: `5`, `A1`, `1/5` (stack member/port), `Trk1`. */
const ARUBA_INTERFACE = /^(?:[A-Za-z]?\d{1,3}|\d{1,2}\/[A-Za-z]?\d{1,3}|[Tt]rk\d{1,3})$/;

function invalid(what: string, value: string, why: string): CodedError {
  return new CodedError(
    'SWITCH_INPUT_INVALID',
    `${what} ${JSON.stringify(value.slice(0, 80))} cannot go to the switch: ${why}. Nothing was sent.`,
    { what, value },
  );
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/** An interface name as the vendor's CLI takes it, or a clear error. */
export function checkInterfaceName(vendor: SwitchVendor, name: string): string {
  if (CONTROL.test(name)) throw invalid('The interface name', name, 'it has a control character');
  const pattern = vendor === 'cisco_ios' ? CISCO_INTERFACE : ARUBA_INTERFACE;
  if (!pattern.test(name))
    throw invalid(
      'The interface name',
      name,
      vendor === 'cisco_ios'
        ? 'IOS names an interface like Gi1/0/5 or GigabitEthernet1/0/5'
        : 'AOS-S names a port like 5, A1 or 1/5',
    );
  return name;
}

/** A free text (description, port name, VLAN name): printable ASCII, no `?`, within the vendor's length. */
function checkText(
  what: string,
  text: string,
  limit: number,
  extra: { quoted: boolean; oneWord?: boolean },
): string {
  if (CONTROL.test(text)) throw invalid(what, text, 'it has a control character');
  if (/[^\x20-\x7e]/.test(text))
    throw invalid(what, text, 'the console takes only plain ASCII letters, digits and punctuation');
  if (text.includes('?')) throw invalid(what, text, 'the switch answers "?" with help');
  if (extra.quoted && /["\\]/.test(text))
    throw invalid(what, text, 'it goes in double quotes, so it cannot hold " or \\');
  if (extra.oneWord && /\s/.test(text)) throw invalid(what, text, 'it must be one word');
  if (text.length > limit) throw invalid(what, text, `it is longer than ${limit} characters`);
  return text;
}

/** An interface description (IOS `description …`) or port name (AOS-S `name "…"`). */
export function checkDescription(vendor: SwitchVendor, text: string): string {
  return checkText('The description', text, LIMITS[vendor].description, {
    quoted: vendor === 'aruba_aoss',
  });
}

/** A VLAN name (IOS `name WORD` in the VLAN context; AOS-S `name "…"`). */
export function checkVlanName(vendor: SwitchVendor, text: string): string {
  return checkText('The VLAN name', text, LIMITS[vendor].vlanName, {
    quoted: vendor === 'aruba_aoss',
    oneWord: vendor === 'cisco_ios',
  });
}
