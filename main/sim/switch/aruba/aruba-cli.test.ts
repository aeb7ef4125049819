import { describe, expect, it } from 'vitest';

import { demoSwitch } from '../demo-switch';
import { scriptConsole } from '../scripted-console';

const ESC = String.fromCharCode(27);
/** Everything printed ends with this prompt (after AOS-S's erase-line escape). */
function endsWithPrompt(before: string, prompt: string) {
  return (text: string) => text.endsWith(`${before}${ESC}[2K\r${prompt}`);
}

const credentials = { username: 'manager', password: 'console-pass', enableSecret: 'manager-pass' };

async function manager() {
  const sw = demoSwitch('aruba_aoss', { credentials });
  const console = scriptConsole(sw.openConsole({ baud: null, channel: 'console' }));
  console.type('\r');
  await console.waitFor('Press any key to continue');
  console.type(' ');
  await console.waitFor('Username: ');
  console.type('manager\rconsole-pass\r');
  await console.waitFor('HC-4F-A> ');
  console.type('enable\r');
  await console.waitFor('Username: ');
  console.type('manager\rmanager-pass\r');
  await console.waitFor('HC-4F-A# ');
  return { sw, console };
}

describe('Aruba AOS-S simulator', () => {
  it('shows the banner, waits for a key, then logs in to manager level', async () => {
    const { console } = await manager();
    expect(console.transcript).toContain(`${ESC}[`);
    expect(console.transcript).not.toContain('manager-pass');
  });

  it('answers a wrong manager password with "Invalid password" at operator level', async () => {
    const sw = demoSwitch('aruba_aoss', { credentials });
    const console = scriptConsole(sw.openConsole({ baud: null, channel: 'console' }));
    console.type('\r manager\rconsole-pass\renable\rmanager\rnope\r');
    expect(await console.waitFor(endsWithPrompt('Invalid password\r\n', 'HC-4F-A> '))).toBeTruthy();
  });

  it('pages with the AOS-S pager and says "Invalid input:" for a bad word', async () => {
    const { console } = await manager();
    console.type('show interfaces brief\r');
    await console.waitFor('-- MORE --, next page: Space, next line: Enter, quit: Control-C');
    console.type('q');
    await console.waitFor(/HC-4F-A# $/);
    console.type('show interfaces breif\r');
    expect(await console.waitFor(/HC-4F-A# $/)).toContain('Invalid input: breif');
  });

  it('moves a port between VLANs and rejects a VLAN that does not exist', async () => {
    const { console } = await manager();
    console.type('no page\rconfigure\rinterface 3\runtagged vlan 10\rtagged vlan 20\r');
    await console.waitFor(/HC-4F-A\(eth-3\)# $/);
    console.type('untagged vlan 77\r');
    expect(await console.waitFor(/HC-4F-A\(eth-3\)# $/)).toContain('VLAN 77 not found.');
    console.type('end\rshow running-config interface 3\r');
    const shown = await console.waitFor(endsWithPrompt('   exit\r\n\r\n', 'HC-4F-A# '));
    expect(shown).toContain(
      'interface 3\r\n   name "4F-003"\r\n   tagged vlan 20\r\n   untagged vlan 10\r\n   exit',
    );
  });

  it('prints event log lines for link changes once debug output is sent to the session', async () => {
    const { sw, console } = await manager();
    console.type('debug destination session\rdebug event\r');
    await console.waitFor(endsWithPrompt('debug event\r\n', 'HC-4F-A# '));
    sw.plugIn('6', { mac: '80:5e:c0:00:00:06', model: 'VVX 450', manufacturer: 'Poly' });
    expect(await console.waitFor(/port 6 is now on-line/)).toMatch(
      /^I \d\d\/\d\d\/\d\d \d\d:\d\d:\d\d 00562 ports: port 6 PD Detected/m,
    );
  });
});
