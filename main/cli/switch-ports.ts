import type { Command } from 'commander';
import { listSerialPorts } from '../switch/transports';
import { EXIT, type CliIo } from './io';

export function registerSwitchPortsCommand(
  switchCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  switchCommand
    .command('ports')
    .description('list the serial ports on this computer, with the USB console adapter in each')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const ports = await listSerialPorts();
      if (options.json) io.out(JSON.stringify(ports, null, 2));
      else if (ports.length === 0)
        io.out(
          'No serial ports found. Plug in the USB console cable; on Linux it appears as /dev/ttyUSB0 or /dev/ttyACM0.',
        );
      else
        for (const port of ports) {
          const ids = port.vendorId ? ` [${port.vendorId}:${port.productId ?? '????'}]` : '';
          io.out(
            `${port.path}  ${port.adapter ?? 'unknown adapter'}${ids}${port.byId ? `  (${port.byId})` : ''}`,
          );
        }
      setExit(EXIT.ok);
    });
}
