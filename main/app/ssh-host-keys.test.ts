import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeReply } from '../../shared/ipc';
import type { BundleView } from '../../shared/ipc/channels/bundles';
import type { JobView } from '../../shared/jobs';
import { newHostKey, serveSsh } from '../sim/switch';
import { LiveWorld } from '../sim/world/live-world';
import { loadDemoWorld } from '../sim/world/load';
import type { AppServices } from './services';
import { startDemoApp } from './test-support/demo-app';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const LOGIN = { username: 'admin', password: 'pinned-Pass-1', enableSecret: 'pinned-En-1' };
const SWITCH = 'lon-sw-2f-a';

async function app(directory: string): Promise<AppServices> {
  const services = await startDemoApp(directory);
  cleanups.push(() => services.close());
  return services;
}

/** The site's switch over SSH on loopback, answering with the given host key. */
async function switchWithKey(world: LiveWorld, hostKey: string) {
  const server = await serveSsh(world.switchOf(SWITCH), { port: 0, hostKey });
  cleanups.push(() => server.close());
  return server;
}

async function call(services: AppServices, channel: string, request: unknown): Promise<unknown> {
  const reply: BridgeReply = await services.router.dispatch(channel, request);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
  return reply.response;
}

describe('SSH host keys in the app: pinned per site switch, a change refused, trusted on request', () => {
  it('pins on first connect, refuses a changed key with both fingerprints, trusts the new key once asked, across restarts', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'dialtone-host-keys-'));
    const world = new LiveWorld(loadDemoWorld(), { credentials: LOGIN });
    cleanups.push(() => world.close());
    const original = newHostKey();
    const replaced = newHostKey();

    let services = await app(directory);
    const job = (await call(services, 'jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    })) as JobView;
    const jobId = job.state.jobId;
    const connect = (port: number) =>
      call(services, 'switch:connect', {
        jobId,
        switchId: SWITCH,
        route: { kind: 'ssh', host: '127.0.0.1', port },
        login: LOGIN,
      });
    const disconnect = () => call(services, 'switch:disconnect', { jobId, switchId: SWITCH });

    // First use: the key is pinned with the switch, in the data folder.
    const first = await switchWithKey(world, original);
    await connect(first.port);
    await disconnect();
    const pinnedFile = join(directory, 'switch-host-keys.json');
    const pinned = (
      JSON.parse(readFileSync(pinnedFile, 'utf8')) as Record<string, { fingerprint: string }>
    )[SWITCH]!.fingerprint;
    expect(pinned).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);

    // The switch now answers with another key: refused, both fingerprints named, nothing logged in.
    const second = await switchWithKey(world, replaced);
    const refused = (await connect(second.port).catch((e) => e)) as {
      code: string;
      message: string;
      detail: { switchId: string; pinned: string; presented: string };
    };
    expect(refused.code).toBe('SWITCH_HOST_KEY_CHANGED');
    expect(refused.detail).toMatchObject({ switchId: SWITCH, pinned });
    const presented = refused.detail.presented;
    expect(presented).toMatch(/^SHA256:/);
    expect(presented).not.toBe(pinned);
    expect(refused.message).toContain(pinned);
    expect(refused.message).toContain(presented);
    expect(refused.message).not.toMatch(/DIALTONE_|--trust/);
    const overview = (await call(services, 'switch:overview', { jobId })) as {
      switches: { switchId: string; session: unknown }[];
    };
    expect(overview.switches.find((s) => s.switchId === SWITCH)!.session).toBeNull();

    // After a restart the pin holds: still refused.
    await services.close();
    services = await app(directory);
    const again = (await connect(second.port).catch((e) => e)) as { code: string; detail: unknown };
    expect(again).toMatchObject({ code: 'SWITCH_HOST_KEY_CHANGED', detail: { pinned, presented } });

    // Only the key just refused can be trusted.
    const wrong = await call(services, 'switch:trustHostKey', {
      jobId,
      switchId: SWITCH,
      fingerprint: pinned,
    }).catch((e) => e);
    expect(wrong).toMatchObject({ code: 'SWITCH_HOST_KEY_NOT_REFUSED' });

    const before = new Date().toISOString();
    await call(services, 'switch:trustHostKey', {
      jobId,
      switchId: SWITCH,
      fingerprint: presented,
    });
    // The job's journal says who trusted which key in place of which, and when.
    const trusted = (await services.jobs.jobs.events(jobId)).filter(
      (event) => event.type === 'SwitchHostKeyTrusted',
    );
    expect(trusted).toEqual([
      expect.objectContaining({
        actor: 'engineer',
        payload: { switchId: SWITCH, oldFingerprint: pinned, newFingerprint: presented },
      }),
    ]);
    expect(trusted[0]!.time >= before).toBe(true);
    // And a support bundle's timeline says it in words.
    const exported = (await call(services, 'bundles:export', { jobId, anonymise: false })) as {
      fileName: string;
      data: string;
    };
    const bundle = (await call(services, 'bundles:open', {
      fileName: exported.fileName,
      data: exported.data,
    })) as BundleView;
    expect(bundle.timeline.map((entry) => entry.title)).toContain(
      `New SSH host key of ${SWITCH} trusted: ${presented} pinned in place of ${pinned}`,
    );
    await connect(second.port);
    await disconnect();
    expect(
      (JSON.parse(readFileSync(pinnedFile, 'utf8')) as Record<string, { fingerprint: string }>)[
        SWITCH
      ],
    ).toMatchObject({ fingerprint: presented });

    // And a new instance keeps the new key: the old one is the stranger now.
    await services.close();
    services = await app(directory);
    await connect(second.port);
    await disconnect();
    const back = await switchWithKey(world, original);
    expect(await connect(back.port).catch((e) => e.code)).toBe('SWITCH_HOST_KEY_CHANGED');
  });
});
