import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newHostKey, servePty, serveSsh } from '../../sim/switch';
import { LiveWorld } from '../../sim/world/live-world';
import { loadDemoWorld } from '../../sim/world/load';
import { createConfStore } from '../../jobs';
import { memoryHostKeyStore } from '../transports';
import { createCredentialVault } from './credentials';
import {
  createSwitchService,
  type SavedTranscript,
  type SwitchServiceOptions,
} from './switch-service';
import type { SwitchUpdate } from './live-switch';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const catalogue = loadDemoWorld().sites[0]!.roleCatalogue;
const role = (id: string) => catalogue.find((r) => r.id === id)!;
const CISCO = { jobId: 'job-1', switchId: 'lon-sw-2f-a' };
const SECRET = { username: 'admin', password: 'Tr0ub4dor-pass', enableSecret: 'en4ble-S3cret' };

function setUp(
  extra: Partial<SwitchServiceOptions> = {},
  credentials: typeof SECRET | null = null,
) {
  const live = new LiveWorld(loadDemoWorld(), { credentials });
  cleanups.push(() => live.close());
  const saved: SavedTranscript[] = [];
  const savedListeners = new Set<(t: SavedTranscript) => void>();
  const service = createSwitchService({
    credentials: createCredentialVault({}),
    openDemoConsole: (switchId) =>
      live.switchOf(switchId).openConsole({ baud: null, channel: 'console' }),
    saveTranscript: async (t) => {
      saved.push(t);
      for (const listener of savedListeners) listener(t);
    },
    coalesceMs: 10,
    ...extra,
  });
  cleanups.push(() => service.close());
  const nextSaved = () =>
    new Promise<SavedTranscript>((resolve) => {
      const listener = (t: SavedTranscript) => {
        savedListeners.delete(listener);
        resolve(t);
      };
      savedListeners.add(listener);
    });
  return { live, service, saved, nextSaved };
}

