import { performance } from 'node:perf_hooks';
import type { SwitchVendor } from '../../../shared/platform/schemas';
import { ConsoleConnection, type ConsoleChannel } from './console-connection';
import type { SimConsoleEndpoint } from './console-endpoint';
import {
  deviceDefaults,
  type PlugInDevice,
  type SimPort,
  type SimVlan,
  type SwitchCredentials,
  type SwitchEvent,
  type SwitchIdentity,
} from './switch-model';

export type SimPortConfig = Partial<
  Pick<
    SimPort,
    | 'description'
    | 'accessVlan'
    | 'voiceVlan'
    | 'taggedVlans'
    | 'accessMode'
    | 'poe'
    | 'edge'
    | 'shutdown'
    | 'lldpMedPolicy'
  >
>;

/**
 * Ways real consoles differ from the two CLIs' textbook behaviour, to hold a session
 * against each. All off by default.
 */
export interface ConsoleQuirks {
  /** SSH: say nothing (no banner, no prompt) until a key is pressed; by default the prompt comes as the shell opens. */
  silentShell?: boolean;
  /** Console: the line is already awake at the privileged prompt (someone left it), and prints it at once. */
  promptOnOpen?: boolean;
  /** No `end`: only `exit` steps out of configuration modes, one level at a time. */
  noEnd?: boolean;
  /** How an unknown command is answered instead of the vendor's own words; `{command}` is what was typed. */
  unknownCommand?: string;
  /** IOS `write memory` prints `Building configuration...` and no `[OK]`. */
  saveWithoutOk?: boolean;
  /** The CLI hangs (says nothing more, ever) once a command starting with this is typed. */
  freezeOn?: string;
  /**
   * Console login checked by a remote server (RADIUS, TACACS+): the answer to a password
   * comes this many ms after its Enter. Keys pressed meanwhile are typed ahead, as on a
   * real line: they reach whatever comes after the answer.
   */
  authDelayMs?: number;
  /** Changes the switch refuses on some interfaces (a port bundled in a trunk, locked by policy). */
  refuse?: readonly RefusedCommand[];
}

/**
 * In the configuration of `interfaceName` (short or full name), a command starting with
 * `command` is answered with `answer` (default: the vendor's "member of a trunk" refusal)
 * and changes nothing.
 */
export interface RefusedCommand {
  interfaceName: string;
  command: string;
  answer?: string;
}

export interface SimulatedSwitchOptions {
  vendor: SwitchVendor;
  hostname: string;
  model: string;
  interfaceCount: number;
  /** null: the console asks for no login and `enable` no secret. */
  credentials: SwitchCredentials | null;
  /** IOS fresh out of the box: asks "Would you like to enter the initial configuration dialog?". */
  initialDialog?: boolean;
  /** Starting configuration by interface name (short or full); others are factory default. */
  ports?: Record<string, SimPortConfig>;
  vlans?: SimVlan[];
  softwareVersion?: string;
  serialNumber?: string;
  /** Whether the hardware has PoE; by default read from the model name (`-24P`, `PoE`). */
  poeCapable?: boolean;
  quirks?: ConsoleQuirks;
}

export interface OpenConsoleOptions {
  /** Line speed the switch transmits at; null for SSH and in-process links at full speed. */
  baud: number | null;
  channel: ConsoleChannel;
  /** For SSH: the user the server already authenticated. */
  authenticatedUser?: string;
  peer?: string;
}

const CISCO_PORT =
  /^g(?:i(?:g(?:a(?:b(?:i(?:t(?:e(?:t(?:h(?:e(?:r(?:n(?:e(?:t)?)?)?)?)?)?)?)?)?)?)?)?)?)?\s*(\d+\/\d+\/\d+)$/i;

/**
 * One simulated switch: identity, VLANs, per-interface configuration and what is plugged
 * in. Any number of consoles (serial, SSH, in-process) can be open on it at once; they
 * share this state, as the real switch's console and vty lines do.
 */
