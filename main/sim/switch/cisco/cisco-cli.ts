import { CommandGrammar, type ParameterMatcher } from '../command-grammar';
import { NO_OUTPUT, lines, type CommandContext, type CommandHandler } from '../cli-context';
import type { SimPort, SwitchEvent } from '../switch-model';
import type { CliSession, CommandOutcome, VendorCli } from '../vendor-cli';
import {
  showCdpNeighbors,
  showCdpNeighborsDetail,
  showInterfacesStatus,
  showInterfacesSwitchport,
  showLldpNeighbors,
  showLldpNeighborsDetail,
  showMacAddressTable,
  showPowerInline,
  showRunningConfig,
  showRunningConfigInterface,
  showVersion,
} from './cisco-show';

const interfaceType =
  /^g(?:i(?:g(?:a(?:b(?:i(?:t(?:e(?:t(?:h(?:e(?:r(?:n(?:e(?:t)?)?)?)?)?)?)?)?)?)?)?)?)?)?$/i;
const interfaceNumber = /^\d+\/\d+\/\d+$/;

/** `Gi1/0/5`, `GigabitEthernet1/0/5` or `gi 1/0/5`. */
const matchInterface: ParameterMatcher = (tokens, index) => {
  const text = tokens[index]!.text;
  const joined = /^([a-z]+)(\d+\/\d+\/\d+)$/i.exec(text);
  if (joined && interfaceType.test(joined[1]!)) return { consumed: 1, value: text };
  const next = tokens[index + 1]?.text;
  if (interfaceType.test(text) && next && interfaceNumber.test(next))
    return { consumed: 2, value: `${text}${next}` };
  return null;
};

function interfaceColumn(context: CommandContext, value: string): number {
  const digits = /\d.*$/.exec(value)?.[0] ?? value;
  return context.promptLength + Math.max(0, context.line.lastIndexOf(digits));
}

function invalidAt(column: number): CommandOutcome {
  return { output: lines(`${' '.repeat(column)}^`, "% Invalid input detected at '^' marker.", '') };
}

function withPort(
  context: CommandContext,
  action: (port: SimPort) => CommandOutcome,
): CommandOutcome {
  const value = context.args[0]!;
  const port = context.sw.port(value);
  return port ? action(port) : invalidAt(interfaceColumn(context, value));
}

function currentPort(context: CommandContext): SimPort {
  const mode = context.session.mode;
  if (mode.level !== 'config-if') throw new Error('not in interface configuration');
  return mode.port;
}

function changePort(context: CommandContext, change: (port: SimPort) => void): CommandOutcome {
  change(currentPort(context));
  context.sw.markChanged();
  return NO_OUTPUT;
}

function setVlan(
  context: CommandContext,
  apply: (port: SimPort, vlan: number) => void,
): CommandOutcome {
  const vlan = Number(context.args[0]);
  const created = context.sw.ensureVlan(vlan);
  changePort(context, (port) => apply(port, vlan));
  return created
    ? { output: lines(`% Access VLAN does not exist. Creating vlan ${vlan}`) }
    : NO_OUTPUT;
}

/** A switch without PoE hardware has no `power` commands at all. */
function setPoe(context: CommandContext, poe: boolean): CommandOutcome {
  if (!context.sw.poeCapable)
    return invalidAt(
      context.promptLength +
        context.line.search(/\S/) +
        (context.line.trim().startsWith('no') ? 3 : 0),
    );
  context.sw.setPoe(currentPort(context), poe);
  return NO_OUTPUT;
}

const PORTFAST_WARNING = lines(
  '%Warning: portfast should only be enabled on ports connected to a single',
  ' host. Connecting hubs, concentrators, switches, bridges, etc... to this',
  ' interface  when portfast is enabled, can cause temporary bridging loops.',
  ' Use with CAUTION',
  '',
);

function enablePortfast(context: CommandContext): CommandOutcome {
  const port = currentPort(context);
  const warn = !port.edge;
  changePort(context, (p) => (p.edge = true));
  if (!warn) return NO_OUTPUT;
  return {
    output:
      PORTFAST_WARNING +
      lines(
        `%Portfast has been configured on ${port.name} but will only`,
        ' have effect when the interface is in a non-trunking mode.',
      ),
  };
}

