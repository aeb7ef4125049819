import { CommandGrammar, type ParameterMatcher } from '../command-grammar';
import { NO_OUTPUT, lines, type CommandContext, type CommandHandler } from '../cli-context';
import type { SimPort, SwitchEvent } from '../switch-model';
import type { CliSession, CommandOutcome, VendorCli } from '../vendor-cli';
import {
  showInterfacesBrief,
  showLldpRemoteDeviceDetail,
  showLldpRemoteDevices,
  showMacAddress,
  showMacAddressOfPort,
  showPowerOverEthernetBrief,
  showRunningConfig,
  showModules,
  showRunningConfigInterface,
  showRunningConfigVlan,
  showSystem,
  showVersion,
  showVlans,
} from './aruba-show';

/** A port list: `5`, `1-4`, `1,3,5-7`. */
const matchPorts: ParameterMatcher = (tokens, index) => {
  const text = tokens[index]!.text;
  return /^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(text) ? { consumed: 1, value: text } : null;
};

function expandPorts(list: string): string[] {
  return list.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    if (to === undefined) return [String(from)];
    return Array.from({ length: Math.max(0, to - from! + 1) }, (_, i) => String(from! + i));
  });
}

function error(text: string): CommandOutcome {
  return { output: lines(text) };
}

/** Runs an action on every port of a list, or names the first one the switch lacks. */
function withPorts(
  context: CommandContext,
  list: string,
  action: (ports: SimPort[]) => CommandOutcome,
): CommandOutcome {
  const names = expandPorts(list);
  const ports = names.map((name) => context.sw.port(name));
  const missing = names.find((_, i) => ports[i] === undefined);
  if (missing !== undefined)
    return error(`Module not present for port or invalid port: ${missing}`);
  return action(ports as SimPort[]);
}

function currentPort(context: CommandContext): SimPort {
  const mode = context.session.mode;
  if (mode.level !== 'config-if') throw new Error('not in interface context');
  return mode.port;
}

function requireVlan(context: CommandContext, vlan: number, action: () => void): CommandOutcome {
  if (!context.sw.vlans.has(vlan)) return error(`VLAN ${vlan} not found.`);
  action();
  context.sw.markChanged();
  return NO_OUTPUT;
}

function setUntagged(port: SimPort, vlan: number): void {
  port.accessVlan = vlan;
  port.taggedVlans = port.taggedVlans.filter((v) => v !== vlan);
}

function setTagged(port: SimPort, vlan: number): void {
  if (port.accessVlan === vlan) port.accessVlan = 1;
  if (!port.taggedVlans.includes(vlan)) port.taggedVlans = [...port.taggedVlans, vlan];
}

function removeTagged(port: SimPort, vlan: number): void {
  port.taggedVlans = port.taggedVlans.filter((v) => v !== vlan);
}

function removeUntagged(port: SimPort, vlan: number): void {
  if (port.accessVlan === vlan) port.accessVlan = 1;
}

function setPoe(context: CommandContext, ports: SimPort[], poe: boolean): CommandOutcome {
  if (!context.sw.poeCapable) return error('Invalid input: power-over-ethernet');
  for (const port of ports) context.sw.setPoe(port, poe);
  return NO_OUTPUT;
}

function change(context: CommandContext, action: () => void): CommandOutcome {
  action();
  context.sw.markChanged();
  return NO_OUTPUT;
}

function vlanOfMode(context: CommandContext): number {
  const mode = context.session.mode;
  if (mode.level !== 'config-vlan') throw new Error('not in VLAN context');
  return mode.vlan;
}

const toManager: CommandHandler = (context) => {
  context.session.mode = { level: 'privileged' };
  return NO_OUTPUT;
};