/** Collects updates and resolves when one matches. */
function collect(subscribe: (l: (u: SwitchUpdate[]) => void) => () => void) {
  const all: SwitchUpdate[] = [];
  const batches: SwitchUpdate[][] = [];
  const waiters: { test: (u: SwitchUpdate) => boolean; resolve: (u: SwitchUpdate) => void }[] = [];
  // The console's text as a terminal gets it: a line may come split over any updates.
  let consoleText = '';
  const consoleWaiters: { text: string; resolve: () => void }[] = [];
  const stop = subscribe((batch) => {
    batches.push(batch);
    all.push(...batch);
    for (const update of batch) {
      if (update.kind === 'console') consoleText += update.text;
      for (const waiter of [...waiters])
        if (waiter.test(update)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(update);
        }
    }
    for (const waiter of [...consoleWaiters])
      if (consoleText.includes(waiter.text)) {
        consoleWaiters.splice(consoleWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  });
  cleanups.push(stop);
  return {
    all,
    batches,
    until: (test: (u: SwitchUpdate) => boolean) =>
      new Promise<SwitchUpdate>((resolve) => {
        const found = all.find(test);
        if (found) resolve(found);
        else waiters.push({ test, resolve });
      }),
    /** Once the console showed `text`, however its bytes were split into updates. */
    untilConsole: (text: string) =>
      new Promise<void>((resolve) => {
        if (consoleText.includes(text)) resolve();
        else consoleWaiters.push({ text, resolve });
      }),
  };
}

describe('switch service over the demo switch in-process', () => {
  it('connects, identifies the switch and reads every port', async () => {
    const { service } = setUp();
    const view = await service.connect({ ...CISCO, vendor: 'cisco_ios', route: { kind: 'demo' } });
    expect(view.identity).toMatchObject({ hostname: 'sw-2f-a', model: 'WS-C2960X-24PS-L' });
    const ports = service.ports(CISCO);
    expect(ports).toHaveLength(24);
    expect(ports[0]).toMatchObject({ interfaceName: 'Gi1/0/1', number: 1, link: 'down' });
  });

  it('keeps one session per switch per job, even when asked twice at once', async () => {
    const { service } = setUp();
    const request = { ...CISCO, vendor: 'cisco_ios' as const, route: { kind: 'demo' as const } };
    const [a, b] = await Promise.all([service.connect(request), service.connect(request)]);
    expect(a.openedAt).toBe(b.openedAt);
    expect(service.sessions()).toHaveLength(1);
    await service.connect({ ...request, jobId: 'job-2' });
    expect(service.sessions()).toHaveLength(2);
    expect(service.sessions('job-2')).toHaveLength(1);
  });

  it('tells a subscriber the link came up, then the PoE draw and LLDP-MED neighbour', async () => {
    const { service, live } = setUp();
    await service.connect({ ...CISCO, vendor: 'cisco_ios', route: { kind: 'demo' } });
    const updates = collect((l) => service.subscribe(CISCO, l));
    live.plug('hs-bw-1', 'lon-shoreditch-2F-001');
    const link = await updates.until((u) => u.kind === 'link');
    expect(link).toMatchObject({ kind: 'link', event: { interfaceName: 'Gi1/0/1', link: 'up' } });
    const port = await updates.until((u) => u.kind === 'port' && u.port.neighbour !== null);
    expect(port).toMatchObject({
      port: {
        interfaceName: 'Gi1/0/1',
        link: 'up',
        poe: { state: 'delivering' },
        neighbour: { mac: '80:5e:c0:2f:01:01' },
        macs: ['80:5e:c0:2f:01:01'],
      },
    });
    live.unplug('hs-bw-1');
    await updates.until((u) => u.kind === 'link' && u.event.link === 'down');
  });

  it('previews the exact minimal commands, applies them, verifies, and sends nothing when already right', async () => {
    const { service, live } = setUp();
    await service.connect({ ...CISCO, vendor: 'cisco_ios', route: { kind: 'demo' } });
    const preview = await service.previewRole(CISCO, 'Gi1/0/2', role('voice-pc'));
    expect(preview.alreadyRight).toBe(false);
    expect(preview.commands).toContain('switchport voice vlan 20');
    const result = await service.applyRole(CISCO, 'Gi1/0/2', role('voice-pc'));
    expect(result).toMatchObject({ changed: true, verified: true, commands: preview.commands });
    expect(live.switchOf('lon-sw-2f-a').port('Gi1/0/2')!.voiceVlan).toBe(20);
    const inspected = await service.inspectRole(CISCO, 'Gi1/0/2', role('voice-pc'), catalogue);
    expect(inspected.roleOnSwitch).toBe('voice-pc');
    expect(inspected.preview.alreadyRight).toBe(true);

    const again = await service.applyRole(CISCO, 'Gi1/0/2', role('voice-pc'));
    expect(again).toMatchObject({ changed: false, verified: true, commands: [] });
    expect(again.transcript.some((e) => e.direction === 'tx' && /configure/.test(e.text))).toBe(
      false,
    );
  });

  it('saves the transcript when the engineer disconnects, and every session on quit', async () => {
    const { service, saved } = setUp();
    await service.connect({ ...CISCO, vendor: 'cisco_ios', route: { kind: 'demo' } });
    await service.connect({
      jobId: 'job-1',
      switchId: 'nyc-sw-4f-a',
      vendor: 'aruba_aoss',
      route: { kind: 'demo' },
    });
    await service.disconnect(CISCO);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      switchId: 'lon-sw-2f-a',
      hostname: 'sw-2f-a',
      reason: 'closed',
    });
    expect(saved[0]!.text).toContain('show version');
    await service.close();
    expect(saved.map((t) => [t.switchId, t.reason])).toEqual([
      ['lon-sw-2f-a', 'closed'],
      ['nyc-sw-4f-a', 'quit'],
    ]);
    expect(() => service.ports(CISCO)).toThrow(/not connected/);
  });

  it('closes a session nobody uses and saves its transcript', async () => {
    const { service, nextSaved } = setUp({ idleCloseMs: 30 });
    const idle = nextSaved();
    await service.connect({ ...CISCO, vendor: 'cisco_ios', route: { kind: 'demo' } });
    expect((await idle).reason).toBe('idle');
    expect(service.sessions()).toHaveLength(0);
  });

  it('is read-only until the engineer takes control; typing then reaches the switch', async () => {
    const { service } = setUp();
    await service.connect({ ...CISCO, vendor: 'cisco_ios', route: { kind: 'demo' } });
    const updates = collect((l) => service.subscribe(CISCO, l));
    await expect(service.type(CISCO, 'show clock\r')).rejects.toMatchObject({
      code: 'CONSOLE_READ_ONLY',
    });
    service.takeControl(CISCO, 'engineer');
    await service.type(CISCO, 'show version\r');
    await updates.until((u) => u.kind === 'console' && /Cisco IOS Software/.test(u.text));
    await service.releaseControl(CISCO);
    expect(service.transcriptText(CISCO)).toContain('engineer took control');
    // Dialtone can drive the line again afterwards.
    expect(await service.readPorts(CISCO)).toHaveLength(24);
  });

  it('coalesces a flood of console bytes into few deliveries', async () => {
    const { service, live } = setUp({ coalesceMs: 50 });
    await service.connect({ ...CISCO, vendor: 'cisco_ios', route: { kind: 'demo' } });
    const updates = collect((l) => service.subscribe(CISCO, l));
    const sw = live.switchOf('lon-sw-2f-a');
    for (let i = 0; i < 2000; i += 1) sw.lineNoise('x');
    sw.lineNoise('END-OF-FLOOD');
    await updates.until((u) => u.kind === 'console' && u.text.includes('END-OF-FLOOD'));
    const text = updates.all.map((u) => (u.kind === 'console' ? u.text : '')).join('');
    expect(text.split('x').length - 1).toBe(2000);
    expect(updates.batches.length).toBeLessThan(20);
  });
});