function configuredEvent(session: CliSession): SwitchEvent {
  return {
    kind: 'configured',
    by: session.channel === 'console' ? 'console' : `${session.username} on vty0 (${session.peer})`,
  };
}

const toPrivileged: CommandHandler = (context) => {
  const wasConfig = context.session.mode.level !== 'privileged';
  context.session.mode = { level: 'privileged' };
  return wasConfig ? { output: '', events: [configuredEvent(context.session)] } : NO_OUTPUT;
};

const terminalLength: CommandHandler = (context) => {
  context.session.pageLength = Number(context.args[0]);
  return NO_OUTPUT;
};

function execGrammar(privileged: boolean): CommandGrammar<CommandHandler> {
  const grammar = new CommandGrammar<CommandHandler>({ '<interface>': matchInterface })
    .add('enable', () => ({ output: '', enable: true }))
    .add('exit', () => ({ output: '', logout: true }))
    .add('logout', () => ({ output: '', logout: true }))
    .add('terminal length <0-512>', terminalLength)
    .add('terminal width <0-512>', () => NO_OUTPUT)
    .add('terminal monitor', (c) => {
      c.session.eventsToSession.destination = true;
      return NO_OUTPUT;
    })
    .add('terminal no monitor', (c) => {
      c.session.eventsToSession.destination = false;
      return NO_OUTPUT;
    })
    .add('show version', (c) => ({ output: showVersion(c.sw) }))
    .add('show interfaces status', (c) => ({ output: showInterfacesStatus(c.sw) }))
    .add('show interfaces switchport', (c) => ({
      output: showInterfacesSwitchport(c.sw, c.sw.ports),
    }))
    .add('show interfaces <interface> switchport', (c) =>
      withPort(c, (port) => ({ output: showInterfacesSwitchport(c.sw, [port]) })),
    )
    .add('show lldp neighbors', (c) => lldp(c, () => showLldpNeighbors(c.sw)))
    .add('show lldp neighbors detail', (c) =>
      lldp(c, () => showLldpNeighborsDetail(c.sw, c.sw.ports)),
    )
    .add('show lldp neighbors <interface> detail', (c) =>
      withPort(c, (port) => lldp(c, () => showLldpNeighborsDetail(c.sw, [port]))),
    )
    .add('show cdp neighbors', (c) => ({ output: showCdpNeighbors(c.sw) }))
    .add('show cdp neighbors detail', (c) => ({ output: showCdpNeighborsDetail(c.sw) }))
    .add('show power inline', (c) => ({ output: showPowerInline(c.sw, c.sw.ports) }))
    .add('show power inline <interface>', (c) =>
      withPort(c, (port) => ({ output: showPowerInline(c.sw, [port]) })),
    )
    .add('show mac address-table', (c) => ({ output: showMacAddressTable(c.sw, c.sw.ports) }))
    .add('show mac address-table interface <interface>', (c) =>
      withPort(c, (port) => ({ output: showMacAddressTable(c.sw, [port]) })),
    );
  if (!privileged) return grammar;
  return grammar
    .add('disable', (c) => {
      c.session.mode = { level: 'user' };
      return NO_OUTPUT;
    })
    .add('configure terminal', (c) => {
      c.session.mode = { level: 'config' };
      return {
        output: lines('Enter configuration commands, one per line.  End with CNTL/Z.'),
      };
    })
    .add('show running-config', (c) => ({ output: showRunningConfig(c.sw) }))
    .add('show startup-config', (c) => ({
      output: showRunningConfig(c.sw.startupView()).replace(
        /^Building configuration\.\.\.\r\n\r\nCurrent configuration : (\d+) bytes/,
        'Using $1 out of 524288 bytes',
      ),
    }))
    .add('show running-config interface <interface>', (c) =>
      withPort(c, (port) => ({ output: showRunningConfigInterface(c.sw, port) })),
    )
    .add('write memory', (c) => {
      c.sw.save();
      return c.sw.quirks.saveWithoutOk
        ? { output: lines('Building configuration...') }
        : { output: lines('Building configuration...', '[OK]') };
    });
}

function lldp(context: CommandContext, render: () => string): CommandOutcome {
  return context.sw.lldpRun ? { output: render() } : { output: lines('% LLDP is not enabled') };
}

const enterInterface: CommandHandler = (context) =>
  withPort(context, (port) => {
    context.session.mode = { level: 'config-if', port };
    return NO_OUTPUT;
  });