function execGrammar(manager: boolean): CommandGrammar<CommandHandler> {
  const grammar = new CommandGrammar<CommandHandler>({ '<ports>': matchPorts })
    .add('enable', () => ({ output: '', enable: true }))
    .add('exit', () => ({ output: '', logout: true }))
    .add('logout', () => ({ output: '', logout: true }))
    .add('terminal length <1-1000>', (c) => {
      c.session.pageLength = Number(c.args[0]);
      return NO_OUTPUT;
    })
    .add('terminal width <1-1920>', () => NO_OUTPUT)
    .add('show system', (c) => ({ output: showSystem(c.sw) }))
    .add('show version', (c) => ({ output: showVersion(c.sw) }))
    .add('show interfaces brief', (c) => ({ output: showInterfacesBrief(c.sw) }))
    .add('show vlans', (c) => ({ output: showVlans(c.sw) }))
    .add('show lldp info remote-device', (c) => ({ output: showLldpRemoteDevices(c.sw) }))
    .add('show lldp info remote-device <ports>', (c) =>
      withPorts(c, c.args[0]!, (ports) => ({ output: showLldpRemoteDeviceDetail(c.sw, ports) })),
    )
    .add('show mac-address', (c) => ({ output: showMacAddress(c.sw) }))
    .add('show mac-address <ports>', (c) =>
      withPorts(c, c.args[0]!, (ports) => ({ output: showMacAddressOfPort(c.sw, ports[0]!) })),
    )
    .add('show power-over-ethernet brief', (c) => ({
      output: showPowerOverEthernetBrief(c.sw, c.sw.ports),
    }))
    .add('show power-over-ethernet brief <ports>', (c) =>
      withPorts(c, c.args[0]!, (ports) => ({ output: showPowerOverEthernetBrief(c.sw, ports) })),
    );
  if (!manager) return grammar;
  return grammar
    .add('configure', (c) => {
      c.session.mode = { level: 'config' };
      return NO_OUTPUT;
    })
    .add('configure terminal', (c) => {
      c.session.mode = { level: 'config' };
      return NO_OUTPUT;
    })
    .add('show running-config', (c) => ({ output: showRunningConfig(c.sw) }))
    .add('show config', (c) => ({
      output: showRunningConfig(c.sw.startupView()).replace(
        'Running configuration:',
        'Startup configuration:',
      ),
    }))
    .add('show running-config vlan <1-4094>', (c) => {
      const vlan = c.sw.vlans.get(Number(c.args[0]));
      return vlan
        ? { output: showRunningConfigVlan(c.sw, vlan) }
        : error(`VLAN ${c.args[0]} not found.`);
    })
    .add('show modules', (c) => ({ output: showModules(c.sw) }))
    .add('show running-config interface <ports>', (c) =>
      withPorts(c, c.args[0]!, (ports) => ({
        output: showRunningConfigInterface(c.sw, ports[0]!),
      })),
    )
    .add('write memory', (c) => {
      c.sw.save();
      return NO_OUTPUT;
    })
    .add('no page', (c) => {
      c.session.pageLength = 0;
      return NO_OUTPUT;
    })
    .add('page', (c) => {
      c.session.pageLength = 24;
      return NO_OUTPUT;
    })
    .add('debug destination session', (c) => {
      c.session.eventsToSession.destination = true;
      return NO_OUTPUT;
    })
    .add('debug event', (c) => {
      c.session.eventsToSession.events = true;
      return NO_OUTPUT;
    })
    .add('no debug all', (c) => {
      c.session.eventsToSession.events = false;
      return NO_OUTPUT;
    });
}

function configCommands(grammar: CommandGrammar<CommandHandler>): CommandGrammar<CommandHandler> {
  return grammar
    .add('end', toManager)
    .add('write memory', (c) => {
      c.sw.save();
      return NO_OUTPUT;
    })
    .add('interface <ports>', (c) =>
      withPorts(c, c.args[0]!, (ports) => {
        c.session.mode = { level: 'config-if', port: ports[0]! };
        return NO_OUTPUT;
      }),
    )
    .add('interface <ports> power-over-ethernet', (c) =>
      withPorts(c, c.args[0]!, (ports) => setPoe(c, ports, true)),
    )
    .add('no interface <ports> power-over-ethernet', (c) =>
      withPorts(c, c.args[0]!, (ports) => setPoe(c, ports, false)),
    )
    .add('interface <ports> disable', (c) =>
      withPorts(c, c.args[0]!, (ports) => {
        for (const port of ports) c.sw.setShutdown(port, true);
        return NO_OUTPUT;
      }),
    )
    .add('interface <ports> enable', (c) =>
      withPorts(c, c.args[0]!, (ports) => {
        for (const port of ports) c.sw.setShutdown(port, false);
        return NO_OUTPUT;
      }),
    )
    .add('vlan <1-4094>', (c) => {
      const vlan = Number(c.args[0]);
      c.sw.ensureVlan(vlan);
      c.session.mode = { level: 'config-vlan', vlan };
      return NO_OUTPUT;
    })
    .add('vlan <1-4094> untagged <ports>', (c) => vlanPorts(c, setUntagged))
    .add('vlan <1-4094> tagged <ports>', (c) => vlanPorts(c, setTagged))
    .add('no vlan <1-4094> tagged <ports>', (c) => vlanPorts(c, removeTagged))
    .add('no vlan <1-4094> untagged <ports>', (c) => vlanPorts(c, removeUntagged))
    .add('vlan <1-4094> voice', (c) => vlanVoice(c, Number(c.args[0]), true))
    .add('no vlan <1-4094> voice', (c) => vlanVoice(c, Number(c.args[0]), false))
    .add('lldp config <ports> medTlvEnable <word>', (c) => lldpMed(c, true))
    .add('no lldp config <ports> medTlvEnable <word>', (c) => lldpMed(c, false))
    .add('spanning-tree <ports> admin-edge-port', (c) =>
      withPorts(c, c.args[0]!, (ports) => change(c, () => ports.forEach((p) => (p.edge = true)))),
    )
    .add('no spanning-tree <ports> admin-edge-port', (c) =>
      withPorts(c, c.args[0]!, (ports) => change(c, () => ports.forEach((p) => (p.edge = false)))),
    );
}

