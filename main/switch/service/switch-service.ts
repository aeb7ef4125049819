import { CodedError } from '../../../shared/errors';
import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import type { PortFacts, SwitchIdentityView } from '../../../shared/switch/facts';
import type { PortRoleResult } from '../operations';
import type { SwitchLogin } from '../session';
import {
  connectInProcess,
  listSerialPorts,
  openSerialTransport,
  openSshTransport,
  type HostKeyStore,
  type InProcessEndpoint,
  type SerialPortInfo,
  type Transport,
} from '../transports';
import type { SwitchCredentialVault } from './credentials';
import { LiveSwitch, type RolePreview, type SwitchListener } from './live-switch';

/** How to reach a switch. */
export type SwitchRoute =
  | { kind: 'demo' }
  /** `auto`: the console's speed is found by listening at the common speeds (no reopening). */
  | { kind: 'serial'; path: string; baudRate: number | 'auto' }
  | { kind: 'ssh'; host: string; port: number; username: string };

export interface SessionKey {
  jobId: string;
  switchId: string;
}

export interface SwitchSessionView {
  jobId: string;
  switchId: string;
  vendor: SwitchVendor;
  route: SwitchRoute['kind'];
  /** e.g. `/dev/ttyUSB0 at 9600 baud`. */
  label: string;
  identity: SwitchIdentityView;
  openedAt: string;
  controller: string | null;
  /** A serial line's speed, and whether it was found by listening rather than given. */
  serial: SerialLine | null;
}

export interface SerialLine {
  path: string;
  baudRate: number;
  found: boolean;
}

/** A session's redacted transcript, handed to whoever keeps it with the job. */
export interface SavedTranscript {
  jobId: string;
  switchId: string;
  hostname: string;
  startedAt: string;
  endedAt: string;
  bytes: { tx: number; rx: number };
  text: string;
  /** Why the session ended: closed by the engineer, idle, app quit, or the line dropped. */
  reason: 'closed' | 'idle' | 'quit' | 'dropped';
}

export interface SwitchServiceOptions {
  credentials: SwitchCredentialVault;
  /** The demo's in-process switch consoles; absent when there is no demo equipment. */
  openDemoConsole?: (switchId: string) => InProcessEndpoint;
  /** Keeps a finished session's transcript with its job (journal + file). */
  saveTranscript: (transcript: SavedTranscript) => Promise<void>;
  now?: () => Date;
  /** A session nobody used for this long is closed (and its transcript saved). */
  idleCloseMs?: number;
  coalesceMs?: number;
  /** For tests: other ways to open serial/SSH lines. */
  openSerial?: typeof openSerialTransport;
  openSsh?: typeof openSshTransport;
  listPorts?: () => Promise<SerialPortInfo[]>;
  /**
   * SSH host keys pinned per switch on first use, kept by the caller (the app: a file in its
   * data folder). A changed key is refused before the login is offered. Without a store,
   * any key is taken.
   */
  hostKeys?: HostKeyStore;
}

/** A changed SSH host key, as refused: both fingerprints (`SHA256:…`), for the engineer to compare. */
export interface HostKeyChange {
  switchId: string;
  pinned: string;
  presented: string;
}

export interface ConnectRequest extends SessionKey {
  vendor: SwitchVendor;
  route: SwitchRoute;
  /** Given the first time (or when the stored one was refused); otherwise the vault's. */
  login?: SwitchLogin;
}

export interface SwitchService {
  listSerialPorts(): Promise<SerialPortInfo[]>;
  /** Whether a login for the switch is already held (so the screen does not ask again). */
  hasLogin(switchId: string): boolean;
  readonly credentialKeeping: SwitchCredentialVault['keeping'];
  /** Opens (or returns the open) session for one switch in one job. */
  connect(request: ConnectRequest): Promise<SwitchSessionView>;
  sessions(jobId?: string): SwitchSessionView[];
  ports(key: SessionKey): PortFacts[];
  readPorts(key: SessionKey): Promise<PortFacts[]>;
  previewRole(key: SessionKey, interfaceName: string, role: PortRole): Promise<RolePreview>;
  inspectRole(
    key: SessionKey,
    interfaceName: string,
    needed: PortRole,
    catalogue: readonly PortRole[],
  ): ReturnType<LiveSwitch['inspectRole']>;
  applyRole(key: SessionKey, interfaceName: string, role: PortRole): Promise<PortRoleResult>;
  subscribe(key: SessionKey, listener: SwitchListener): () => void;
  takeControl(key: SessionKey, who: string): void;
  releaseControl(key: SessionKey): Promise<void>;
  type(key: SessionKey, text: string): Promise<{ secret: boolean; recorded: string }>;
  /** The live, redacted transcript so far (the console panel's scroll-back). */
  transcriptText(key: SessionKey): string;
  /** What the console showed so far, redacted, as a terminal would show it. */
  consoleText(key: SessionKey): string;
  disconnect(key: SessionKey): Promise<void>;
  /**
   * The engineer's "trust the new key" after a refusal: pins the key the switch presented
   * then, in place of the old one, so the next connection goes through. Only that key: a
   * fingerprint this service did not just refuse for the switch is not taken. `journal`
   * records the change; if it fails, the old key is pinned again and the refusal stands,
   * so a key is never trusted without its record.
   */
  trustHostKey(
    switchId: string,
    fingerprint: string,
    journal: (change: HostKeyChange) => Promise<void>,
  ): Promise<HostKeyChange>;
  /** Closes every session, saving each transcript (app quit). */
  close(): Promise<void>;
}