function commonConfig(grammar: CommandGrammar<CommandHandler>): CommandGrammar<CommandHandler> {
  return grammar
    .add('end', toPrivileged)
    .add('interface <interface>', enterInterface)
    .add('vlan <1-4094>', (c) => {
      const vlan = Number(c.args[0]);
      c.sw.ensureVlan(vlan);
      c.sw.markChanged();
      c.session.mode = { level: 'config-vlan', vlan };
      return NO_OUTPUT;
    })
    .add('lldp run', (c) => {
      c.sw.lldpRun = true;
      return NO_OUTPUT;
    })
    .add('no lldp run', (c) => {
      c.sw.lldpRun = false;
      return NO_OUTPUT;
    });
}

const configGrammar = commonConfig(
  new CommandGrammar<CommandHandler>({ '<interface>': matchInterface }),
).add('exit', toPrivileged);

const interfaceGrammar = commonConfig(
  new CommandGrammar<CommandHandler>({ '<interface>': matchInterface }),
)
  .add('exit', (c) => {
    c.session.mode = { level: 'config' };
    return NO_OUTPUT;
  })
  .add('description <line>', (c) =>
    changePort(c, (port) => (port.description = c.args[0]!.slice(0, 240))),
  )
  .add('no description', (c) => changePort(c, (port) => (port.description = '')))
  .add('switchport mode access', (c) => changePort(c, (port) => (port.accessMode = true)))
  .add('no switchport mode', (c) => changePort(c, (port) => (port.accessMode = false)))
  .add('switchport access vlan <1-4094>', (c) =>
    setVlan(c, (port, vlan) => (port.accessVlan = vlan)),
  )
  .add('no switchport access vlan', (c) => changePort(c, (port) => (port.accessVlan = 1)))
  .add('switchport voice vlan <1-4094>', (c) => {
    const port = currentPort(c);
    const outcome = setVlan(c, (p, vlan) => (p.voiceVlan = vlan));
    // IOS turns PortFast on by itself when a voice VLAN is set.
    port.edge = true;
    return outcome;
  })
  .add('no switchport voice vlan', (c) => changePort(c, (port) => (port.voiceVlan = null)))
  .add('power inline auto', (c) => setPoe(c, true))
  .add('no power inline', (c) => setPoe(c, true))
  .add('power inline never', (c) => setPoe(c, false))
  .add('spanning-tree portfast', enablePortfast)
  .add('spanning-tree portfast edge', enablePortfast)
  .add('no spanning-tree portfast', (c) => changePort(c, (port) => (port.edge = false)))
  .add('lldp med-tlv-select network-policy', (c) =>
    changePort(c, (port) => (port.lldpMedPolicy = true)),
  )
  .add('no lldp med-tlv-select network-policy', (c) =>
    changePort(c, (port) => (port.lldpMedPolicy = false)),
  )
  .add('lldp transmit', () => NO_OUTPUT)
  .add('lldp receive', () => NO_OUTPUT)
  .add('shutdown', (c) => {
    c.sw.setShutdown(currentPort(c), true);
    return NO_OUTPUT;
  })
  .add('no shutdown', (c) => {
    c.sw.setShutdown(currentPort(c), false);
    return NO_OUTPUT;
  });

const vlanGrammar = commonConfig(
  new CommandGrammar<CommandHandler>({ '<interface>': matchInterface }),
)
  .add('exit', (c) => {
    c.session.mode = { level: 'config' };
    return NO_OUTPUT;
  })
  .add('name <word>', (c) => {
    const mode = c.session.mode;
    if (mode.level === 'config-vlan') {
      const vlan = c.sw.vlans.get(mode.vlan);
      if (vlan) vlan.name = c.args[0]!;
    }
    return NO_OUTPUT;
  });

const userGrammar = execGrammar(false);
const privilegedGrammar = execGrammar(true);

function grammarFor(session: CliSession): CommandGrammar<CommandHandler> {
  switch (session.mode.level) {
    case 'user':
      return userGrammar;
    case 'privileged':
      return privilegedGrammar;
    case 'config':
      return configGrammar;
    case 'config-if':
      return interfaceGrammar;
    case 'config-vlan':
      return vlanGrammar;
  }
}