function lldpMed(context: CommandContext, enable: boolean): CommandOutcome {
  const tlv = context.args[1]!.toLowerCase();
  if (!['network_policy', 'network-policy', 'poe', 'capabilities', 'location_id'].includes(tlv))
    return error(`Invalid input: ${context.args[1]}`);
  return withPorts(context, context.args[0]!, (ports) =>
    change(context, () => {
      if (tlv.startsWith('network')) for (const port of ports) port.lldpMedPolicy = enable;
    }),
  );
}

function vlanPorts(
  context: CommandContext,
  apply: (port: SimPort, vlan: number) => void,
): CommandOutcome {
  const vlan = Number(context.args[0]);
  context.sw.ensureVlan(vlan);
  return withPorts(context, context.args[1]!, (ports) =>
    change(context, () => ports.forEach((port) => apply(port, vlan))),
  );
}

function vlanVoice(context: CommandContext, id: number, voice: boolean): CommandOutcome {
  const vlan = context.sw.vlans.get(id);
  if (!vlan) return error(`VLAN ${id} not found.`);
  return change(context, () => (vlan.voice = voice));
}

const configGrammar = configCommands(
  new CommandGrammar<CommandHandler>({ '<ports>': matchPorts }),
).add('exit', toManager);

const interfaceGrammar = configCommands(
  new CommandGrammar<CommandHandler>({ '<ports>': matchPorts }),
)
  .add('exit', (c) => {
    c.session.mode = { level: 'config' };
    return NO_OUTPUT;
  })
  .add('name <line>', (c) =>
    change(
      c,
      () => (currentPort(c).description = c.args[0]!.replace(/^"(.*)"$/, '$1').slice(0, 64)),
    ),
  )
  .add('no name', (c) => change(c, () => (currentPort(c).description = '')))
  .add('disable', (c) => {
    c.sw.setShutdown(currentPort(c), true);
    return NO_OUTPUT;
  })
  .add('enable', (c) => {
    c.sw.setShutdown(currentPort(c), false);
    return NO_OUTPUT;
  })
  .add('power-over-ethernet', (c) => setPoe(c, [currentPort(c)], true))
  .add('no power-over-ethernet', (c) => setPoe(c, [currentPort(c)], false))
  .add('untagged vlan <1-4094>', (c) =>
    requireVlan(c, Number(c.args[0]), () => setUntagged(currentPort(c), Number(c.args[0]))),
  )
  .add('no untagged vlan <1-4094>', (c) =>
    requireVlan(c, Number(c.args[0]), () => removeUntagged(currentPort(c), Number(c.args[0]))),
  )
  .add('tagged vlan <1-4094>', (c) =>
    requireVlan(c, Number(c.args[0]), () => setTagged(currentPort(c), Number(c.args[0]))),
  )
  .add('no tagged vlan <1-4094>', (c) =>
    requireVlan(c, Number(c.args[0]), () => removeTagged(currentPort(c), Number(c.args[0]))),
  )
  .add('spanning-tree admin-edge-port', (c) => change(c, () => (currentPort(c).edge = true)))
  .add('no spanning-tree admin-edge-port', (c) => change(c, () => (currentPort(c).edge = false)));

