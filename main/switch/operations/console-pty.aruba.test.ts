import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePty } from '../../sim/switch';
import { driverFor } from '../drivers';
import { openSession } from '../session';
import { openSerialTransport } from '../transports';
import { describeConsoleScenario, TEST_LOGIN } from './console-scenario.test-support';

describeConsoleScenario('Aruba AOS-S over a real PTY at 9600 baud', 'aruba_aoss', async (sw) => {
  const pty = await servePty(sw, {
    path: join(tmpdir(), `dialtone-it-${randomUUID()}`),
    baud: 9600,
  });
  const session = await openSession(await openSerialTransport({ path: pty.path, baudRate: 9600 }), {
    vendor: sw.vendor,
    login: TEST_LOGIN,
  });
  return {
    driver: driverFor(session),
    close: async () => {
      await session.close();
      await pty.close();
    },
  };
});