describe('switch credentials stay in main', () => {
  it('keeps the password out of every update and transcript, over a real PTY', async () => {
    const live = new LiveWorld(loadDemoWorld(), { credentials: SECRET });
    cleanups.push(() => live.close());
    const pty = await servePty(live.switchOf('lon-sw-2f-a'), {
      path: join(tmpdir(), `dialtone-svc-${randomUUID()}`),
      baud: 38_400,
    });
    cleanups.push(() => pty.close());
    const saved: SavedTranscript[] = [];
    const service = createSwitchService({
      credentials: createCredentialVault({}),
      saveTranscript: async (t) => void saved.push(t),
      coalesceMs: 10,
    });
    cleanups.push(() => service.close());
    const view = await service.connect({
      ...CISCO,
      vendor: 'cisco_ios',
      route: { kind: 'serial', path: pty.path, baudRate: 38_400 },
      login: SECRET,
    });
    expect(view.route).toBe('serial');
    const updates = collect((l) => service.subscribe(CISCO, l));
    service.takeControl(CISCO, 'engineer');
    // The engineer makes the switch print the secret back.
    await service.type(CISCO, `show running-config | include ${SECRET.password}\r`);
    await updates.untilConsole('include');
    await service.releaseControl(CISCO);
    expect(service.hasLogin('lon-sw-2f-a')).toBe(true);
    await service.disconnect(CISCO);
    const everything = JSON.stringify({ updates: updates.all, saved, views: service.sessions() });
    expect(everything).not.toContain(SECRET.password);
    expect(everything).not.toContain(SECRET.enableSecret);
    expect(saved[0]!.text).toContain('<secret>');

    // Asked once: the second connection needs no login from the screen.
    await service.connect({
      ...CISCO,
      vendor: 'cisco_ios',
      route: { kind: 'serial', path: pty.path, baudRate: 38_400 },
    });
    expect(service.ports(CISCO)).toHaveLength(24);
  });

  it('stores logins encrypted with a cipher, and never on disk without one', () => {
    const directory = mkdtempSync(join(tmpdir(), 'dialtone-vault-'));
    const store = createConfStore(directory);
    const cipher = {
      encrypt: (plain: string) => Buffer.from(plain).reverse().toString('base64'),
      decrypt: (stored: string) => Buffer.from(stored, 'base64').reverse().toString(),
    };
    const encrypted = createCredentialVault({ store, cipher });
    expect(encrypted.keeping).toBe('encrypted');
    encrypted.remember('lon-sw-2f-a', SECRET);
    expect(createCredentialVault({ store, cipher }).get('lon-sw-2f-a')).toEqual(SECRET);

    // A console line that asked for no login leaves nothing worth holding, now or from an earlier version.
    encrypted.remember('lon-sw-3f-a', { username: '', password: '' });
    expect(encrypted.get('lon-sw-3f-a')).toBeNull();
    store.set('switchCredentials', {
      ...(store.get('switchCredentials') as Record<string, string>),
      'lon-sw-3f-a': cipher.encrypt(JSON.stringify({ username: '', password: '' })),
    });
    const reloaded = createCredentialVault({ store, cipher });
    expect(reloaded.get('lon-sw-3f-a')).toBeNull();
    expect(reloaded.get('lon-sw-2f-a')).toEqual(SECRET);

    const memoryOnly = createCredentialVault({ store });
    expect(memoryOnly.keeping).toBe('memory');
    memoryOnly.remember('nyc-sw-4f-a', { username: 'manager', password: 'plain-Secret-99' });

    const files = readdirSync(directory, { recursive: true, encoding: 'utf8' })
      .map((name) => join(directory, name))
      .filter((path) => statSync(path).isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      expect(text).not.toContain(SECRET.password);
      expect(text).not.toContain('plain-Secret-99');
    }
  });
});