export class SimulatedSwitch {
  readonly identity: SwitchIdentity;
  readonly ports: SimPort[];
  readonly vlans = new Map<number, SimVlan>();
  readonly credentials: SwitchCredentials | null;
  initialDialogPending: boolean;
  unsavedChanges = false;
  lldpRun = true;
  readonly poeCapable: boolean;
  readonly quirks: ConsoleQuirks;
  /** What `write memory` last saved (the startup configuration): ports and VLANs as they were. */
  startup: { ports: SimPort[]; vlans: Map<number, SimVlan> };
  private readonly startedAt = performance.now();
  private readonly listeners = new Set<(event: SwitchEvent) => void>();
  private readonly consoles = new Set<ConsoleConnection>();

  constructor(options: SimulatedSwitchOptions) {
    const cisco = options.vendor === 'cisco_ios';
    this.identity = {
      vendor: options.vendor,
      hostname: options.hostname,
      model: options.model,
      softwareVersion: options.softwareVersion ?? (cisco ? '15.2(7)E8' : 'WC.16.11.0027'),
      serialNumber: options.serialNumber ?? (cisco ? 'FOC2231X0AB' : 'SG03JQ1234'),
      baseMac: cisco ? '00:1e:f7:6a:11:80' : '94:18:82:3c:a2:00',
    };
    this.credentials = options.credentials;
    this.quirks = options.quirks ?? {};
    this.poeCapable = options.poeCapable ?? /PoE|-\d+P/.test(options.model);
    this.initialDialogPending = cisco && (options.initialDialog ?? false);
    for (const vlan of options.vlans ?? [{ id: 1, name: 'DEFAULT_VLAN', voice: false }])
      this.vlans.set(vlan.id, vlan);
    if (!this.vlans.has(1)) this.vlans.set(1, { id: 1, name: 'DEFAULT_VLAN', voice: false });
    this.ports = Array.from({ length: options.interfaceCount }, (_, index) => {
      const number = index + 1;
      return {
        name: cisco ? `GigabitEthernet1/0/${number}` : String(number),
        shortName: cisco ? `Gi1/0/${number}` : String(number),
        description: '',
        accessVlan: 1,
        voiceVlan: null,
        taggedVlans: [],
        accessMode: false,
        poe: this.poeCapable,
        edge: false,
        shutdown: false,
        lldpMedPolicy: true,
        device: null,
      };
    });
    for (const [name, config] of Object.entries(options.ports ?? {})) {
      const port = this.port(name);
      if (!port) throw new Error(`the switch has no interface ${name}`);
      Object.assign(port, config);
      for (const vlan of [port.accessVlan, port.voiceVlan, ...port.taggedVlans])
        if (vlan !== null) this.ensureVlan(vlan);
    }
    this.startup = this.snapshot();
  }

  private snapshot(): { ports: SimPort[]; vlans: Map<number, SimVlan> } {
    return {
      ports: this.ports.map((port) => ({
        ...port,
        taggedVlans: [...port.taggedVlans],
        device: null,
      })),
      vlans: new Map([...this.vlans].map(([id, vlan]) => [id, { ...vlan }])),
    };
  }

  /** The switch as its startup configuration describes it, for rendering `show startup-config`. */
  startupView(): SimulatedSwitch {
    const view = Object.create(this) as SimulatedSwitch;
    Object.defineProperty(view, 'ports', { value: this.startup.ports });
    Object.defineProperty(view, 'vlans', { value: this.startup.vlans });
    return view;
  }

  get vendor(): SwitchVendor {
    return this.identity.vendor;
  }

  /** Finds an interface by any name the switch accepts (`Gi1/0/5`, `GigabitEthernet1/0/5`, `5`). */
  port(name: string): SimPort | undefined {
    if (this.vendor === 'cisco_ios') {
      const match = CISCO_PORT.exec(name.trim());
      return match ? this.ports.find((p) => p.shortName === `Gi${match[1]}`) : undefined;
    }
    return this.ports.find((p) => p.name === name.trim());
  }

  ensureVlan(id: number): boolean {
    if (this.vlans.has(id)) return false;
    this.vlans.set(id, {
      id,
      name: id === 1 ? 'DEFAULT_VLAN' : `VLAN${String(id).padStart(4, '0')}`,
      voice: false,
    });
    return true;
  }

