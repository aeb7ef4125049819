import type { SwitchVendor } from '../../../shared/platform/schemas';
import { parseArubaRunningConfig } from './aruba-running-config';
import { sameCiscoInterface } from './cisco-interface-name';
import { parseCiscoRunningConfigInterface } from './cisco-show-running-config';
import type { InterfaceConfig } from './interface-config';
import { parseFailure, type ParseResult } from './parse-result';

/**
 * An interface's configuration from `show running-config interface X` (or a whole running
 * configuration). With `interfaceName`, only that interface is returned, and an Aruba port
 * with no interface block is still read from the `vlan` blocks.
 */
export function parseInterfaceConfig(
  vendor: SwitchVendor,
  text: string,
  interfaceName?: string,
): ParseResult<InterfaceConfig> {
  if (vendor === 'aruba_aoss') return parseArubaRunningConfig(text, interfaceName);
  if (vendor !== 'cisco_ios')
    return parseFailure(`unknown switch vendor ${JSON.stringify(vendor)}`);
  const result = parseCiscoRunningConfigInterface(text);
  if (!result.ok || interfaceName === undefined) return result;
  const records = result.records.filter((record) =>
    sameCiscoInterface(record.interfaceName, interfaceName),
  );
  if (records.length === 0)
    return parseFailure(`the output does not show interface ${interfaceName}`);
  return { ...result, records };
}
