import { readdir, readFile, readlink, realpath } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { SerialPort } from 'serialport';
import { adapterName, adapterNameFromById } from './usb-adapters';

export interface SerialPortInfo {
  /** What to open: `/dev/ttyUSB0`, `COM3`. */
  path: string;
  /** Stable name under /dev/serial/by-id, when there is one. */
  byId: string | null;
  vendorId: string | null;
  productId: string | null;
  manufacturer: string | null;
  serialNumber: string | null;
  /** e.g. `FTDI FT232R USB-serial`; null when the adapter is unknown. */
  adapter: string | null;
}

interface SystemPort {
  path: string;
  vendorId?: string | undefined;
  productId?: string | undefined;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
}

export interface ListSerialPortsOptions {
  /** The OS listing (serialport's); it fails where udevadm is missing. */
  systemList?: () => Promise<SystemPort[]>;
  devDir?: string;
  sysClassTty?: string;
}

/**
 * Serial ports with their USB adapter. Uses the OS listing, and when that fails or finds
 * nothing (no udevadm, e.g. in containers) scans /dev/serial/by-id and the ttyUSB and ttyACM devices.
 * Never throws: the port picker always gets a list, possibly empty.
 */
export async function listSerialPorts(
  options: ListSerialPortsOptions = {},
): Promise<SerialPortInfo[]> {
  const devDir = options.devDir ?? '/dev';
  const sysClassTty = options.sysClassTty ?? '/sys/class/tty';
  const byId = await byIdLinks(join(devDir, 'serial', 'by-id'));
  const system: SystemPort[] = await (options.systemList ?? (() => SerialPort.list()))().catch(
    () => [],
  );
  const found = new Map<string, SerialPortInfo>();
  for (const port of system.filter((p) => /USB|ACM|usb|COM|cu\./.test(p.path) || p.vendorId)) {
    found.set(port.path, {
      path: port.path,
      byId: byId.get(port.path) ?? null,
      vendorId: port.vendorId?.toLowerCase() ?? null,
      productId: port.productId?.toLowerCase() ?? null,
      manufacturer: port.manufacturer ?? null,
      serialNumber: port.serialNumber ?? null,
      adapter: adapterName(port.vendorId, port.productId),
    });
  }
  const names = (await readdir(devDir).catch(() => [] as string[])).filter((name) =>
    /^tty(USB|ACM)\d+$/.test(name),
  );
  for (const path of [...names.map((name) => join(devDir, name)), ...byId.keys()]) {
    if (found.has(path)) continue;
    const usb = await usbIds(join(sysClassTty, basename(path)));
    const link = byId.get(path) ?? null;
    found.set(path, {
      path,
      byId: link,
      vendorId: usb.vendorId,
      productId: usb.productId,
      manufacturer: usb.manufacturer,
      serialNumber: usb.serialNumber,
      adapter:
        adapterName(usb.vendorId ?? undefined, usb.productId ?? undefined) ??
        (link ? adapterNameFromById(basename(link)) : null),
    });
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Device path → its /dev/serial/by-id link. */
async function byIdLinks(dir: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return links;
  }
  for (const entry of entries) {
    const link = join(dir, entry);
    try {
      const target = resolve(dir, await readlink(link));
      links.set(target, link);
    } catch {
      // Not a link: skip it.
    }
  }
  return links;
}

async function usbIds(ttyClassDir: string): Promise<{
  vendorId: string | null;
  productId: string | null;
  manufacturer: string | null;
  serialNumber: string | null;
}> {
  const none = { vendorId: null, productId: null, manufacturer: null, serialNumber: null };
  let dir: string;
  try {
    dir = await realpath(join(ttyClassDir, 'device'));
  } catch {
    return none;
  }
  const read = async (name: string) => {
    try {
      return (await readFile(join(dir, name), 'utf8')).trim();
    } catch {
      return null;
    }
  };
  // The USB device (with idVendor) is a few levels above the tty's interface.
  for (let depth = 0; depth < 4; depth += 1) {
    const vendorId = await read('idVendor');
    if (vendorId)
      return {
        vendorId: vendorId.toLowerCase(),
        productId: (await read('idProduct'))?.toLowerCase() ?? null,
        manufacturer: await read('manufacturer'),
        serialNumber: await read('serial'),
      };
    dir = resolve(dir, '..');
  }
  return none;
}