  uptimeSeconds(): number {
    return Math.floor((performance.now() - this.startedAt) / 1000) + 1_987_654;
  }

  /** A handset (or any device) is patched in: PoE, then link, then LLDP/CDP and MAC learning. */
  plugIn(interfaceName: string, device: PlugInDevice): void {
    const port = this.requirePort(interfaceName);
    if (port.device) this.unplug(interfaceName);
    port.device = deviceDefaults(device);
    if (port.shutdown) return;
    if (port.device.poweredByPoe) {
      if (!port.poe) return;
      this.emit({ kind: 'poe-detected', port });
      this.emit({ kind: 'poe-granted', port });
    }
    this.emit({ kind: 'link', port, up: true, adminDown: false });
  }

  unplug(interfaceName: string): void {
    const port = this.requirePort(interfaceName);
    const device = port.device;
    if (!device) return;
    const wasUp = this.linkUp(port);
    port.device = null;
    if (device.poweredByPoe && port.poe && !port.shutdown) this.emit({ kind: 'poe-removed', port });
    if (wasUp) this.emit({ kind: 'link', port, up: false, adminDown: false });
  }

  linkUp(port: SimPort): boolean {
    return port.device !== null && !port.shutdown && (port.poe || !port.device.poweredByPoe);
  }

  /** Configuration changes that move the link go through here so consoles hear about it. */
  setShutdown(port: SimPort, shutdown: boolean): void {
    if (port.shutdown === shutdown) return;
    const wasUp = this.linkUp(port);
    port.shutdown = shutdown;
    this.markChanged();
    if (shutdown) {
      if (wasUp && port.device?.poweredByPoe && port.poe) this.emit({ kind: 'poe-removed', port });
      this.emit({ kind: 'link', port, up: false, adminDown: true });
      return;
    }
    if (this.linkUp(port) && port.device?.poweredByPoe) {
      this.emit({ kind: 'poe-detected', port });
      this.emit({ kind: 'poe-granted', port });
    }
    this.emit({ kind: 'link', port, up: this.linkUp(port), adminDown: false });
  }

  setPoe(port: SimPort, poe: boolean): void {
    if (port.poe === poe) return;
    const wasUp = this.linkUp(port);
    port.poe = poe;
    this.markChanged();
    const isUp = this.linkUp(port);
    if (wasUp && !isUp) {
      this.emit({ kind: 'poe-removed', port });
      this.emit({ kind: 'link', port, up: false, adminDown: false });
    } else if (!wasUp && isUp) {
      this.emit({ kind: 'poe-detected', port });
      this.emit({ kind: 'poe-granted', port });
      this.emit({ kind: 'link', port, up: true, adminDown: false });
    }
  }

  markChanged(): void {
    this.unsavedChanges = true;
  }

  save(): void {
    this.unsavedChanges = false;
    this.startup = this.snapshot();
  }

  onEvent(listener: (event: SwitchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: SwitchEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Opens a console on the switch: bytes in, bytes out, as a serial line or SSH shell would. */
  openConsole(options: OpenConsoleOptions): SimConsoleEndpoint {
    const connection = new ConsoleConnection(this, options);
    this.consoles.add(connection);
    connection.endpoint.onClose(() => this.consoles.delete(connection));
    return connection.endpoint;
  }

  /** Puts raw bytes (garbage, stray escape codes) on every open console line, as a noisy line would. */
  lineNoise(bytes: string): void {
    for (const connection of this.consoles) connection.noise(bytes);
  }

  /** Noise after every `every` bytes each open console sends from now on, `bursts` times (see ConsoleConnection.noiseEvery). */
  noiseEvery(every: number, bytes: string, bursts: number): void {
    for (const connection of this.consoles) connection.noiseEvery(every, bytes, bursts);
  }

  close(): void {
    for (const connection of [...this.consoles]) connection.endpoint.close();
  }

  private requirePort(name: string): SimPort {
    const port = this.port(name);
    if (!port) throw new Error(`${this.identity.hostname} has no interface ${name}`);
    return port;
  }
}
