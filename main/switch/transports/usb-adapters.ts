/**
 * USB-serial console adapters engineers carry, by USB vendor id (and product id where
 * one vendor makes several), so the port picker can say "FTDI FT232R" instead of ttyUSB0.
 */
const ADAPTERS: { vendorId: string; productId?: string; name: string }[] = [
  { vendorId: '0403', productId: '6001', name: 'FTDI FT232R USB-serial' },
  { vendorId: '0403', productId: '6010', name: 'FTDI FT2232 USB-serial' },
  { vendorId: '0403', productId: '6011', name: 'FTDI FT4232 USB-serial' },
  { vendorId: '0403', productId: '6014', name: 'FTDI FT232H USB-serial' },
  { vendorId: '0403', productId: '6015', name: 'FTDI FT231X USB-serial' },
  { vendorId: '0403', name: 'FTDI USB-serial' },
  { vendorId: '067b', productId: '2303', name: 'Prolific PL2303 USB-serial' },
  { vendorId: '067b', productId: '23a3', name: 'Prolific PL2303GC USB-serial' },
  { vendorId: '067b', name: 'Prolific USB-serial' },
  { vendorId: '1a86', productId: '7523', name: 'WCH CH340 USB-serial' },
  { vendorId: '1a86', productId: '5523', name: 'WCH CH341 USB-serial' },
  { vendorId: '1a86', productId: '55d4', name: 'WCH CH9102 USB-serial' },
  { vendorId: '1a86', name: 'WCH CH34x USB-serial' },
  { vendorId: '10c4', productId: 'ea60', name: 'Silicon Labs CP210x USB-serial' },
  { vendorId: '10c4', productId: 'ea70', name: 'Silicon Labs CP2105 USB-serial' },
  { vendorId: '10c4', name: 'Silicon Labs CP210x USB-serial' },
  { vendorId: '05a6', productId: '0009', name: 'Cisco USB console (mini-USB)' },
];

/** A friendly name for a USB adapter, or null for one we do not know. */
export function adapterName(vendorId?: string, productId?: string): string | null {
  const vendor = vendorId?.toLowerCase().replace(/^0x/, '');
  const product = productId?.toLowerCase().replace(/^0x/, '');
  if (!vendor) return null;
  const exact = ADAPTERS.find((a) => a.vendorId === vendor && a.productId === product);
  const anyProduct = ADAPTERS.find((a) => a.vendorId === vendor && a.productId === undefined);
  return (exact ?? anyProduct)?.name ?? null;
}

/** Reads the adapter from a `/dev/serial/by-id` name such as `usb-FTDI_FT232R_USB_UART_A10K-if00-port0`. */
export function adapterNameFromById(byIdName: string): string | null {
  const lower = byIdName.toLowerCase();
  if (lower.includes('ftdi')) return 'FTDI USB-serial';
  if (lower.includes('prolific')) return 'Prolific USB-serial';
  if (lower.includes('1a86') || lower.includes('ch34') || lower.includes('qinheng'))
    return 'WCH CH34x USB-serial';
  if (lower.includes('silicon_labs') || lower.includes('cp210'))
    return 'Silicon Labs CP210x USB-serial';
  if (lower.includes('cisco')) return 'Cisco USB console (mini-USB)';
  return null;
}