function promptSuffix(session: CliSession): string {
  switch (session.mode.level) {
    case 'user':
      return '>';
    case 'privileged':
      return '#';
    case 'config':
      return '(config)#';
    case 'config-if':
      return '(config-if)#';
    case 'config-vlan':
      return '(config-vlan)#';
  }
}

function clock(seconds: number): string {
  const time = new Date(Date.UTC(1993, 2, 1) + (seconds % 2_000_000) * 1000);
  const hh = String(time.getUTCHours()).padStart(2, '0');
  const mm = String(time.getUTCMinutes()).padStart(2, '0');
  const ss = String(time.getUTCSeconds()).padStart(2, '0');
  return `*Mar ${String(time.getUTCDate()).padStart(2, ' ')} ${hh}:${mm}:${ss}.${String(Date.now() % 1000).padStart(3, '0')}`;
}

function eventText(event: SwitchEvent): string {
  switch (event.kind) {
    case 'poe-detected':
      return `%ILPOWER-7-DETECT: Interface ${event.port.shortName}: Power Device detected: IEEE PD`;
    case 'poe-granted':
      return `%ILPOWER-5-POWER_GRANTED: Interface ${event.port.shortName}: Power granted`;
    case 'poe-removed':
      return `%ILPOWER-5-IEEE_DISCONNECT: Interface ${event.port.shortName}: PD removed`;
    case 'configured':
      return `%SYS-5-CONFIG_I: Configured from console by ${event.by}`;
    case 'link':
      return event.adminDown
        ? `%LINK-5-CHANGED: Interface ${event.port.name}, changed state to administratively down`
        : `%LINK-3-UPDOWN: Interface ${event.port.name}, changed state to ${event.up ? 'up' : 'down'}`;
  }
}

export const ciscoCli: VendorCli = {
  prompt: (session) => `${session.sw.identity.hostname}${promptSuffix(session)}`,

  execute(line, session, promptLength) {
    const level = session.mode.level;
    let result = grammarFor(session).parse(line);
    // IOS accepts a global configuration command in a sub-mode and leaves the sub-mode.
    if (result.kind !== 'command' && (level === 'config-if' || level === 'config-vlan')) {
      const global = configGrammar.parse(line);
      if (global.kind === 'command') {
        session.mode = { level: 'config' };
        result = global;
      }
    }
    switch (result.kind) {
      case 'empty':
        return NO_OUTPUT;
      case 'ambiguous':
        return { output: lines(`% Ambiguous command:  "${line.trim()}"`) };
      case 'incomplete':
        return { output: lines('% Incomplete command.', '') };
      case 'invalid':
        if ((level === 'user' || level === 'privileged') && result.column === line.search(/\S/))
          return {
            output: lines(
              `Translating "${result.token}"`,
              '% Unknown command or computer name, or unable to find computer address',
            ),
          };
        return invalidAt(promptLength + result.column);
      case 'command':
        return result.handler({ session, sw: session.sw, args: result.args, line, promptLength });
    }
  },

  formatEvent(event, session) {
    if (session.channel === 'ssh' && !session.eventsToSession.destination) return null;
    const stamp = clock(session.sw.uptimeSeconds());
    const text = eventText(event);
    if (event.kind === 'link') {
      const proto = `%LINEPROTO-5-UPDOWN: Line protocol on Interface ${event.port.name}, changed state to ${event.up ? 'up' : 'down'}`;
      return `${stamp}: ${text}\r\n${stamp}: ${proto}`;
    }
    return `${stamp}: ${text}`;
  },

  pagerPrompt: ' --More-- ',
  pagerErase: '\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b',
  defaultPageLength: 24,
  consoleBanner: () => '',
  sshBanner: () => '\r\n',
  pressAnyKey: false,
  loginFailed: '\r\n% Login invalid\r\n\r\n',
  enableAsksUsername: false,
  enableFailed: (attempt) =>
    attempt >= 3
      ? { text: '% Bad secrets\r\n\r\n', giveUp: true }
      : { text: 'Password: ', giveUp: false },
  logoutText: (session) =>
    session.channel === 'console'
      ? `\r\n\r\n\r\n${session.sw.identity.hostname} con0 is now available\r\n\r\n\r\n\r\n\r\n\r\nPress RETURN to get started.\r\n\r\n\r\n`
      : '',
};