const keyOf = ({ jobId, switchId }: SessionKey) => `${jobId}\u0000${switchId}`;

/**
 * Console sessions to switches, one per switch per job: opened over serial, SSH or the
 * demo's in-process switch, closed when idle or on quit, each transcript saved to its job.
 */
export function createSwitchService(options: SwitchServiceOptions): SwitchService {
  const now = options.now ?? (() => new Date());
  const idleCloseMs = options.idleCloseMs ?? 15 * 60_000;
  const coalesceMs = options.coalesceMs ?? 40;
  interface Entry {
    key: SessionKey;
    route: SwitchRoute;
    sw: LiveSwitch;
    serial: SerialLine | null;
  }
  const live = new Map<string, Entry>();
  const opening = new Map<string, Promise<SwitchSessionView>>();
  const closing = new Map<string, Promise<void>>();
  // The last host key refused per switch: what "trust the new key" may pin.
  const refusedKeys = new Map<string, HostKeyChange>();

  const idleTimer = setInterval(
    () => {
      const cutoff = Date.now() - idleCloseMs;
      for (const [id, entry] of live)
        if (entry.sw.lastUsedAt < cutoff && entry.sw.subscriberCount === 0) void finish(id, 'idle');
    },
    Math.min(idleCloseMs, 60_000),
  );
  idleTimer.unref();

  function viewOf(entry: Entry): SwitchSessionView {
    return {
      ...entry.key,
      vendor: entry.sw.vendor,
      route: entry.route.kind,
      label: entry.sw.label,
      identity: entry.sw.identity,
      openedAt: entry.sw.startedAt.toISOString(),
      controller: entry.sw.controller,
      serial: entry.serial,
    };
  }

  function entryOf(key: SessionKey) {
    const entry = live.get(keyOf(key));
    if (!entry || entry.sw.isClosed)
      throw new CodedError(
        'SWITCH_NOT_CONNECTED',
        `Dialtone is not connected to switch ${key.switchId} for this job. Connect to it first.`,
        { switchId: key.switchId },
      );
    return entry;
  }

  async function finish(id: string, reason: SavedTranscript['reason']): Promise<void> {
    const entry = live.get(id);
    if (!entry) return closing.get(id);
    live.delete(id);
    const work = (async () => {
      await entry.sw.close().catch(() => undefined);
      await options.saveTranscript({
        ...entry.key,
        hostname: entry.sw.identity.hostname,
        startedAt: entry.sw.startedAt.toISOString(),
        endedAt: now().toISOString(),
        bytes: entry.sw.bytes,
        text: entry.sw.transcript.toText(),
        reason,
      });
    })().finally(() => closing.delete(id));
    closing.set(id, work);
    return work;
  }

  async function openTransport(
    request: ConnectRequest,
    login: SwitchLogin,
  ): Promise<{ transport: Transport; serial: SerialLine | null }> {
    const { route } = request;
    switch (route.kind) {
      case 'demo': {
        if (!options.openDemoConsole)
          throw new CodedError(
            'SWITCH_NO_DEMO',
            'There is no demo switch here: connect over the console cable or SSH.',
          );
        return {
          transport: connectInProcess(options.openDemoConsole(request.switchId), 'demo switch'),
          serial: null,
        };
      }
      case 'serial': {
        const transport = await (options.openSerial ?? openSerialTransport)({
          path: route.path,
          baudRate: route.baudRate,
        });
        return {
          transport,
          serial: {
            path: route.path,
            baudRate: transport.baudRate,
            found: route.baudRate === 'auto',
          },
        };
      }
      case 'ssh': {
        const hostKeys = options.hostKeys;
        try {
          const transport = await (options.openSsh ?? openSshTransport)({
            host: route.host,
            port: route.port,
            username: route.username,
            password: login.password,
            ...(hostKeys ? { hostKeys: { store: hostKeys, switchKey: request.switchId } } : {}),
          });
          refusedKeys.delete(request.switchId);
          return { transport, serial: null };
        } catch (error) {
          if (error instanceof CodedError && error.code === 'SWITCH_HOST_KEY_CHANGED') {
            const { pinned, presented } = error.detail as { pinned: string; presented: string };
            const change = { switchId: request.switchId, pinned, presented };
            refusedKeys.set(request.switchId, change);
            throw new CodedError(error.code, error.message, change);
          }
          throw error;
        }
      }
    }
  }

  async function open(request: ConnectRequest): Promise<SwitchSessionView> {
    const id = keyOf(request);
    await closing.get(id);
    const login = request.login ??
      options.credentials.get(request.switchId) ?? { username: '', password: '' };
    const secrets = () => {
      const all = options.credentials.secrets();
      if (request.login) {
        all.push(request.login.password);
        if (request.login.enableSecret) all.push(request.login.enableSecret);
      }
      return all.filter((s) => s.length > 0);
    };
    const { transport, serial } = await openTransport(request, login);
    let sw: LiveSwitch;
    try {
      sw = await LiveSwitch.open({
        transport,
        vendor: request.vendor,
        login,
        secrets,
        now,
        coalesceMs,
      });
    } catch (error) {
      await transport.close().catch(() => undefined);
      throw error;
    }
    if (request.login) options.credentials.remember(request.switchId, request.login);
    const entry: Entry = {
      key: { jobId: request.jobId, switchId: request.switchId },
      route: request.route,
      sw,
      serial,
    };
    live.set(id, entry);
    transport.onClose((closed) => {
      if (closed.by !== 'local' && live.get(id) === entry) void finish(id, 'dropped');
    });
    return viewOf(entry);
  }

  return {
    listSerialPorts: () => (options.listPorts ?? listSerialPorts)(),
    hasLogin: (switchId) => options.credentials.get(switchId) !== null,
    credentialKeeping: options.credentials.keeping,

    connect(request) {
      const id = keyOf(request);
      const existing = live.get(id);
      if (existing && !existing.sw.isClosed) return Promise.resolve(viewOf(existing));
      let pending = opening.get(id);
      if (!pending) {
        pending = open(request).finally(() => opening.delete(id));
        opening.set(id, pending);
      }
      return pending;
    },

    sessions: (jobId) =>
      [...live.values()].filter((e) => jobId === undefined || e.key.jobId === jobId).map(viewOf),
    ports: (key) => entryOf(key).sw.portList(),
    readPorts: (key) => entryOf(key).sw.readPorts(),
    previewRole: (key, interfaceName, role) => entryOf(key).sw.previewRole(interfaceName, role),
    inspectRole: (key, interfaceName, needed, catalogue) =>
      entryOf(key).sw.inspectRole(interfaceName, needed, catalogue),
    applyRole: (key, interfaceName, role) => entryOf(key).sw.applyRole(interfaceName, role),
    subscribe: (key, listener) => entryOf(key).sw.subscribe(listener),
    takeControl: (key, who) => entryOf(key).sw.takeControl(who),
    releaseControl: (key) => entryOf(key).sw.releaseControl(),
    async type(key, text) {
      const { sw } = entryOf(key);
      if (sw.controller === null)
        throw new CodedError(
          'CONSOLE_READ_ONLY',
          'The console is read-only: take control before typing.',
        );
      return sw.type(text);
    },
    transcriptText: (key) => entryOf(key).sw.transcript.toText(),
    consoleText: (key) => entryOf(key).sw.consoleText(),
    disconnect: (key) => finish(keyOf(key), 'closed'),
    async trustHostKey(switchId, fingerprint, journal) {
      const refused = refusedKeys.get(switchId);
      const hostKeys = options.hostKeys;
      if (!hostKeys || !refused || refused.presented !== fingerprint)
        throw new CodedError(
          'SWITCH_HOST_KEY_NOT_REFUSED',
          `Dialtone has not just refused the SSH host key ${fingerprint} for switch ${switchId}, so it will not trust it. Connect again, and compare the key it shows.`,
          { switchId, fingerprint },
        );
      await hostKeys.pin(switchId, fingerprint);
      try {
        await journal(refused);
      } catch (error) {
        await hostKeys.pin(switchId, refused.pinned);
        throw error;
      }
      refusedKeys.delete(switchId);
      return refused;
    },
    async close() {
      clearInterval(idleTimer);
      await Promise.all([...opening.values()].map((p) => p.catch(() => undefined)));
      await Promise.all([...live.keys()].map((id) => finish(id, 'quit')));
      await Promise.all([...closing.values()]);
    },
  };
}
