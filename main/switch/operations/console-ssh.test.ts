import { serveSsh } from '../../sim/switch';
import { driverFor } from '../drivers';
import { openSession } from '../session';
import { openSshTransport } from '../transports';
import { describeConsoleScenario, TEST_LOGIN } from './test-support/console-scenario';

for (const vendor of ['cisco_ios', 'aruba_aoss'] as const)
  describeConsoleScenario(`${vendor} over SSH on loopback`, vendor, async (sw) => {
    const server = await serveSsh(sw, { port: 0 });
    const transport = await openSshTransport({
      host: server.host,
      port: server.port,
      ...TEST_LOGIN,
    });
    const session = await openSession(transport, { vendor, login: TEST_LOGIN });
    return {
      driver: driverFor(session),
      close: async () => {
        await session.close();
        await server.close();
      },
    };
  });