const vlanGrammar = configCommands(new CommandGrammar<CommandHandler>({ '<ports>': matchPorts }))
  .add('exit', (c) => {
    c.session.mode = { level: 'config' };
    return NO_OUTPUT;
  })
  .add('untagged <ports>', (c) =>
    withPorts(c, c.args[0]!, (ports) =>
      change(c, () => ports.forEach((p) => setUntagged(p, vlanOfMode(c)))),
    ),
  )
  .add('tagged <ports>', (c) =>
    withPorts(c, c.args[0]!, (ports) =>
      change(c, () => ports.forEach((p) => setTagged(p, vlanOfMode(c)))),
    ),
  )
  .add('no tagged <ports>', (c) =>
    withPorts(c, c.args[0]!, (ports) =>
      change(c, () => ports.forEach((p) => removeTagged(p, vlanOfMode(c)))),
    ),
  )
  .add('voice', (c) => vlanVoice(c, vlanOfMode(c), true))
  .add('no voice', (c) => vlanVoice(c, vlanOfMode(c), false))
  .add('name <line>', (c) =>
    change(c, () => {
      const vlan = c.sw.vlans.get(vlanOfMode(c));
      if (vlan) vlan.name = c.args[0]!.replace(/^"(.*)"$/, '$1');
    }),
  );

const operatorGrammar = execGrammar(false);
const managerGrammar = execGrammar(true);

function grammarFor(session: CliSession): CommandGrammar<CommandHandler> {
  switch (session.mode.level) {
    case 'user':
      return operatorGrammar;
    case 'privileged':
      return managerGrammar;
    case 'config':
      return configGrammar;
    case 'config-if':
      return interfaceGrammar;
    case 'config-vlan':
      return vlanGrammar;
  }
}

function promptSuffix(session: CliSession): string {
  const mode = session.mode;
  switch (mode.level) {
    case 'user':
      return '> ';
    case 'privileged':
      return '# ';
    case 'config':
      return '(config)# ';
    case 'config-if':
      return `(eth-${mode.port.name})# `;
    case 'config-vlan':
      return `(vlan-${mode.vlan})# `;
  }
}

function stamp(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(now.getUTCMonth() + 1)}/${two(now.getUTCDate())}/${two(now.getUTCFullYear() % 100)} ${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`;
}

function eventText(event: SwitchEvent): string {
  switch (event.kind) {
    case 'poe-detected':
      return `00562 ports: port ${event.port.name} PD Detected`;
    case 'poe-granted':
      return `00563 ports: port ${event.port.name} applying power to PD`;
    case 'poe-removed':
      return `00565 ports: port ${event.port.name} PD Removed`;
    case 'configured':
      return `00078 mgr: Startup configuration changed by ${event.by}`;
    case 'link':
      return `00076 ports: port ${event.port.name} is now ${event.up ? 'on-line' : 'off-line'}`;
  }
}

const PAGER = '-- MORE --, next page: Space, next line: Enter, quit: Control-C';

export const arubaCli: VendorCli = {
  prompt: (session) => `\x1b[2K\r${session.sw.identity.hostname}${promptSuffix(session)}`,

  execute(line, session) {
    const result = grammarFor(session).parse(line);
    switch (result.kind) {
      case 'empty':
        return NO_OUTPUT;
      case 'ambiguous':
        return error(`Ambiguous input: ${result.token}`);
      case 'incomplete':
        return error(`Incomplete input: ${line.trim().split(/\s+/).pop()}`);
      case 'invalid':
        return error(`Invalid input: ${result.token}`);
      case 'command':
        return result.handler({
          session,
          sw: session.sw,
          args: result.args,
          line,
          promptLength: 0,
        });
    }
  },

  formatEvent(event, session) {
    const { destination, events } = session.eventsToSession;
    if (!destination || !events || event.kind === 'configured') return null;
    const severity = event.kind === 'link' && !event.up ? 'W' : 'I';
    return `${severity} ${stamp()} ${eventText(event)}`;
  },

  pagerPrompt: PAGER,
  pagerErase: '\x1b[2K\r',
  defaultPageLength: 24,
  consoleBanner: (session) =>
    '\x1b[1;24r\x1b[24;1H\x1b[2J\x1b[?7l\x1b[H' +
    lines(
      '',
      `HPE Aruba ${session.sw.identity.model.replace(/^Aruba /, '')} Switch`,
      `Software revision ${session.sw.identity.softwareVersion}`,
      '',
      '(C) Copyright 2024 Hewlett Packard Enterprise Development LP',
      '',
      '                   RESTRICTED RIGHTS LEGEND',
      'Confidential computer software. Valid license from HPE required for',
      'possession, use or copying.',
      '',
      "We'd like to keep you up to date about:",
      '  * Software feature updates',
      '  * New product announcements',
      '',
    ) +
    'Press any key to continue',
  sshBanner: (session) => arubaCli.consoleBanner(session),
  pressAnyKey: true,
  loginFailed: '\r\nInvalid password\r\n\r\n',
  enableAsksUsername: true,
  enableFailed: () => ({ text: '\r\nInvalid password\r\n', giveUp: true }),
  logoutText: () => '\r\nDo you want to log out [y/n]? y\r\n',
};
