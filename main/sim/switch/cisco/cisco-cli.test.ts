import { describe, expect, it } from 'vitest';
import { demoSwitch } from '../demo-switch';
import { scriptConsole } from '../scripted-console';
import { SimulatedSwitch } from '../simulated-switch';

const credentials = { username: 'admin', password: 'console-pass', enableSecret: 'enable-secret' };

async function privileged(sw = demoSwitch('cisco_ios', { credentials })) {
  const console = scriptConsole(sw.openConsole({ baud: null, channel: 'console' }));
  console.type('\r');
  await console.waitFor('Username: ');
  console.type('admin\r');
  await console.waitFor('Password: ');
  console.type('console-pass\r');
  await console.waitFor('sw-2f-a>');
  console.type('enable\r');
  await console.waitFor('Password: ');
  console.type('enable-secret\r');
  await console.waitFor('sw-2f-a#');
  return { sw, console };
}

describe('Cisco IOS simulator', () => {
  it('asks for a login on a woken console and does not echo passwords', async () => {
    const { console } = await privileged();
    expect(console.transcript).toContain('User Access Verification');
    expect(console.transcript).not.toContain('console-pass');
    expect(console.transcript).not.toContain('enable-secret');
  });

  it('offers the initial configuration dialog on a factory-fresh switch', async () => {
    const sw = new SimulatedSwitch({
      vendor: 'cisco_ios',
      hostname: 'Switch',
      model: 'WS-C2960X-24PS-L',
      interfaceCount: 8,
      credentials: null,
      initialDialog: true,
    });
    const console = scriptConsole(sw.openConsole({ baud: null, channel: 'console' }));
    console.type('\r');
    await console.waitFor('[yes/no]: ');
    console.type('no\r');
    await console.waitFor('Press RETURN to get started!');
    console.type('\r');
    await console.waitFor(/Switch>$/);
  });

  it('says "Bad secrets" after three wrong enable secrets', async () => {
    const sw = demoSwitch('cisco_ios', { credentials });
    const console = scriptConsole(sw.openConsole({ baud: null, channel: 'console' }));
    console.type('\radmin\rconsole-pass\r');
    await console.waitFor('sw-2f-a>');
    console.type('enable\rwrong\rwrong\rwrong\r');
    expect(await console.waitFor(/% Bad secrets\r\n\r\nsw-2f-a>$/)).toContain('Password: ');
  });

  it('puts the caret under the first character it cannot take', async () => {
    const { console } = await privileged();
    console.type('show interfaces statsu\r');
    const shown = await console.waitFor(/sw-2f-a#$/);
    expect(shown).toContain("                        ^\r\n% Invalid input detected at '^' marker.");
    console.type('show\r');
    expect(await console.waitFor(/sw-2f-a#$/)).toContain('% Incomplete command.');
    console.type('e\r');
    expect(await console.waitFor(/sw-2f-a#$/)).toContain('% Ambiguous command:  "e"');
  });

  it('pages long output until paging is turned off', async () => {
    const { console } = await privileged();
    console.type('show interfaces status\r');
    await console.waitFor(' --More-- ');
    console.type(' ');
    await console.waitFor(/sw-2f-a#$/);
    console.type('terminal length 0\rshow interfaces status\r');
    const shown = await console.waitFor(/Gi1\/0\/24[^\r]*\r\nsw-2f-a#$/);
    expect(shown).not.toContain('--More--');
  });

  it('changes an interface and shows the change in its running configuration', async () => {
    const { console } = await privileged();
    console.type('configure terminal\rinterface GigabitEthernet1/0/3\r');
    await console.waitFor('sw-2f-a(config-if)#');
    console.type('description Desk 3.12\rswitchport mode access\rswitchport access vlan 10\r');
    console.type('switchport voice vlan 20\rpower inline never\rend\r');
    await console.waitFor(/SYS-5-CONFIG_I[\s\S]*sw-2f-a#/);
    console.type('terminal length 0\rshow running-config interface Gi1/0/3\r');
    const shown = await console.waitFor(/\r\nend\r\n\r\nsw-2f-a#$/);
    expect(shown).toContain(
      [
        'interface GigabitEthernet1/0/3',
        ' description Desk 3.12',
        ' switchport access vlan 10',
        ' switchport mode access',
        ' switchport voice vlan 20',
        ' power inline never',
        ' spanning-tree portfast',
        'end',
      ].join('\r\n'),
    );
  });

  it('prints PoE and link messages on the console when a handset is plugged in', async () => {
    const { sw, console } = await privileged();
    sw.plugIn('Gi1/0/5', { mac: '80:5e:c0:12:34:56', model: 'T54W' });
    const shown = await console.waitFor(/LINEPROTO-5-UPDOWN[^\r]*\r\n/);
    expect(shown).toMatch(/%ILPOWER-7-DETECT: Interface Gi1\/0\/5: Power Device detected: IEEE PD/);
    expect(shown).toMatch(/%LINK-3-UPDOWN: Interface GigabitEthernet1\/0\/5, changed state to up/);
    console.type('terminal length 0\rshow lldp neighbors Gi1/0/5 detail\r');
    const lldp = await console.waitFor(/Total entries displayed: 1\r\n\r\nsw-2f-a#$/);
    expect(lldp).toContain('Port id: 805e.c012.3456');
    expect(lldp).toContain('Model: T54W');
    sw.unplug('Gi1/0/5');
    await console.waitFor(/GigabitEthernet1\/0\/5, changed state to down/);
  });

  it('has no power commands on a switch without PoE', async () => {
    const sw = new SimulatedSwitch({
      vendor: 'cisco_ios',
      hostname: 'sw-2f-a',
      model: 'WS-C2960X-24TS-L',
      interfaceCount: 24,
      credentials,
    });
    const { console } = await privileged(sw);
    console.type('configure terminal\rinterface Gi1/0/1\rpower inline never\r');
    expect(await console.waitFor(/sw-2f-a\(config-if\)#$/)).toContain('% Invalid input detected');
  });
});
