import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSerialPorts } from './serial-ports';
import { adapterName } from './usb-adapters';

/** A fake /dev and /sys/class/tty with one FTDI and one CH340 adapter. */
function fakeSystem() {
  const root = mkdtempSync(join(tmpdir(), 'dialtone-dev-'));
  const dev = join(root, 'dev');
  mkdirSync(join(dev, 'serial', 'by-id'), { recursive: true });
  writeFileSync(join(dev, 'ttyUSB0'), '');
  writeFileSync(join(dev, 'ttyUSB1'), '');
  writeFileSync(join(dev, 'ttyS0'), '');
  symlinkSync(
    '../../ttyUSB0',
    join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R_USB_UART_A10K5XYZ-if00-port0'),
  );
  const sys = join(root, 'sys');
  const usbDevice = join(root, 'devices', 'usb1', '1-1');
  mkdirSync(join(usbDevice, '1-1:1.0', 'ttyUSB1'), { recursive: true });
  writeFileSync(join(usbDevice, 'idVendor'), '1a86\n');
  writeFileSync(join(usbDevice, 'idProduct'), '7523\n');
  mkdirSync(join(sys, 'ttyUSB1'), { recursive: true });
  symlinkSync(join(usbDevice, '1-1:1.0'), join(sys, 'ttyUSB1', 'device'));
  return { dev, sys };
}

describe('serial port listing', () => {
  it('names the common console adapters by USB id', () => {
    expect(adapterName('0403', '6001')).toBe('FTDI FT232R USB-serial');
    expect(adapterName('067B', '2303')).toBe('Prolific PL2303 USB-serial');
    expect(adapterName('1a86', '7523')).toBe('WCH CH340 USB-serial');
    expect(adapterName('10c4', 'ea60')).toBe('Silicon Labs CP210x USB-serial');
    expect(adapterName('dead', 'beef')).toBeNull();
  });

  it('falls back to scanning /dev when the OS listing fails, and never throws', async () => {
    const { dev, sys } = fakeSystem();
    const ports = await listSerialPorts({
      devDir: dev,
      sysClassTty: sys,
      systemList: () => Promise.reject(new Error('spawn udevadm ENOENT')),
    });
    expect(ports.map((port) => port.path)).toEqual([join(dev, 'ttyUSB0'), join(dev, 'ttyUSB1')]);
    expect(ports[0]).toMatchObject({ adapter: 'FTDI USB-serial' });
    expect(ports[0]!.byId).toContain('usb-FTDI_FT232R');
    expect(ports[1]).toMatchObject({
      vendorId: '1a86',
      productId: '7523',
      adapter: 'WCH CH340 USB-serial',
    });
  });

  it('uses the OS listing with its USB ids when it works', async () => {
    const ports = await listSerialPorts({
      devDir: join(tmpdir(), 'dialtone-no-such-dev'),
      systemList: async () => [
        { path: 'COM3', vendorId: '067B', productId: '2303', manufacturer: 'Prolific' },
      ],
    });
    expect(ports).toEqual([
      expect.objectContaining({
        path: 'COM3',
        vendorId: '067b',
        adapter: 'Prolific PL2303 USB-serial',
      }),
    ]);
  });

  it('returns a list on this machine without crashing', async () => {
    expect(Array.isArray(await listSerialPorts())).toBe(true);
  });
});