describe('trusting a changed SSH host key', () => {
  it('keeps the old key pinned, and the refusal standing, when its record cannot be written', async () => {
    const hostKeys = memoryHostKeyStore();
    const { live, service } = setUp({ hostKeys }, SECRET);
    const connectWith = async (hostKey: string) => {
      const server = await serveSsh(live.switchOf(CISCO.switchId), { port: 0, hostKey });
      cleanups.push(() => server.close());
      return service
        .connect({
          ...CISCO,
          vendor: 'cisco_ios',
          route: { kind: 'ssh', host: server.host, port: server.port, username: SECRET.username },
          login: SECRET,
        })
        .catch((error) => error);
    };
    await connectWith(newHostKey());
    await service.disconnect(CISCO);
    const pinned = (await hostKeys.get(CISCO.switchId))!.fingerprint;
    const refused = await connectWith(newHostKey());
    expect(refused).toMatchObject({ code: 'SWITCH_HOST_KEY_CHANGED' });
    const presented = refused.detail.presented as string;

    const failed = await service
      .trustHostKey(CISCO.switchId, presented, async () => {
        throw new Error('the journal could not be written');
      })
      .catch((error: Error) => error);
    expect(failed).toMatchObject({ message: 'the journal could not be written' });
    expect((await hostKeys.get(CISCO.switchId))!.fingerprint).toBe(pinned);

    const recorded: unknown[] = [];
    const change = await service.trustHostKey(CISCO.switchId, presented, async (c) => {
      recorded.push(c);
    });
    expect(change).toEqual({ switchId: CISCO.switchId, pinned, presented });
    expect(recorded).toEqual([change]);
    expect((await hostKeys.get(CISCO.switchId))!.fingerprint).toBe(presented);
  });
});
