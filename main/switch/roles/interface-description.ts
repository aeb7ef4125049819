import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';

/** How long an interface description may be: IOS takes 240 characters; AOS-S port names are short. */
export const DESCRIPTION_LIMIT: Record<SwitchVendor, number> = { cisco_ios: 240, aruba_aoss: 64 };

/**
 * The description a role writes on the interface: the role's description on one line, in plain
 * ASCII, without characters the CLI cannot take (`?` asks for help; Aruba quotes the name, so
 * no `"`), cut to the vendor's limit.
 * Empty when the role has no description: then the interface's description is left alone.
 */
export function interfaceDescriptionFor(vendor: SwitchVendor, role: PortRole): string {
  const oneLine = role.description
    // Accents come off (Café → Cafe): the console takes plain ASCII only.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x1f\x7f-\uffff]/g, ' ')
    // Both CLIs answer "?" with help instead of typing it.
    .replace(/\?/g, '')
    .replace(vendor === 'aruba_aoss' ? /["\\]/g : /(?!)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const limit = DESCRIPTION_LIMIT[vendor];
  if (oneLine.length <= limit) return oneLine;
  // Cut at a word boundary when there is one in the second half, so the name stays readable.
  const cut = oneLine.slice(0, limit + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut.slice(0, limit)).trim();
}
