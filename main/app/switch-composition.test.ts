import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CablingView, RolesView, SwitchOverview, SwitchOverviewItem } from '../../shared/ipc';
import type { JobView } from '../../shared/jobs';
import { waitFor } from '../sim/platform/test-support/test-platform';
import { servePty } from '../sim/switch';
import { LiveWorld } from '../sim/world/live-world';
import { loadDemoWorld } from '../sim/world/load';
import { createAppServices, type AppServices, type AppServicesOptions } from './services';
import { startDemoApp } from './test-support/demo-app';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Harness {
  services: AppServices;
  directory: string;
  /** Everything the bridge sent: replies and events. */
  sent: unknown[];
  call<T>(channel: string, request: unknown): Promise<T>;
  /** Asks `channel` again on every switch:changed until `test` passes. */
  until<T>(channel: string, request: unknown, test: (value: T) => boolean): Promise<T>;
}

async function start(extra: Pick<AppServicesOptions, 'demoConsoles'> = {}): Promise<Harness> {
  const directory = mkdtempSync(join(tmpdir(), 'dialtone-switch-app-'));
  const services = await startDemoApp(directory, extra);
  cleanups.push(() => services.close());
  const sent: unknown[] = [];
  const changed = new Set<() => void>();
  cleanups.push(
    services.router.subscribe((event, payload) => {
      sent.push({ event, payload });
      if (event === 'switch:changed') for (const wake of [...changed]) wake();
    }),
  );
  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const reply = await services.router.dispatch(channel, request);
    sent.push(reply);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.response as T;
  };
  const until = <T>(channel: string, request: unknown, test: (value: T) => boolean) =>
    new Promise<T>((resolve, reject) => {
      let busy = false;
      let again = false;
      const timer = setTimeout(() => {
        changed.delete(look);
        reject(new Error(`${channel} never passed the test`));
      }, 10_000);
      async function look() {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          const value = await call<T>(channel, request);
          if (test(value)) {
            clearTimeout(timer);
            changed.delete(look);
            resolve(value);
          }
        } finally {
          busy = false;
          if (again) {
            again = false;
            void look();
          }
        }
      }
      changed.add(look);
      void look();
    });
  return { services, directory, sent, call, until };
}

const action = () => `act-${randomUUID()}`;

describe('the switch half of a demo job, through the bridge', () => {
  it('connects, ticks cabling from the switch, names a mis-cabled handset, applies and verifies roles, saves the transcript', async () => {
    const { call, until } = await start();
    const job = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    const jobId = job.state.jobId;
    const overview = await call<SwitchOverview>('switch:overview', { jobId });
    expect(overview.demo).toBe(true);
    expect(overview.switches.map((s) => s.switchId)).toEqual(['lon-sw-2f-a', 'lon-sw-3f-a']);

    const connected = await call<SwitchOverviewItem>('switch:connect', {
      jobId,
      switchId: 'lon-sw-2f-a',
      route: { kind: 'demo' },
    });
    expect(connected.identification?.check).toEqual({ matches: true, differences: [] });
    expect(connected.changesAllowed).toBe(true);

    const plan = await call<CablingView>('switch:cabling', { jobId });
    expect(plan.handsets.map((h) => [h.handsetId, h.floorPortLabel, h.outcome])).toEqual([
      ['hs-bw-1', '2F-001', 'notSeen'],
      ['hs-bw-2', '2F-002', 'notSeen'],
      ['hs-bw-3', '2F-003', 'notSeen'],
    ]);
    expect(plan.done).toBe(false);

    await call('switch:demoPlug', {
      jobId,
      handsetId: 'hs-bw-1',
      floorPortId: 'lon-shoreditch-2F-001',
    });
    await call('switch:demoPlug', {
      jobId,
      handsetId: 'hs-bw-2',
      floorPortId: 'lon-shoreditch-2F-002',
    });
    // Into the wrong socket.
    await call('switch:demoPlug', {
      jobId,
      handsetId: 'hs-bw-3',
      floorPortId: 'lon-shoreditch-2F-004',
    });
    const seen = await until<CablingView>('switch:cabling', { jobId }, (view) =>
      view.handsets.every((h) => h.outcome !== 'notSeen'),
    );
    const [one, , three] = seen.handsets;
    expect(one).toMatchObject({
      outcome: 'ok',
      observed: {
        interfaceName: 'Gi1/0/1',
        link: 'up',
        poe: 'delivering',
        neighbour: { mac: '80:5e:c0:2f:01:01' },
      },
    });
    expect(three).toMatchObject({
      outcome: 'wrongPort',
      observed: { interfaceName: 'Gi1/0/4', floorPortLabel: '2F-004' },
    });
    expect(seen.done).toBe(false);

    // "Fix the plan": the handset stays where it is.
    const fixed = await call<CablingView>('switch:planCabling', {
      jobId,
      actionId: action(),
      handsetId: 'hs-bw-3',
      floorPortId: 'lon-shoreditch-2F-004',
    });
    expect(fixed.handsets[2]).toMatchObject({
      floorPortLabel: '2F-004',
      planSource: 'engineer',
      outcome: 'ok',
    });
    expect(fixed.done).toBe(true);

    const roles = await call<RolesView>('switch:roles', { jobId });
    expect(roles.rows.map((r) => [r.label, r.switchRoleId, r.neededRoleId])).toEqual([
      ['2F-001', null, 'voice-pc'],
      ['2F-002', null, 'voice-pc'],
      ['2F-004', null, 'voice-pc'],
    ]);
    expect(roles.rows[0]!.preview?.commands).toContain('switchport voice vlan 20');
    expect(roles.done).toBe(false);

    const applied = await call<{ results: { outcome: string }[] }>('switch:applyRoles', {
      jobId,
      actionId: action(),
      floorPortIds: roles.rows.map((r) => r.floorPortId),
    });
    expect(applied.results.map((r) => r.outcome)).toEqual(['changed', 'changed', 'changed']);
    const after = await call<RolesView>('switch:roles', { jobId });
    expect(after.done).toBe(true);
    expect(after.rows.every((r) => r.switchRoleId === 'voice-pc' && r.preview?.alreadyRight)).toBe(
      true,
    );

    // Already right: nothing is sent, and the result says so.
    const again = await call<{ results: { outcome: string; message: string }[] }>(
      'switch:applyRoles',
      {
        jobId,
        actionId: action(),
        floorPortIds: [roles.rows[0]!.floorPortId],
      },
    );
    expect(again.results[0]).toMatchObject({
      outcome: 'alreadyRight',
      message: expect.stringMatching(/nothing sent/),
    });

    // The platform's record follows through the outbox.
    const view = await call<JobView>('jobs:open', { jobId });
    const queued = view.state.outbox.map((item) => item.entry.mutation);
    expect(queued).toEqual(
      expect.arrayContaining(
        roles.rows.map((r) => ({
          kind: 'setFloorPortRole',
          floorPortId: r.floorPortId,
          roleId: 'voice-pc',
        })),
      ),
    );
    expect(queued.filter((m) => m.kind === 'setFloorPortRole')).toHaveLength(3);

    await call('switch:disconnect', { jobId, switchId: 'lon-sw-2f-a' });
    const { transcripts } = await call<{ transcripts: { file: string; hostname: string }[] }>(
      'console:transcripts',
      { jobId },
    );
    expect(transcripts).toHaveLength(1);
    expect(transcripts[0]!.hostname).toBe('sw-2f-a');
    const { text } = await call<{ text: string }>('console:readTranscript', {
      jobId,
      file: transcripts[0]!.file,
    });
    expect(text).toContain('switchport voice vlan 20');
    await expect(
      call('console:readTranscript', { jobId, file: '../../journal.jsonl' }),
    ).rejects.toThrow(/TRANSCRIPT_NOT_FOUND/);
  });

  it("Port roles' 'On the platform' is the platform's role while the change to it waits offline", async () => {
    const { call, until, services } = await start();
    const job = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    const jobId = job.state.jobId;
    services.jobs.connectivity.setWorkOffline(true);
    await call('switch:connect', { jobId, switchId: 'lon-sw-2f-a', route: { kind: 'demo' } });
    for (const n of [1, 2, 3])
      await call('switch:demoPlug', {
        jobId,
        handsetId: `hs-bw-${n}`,
        floorPortId: `lon-shoreditch-2F-00${n}`,
      });
    await until<CablingView>('switch:cabling', { jobId }, (view) => view.done);
    const roles = await call<RolesView>('switch:roles', { jobId });
    const before = roles.rows.map((r) => r.platformRoleId);
    expect(before.every((role) => role !== 'voice-pc')).toBe(true);
    await call('switch:applyRoles', {
      jobId,
      actionId: action(),
      floorPortIds: roles.rows.map((r) => r.floorPortId),
    });
    const after = await call<RolesView>('switch:roles', { jobId });
    expect(after.done).toBe(true);
    expect(after.rows.map((r) => r.switchRoleId)).toEqual(['voice-pc', 'voice-pc', 'voice-pc']);
    // The switch has it; the platform does not yet: three changes wait for it.
    expect(after.rows.map((r) => r.platformRoleId)).toEqual(before);
    const view = await call<JobView>('jobs:open', { jobId });
    expect(view.state.floorPorts.filter((p) => p.pending).map((p) => p.roleId)).toEqual([
      'voice-pc',
      'voice-pc',
      'voice-pc',
    ]);
  });

  it('over the demo switch served on a PTY: finds its console speed by listening, and cabling in the demo drives that switch', async () => {
    const path = join(tmpdir(), `dialtone-demo-console-${randomUUID()}`);
    const { call, until, services } = await start({
      demoConsoles: [{ switch: 'sw-2f-a', path, baud: 38_400 }],
    });
    expect(services.demoConsoles).toEqual([
      { switchId: 'lon-sw-2f-a', hostname: 'sw-2f-a', path, baud: 38_400 },
    ]);
    const job = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    const jobId = job.state.jobId;
    // The Connect screen sends the empty fields when no login is held; the line asks for none.
    const item = await call<SwitchOverviewItem>('switch:connect', {
      jobId,
      switchId: 'lon-sw-2f-a',
      route: { kind: 'serial', path, baudRate: 'auto' },
      login: { username: '', password: '' },
    });
    // Nothing worth holding: next time the screen does not say a login is held.
    expect(item.hasLogin).toBe(false);
    // The site data says 9600; the line answers readably only at 38400.
    expect(item.consoleBaud).toBe(9600);
    expect(item.session?.serial).toEqual({ path, baudRate: 38_400, found: true });
    expect(item.identification?.check.matches).toBe(true);
    await call('switch:demoPlug', {
      jobId,
      handsetId: 'hs-bw-1',
      floorPortId: 'lon-shoreditch-2F-001',
    });
    const seen = await until<CablingView>('switch:cabling', { jobId }, (v) =>
      v.handsets.some((h) => h.handsetId === 'hs-bw-1' && h.outcome === 'ok'),
    );
    expect(seen.handsets.find((h) => h.handsetId === 'hs-bw-1')?.observed).toMatchObject({
      interfaceName: 'Gi1/0/1',
      link: 'up',
    });
  });

  it('archiving a job ends its switch sessions (the transcript saved) and refuses to connect them again', async () => {
    const { call, until, services } = await start();
    const job = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    const jobId = job.state.jobId;
    await call<SwitchOverviewItem>('switch:connect', {
      jobId,
      switchId: 'lon-sw-2f-a',
      route: { kind: 'demo' },
    });
    expect(services.switches.service.sessions(jobId)).toHaveLength(1);
    await call<JobView>('jobs:archive', { jobId, actionId: action() });
    const ended = await until<SwitchOverview>('switch:overview', { jobId }, (o) =>
      o.switches.every((s) => s.session === null),
    );
    expect(ended.switches.find((s) => s.switchId === 'lon-sw-2f-a')?.session).toBeNull();
    // The session's transcript is the job's record of it: saved, though the job is archived;
    // no switch fact (cabling, ports going down as the session ends) comes after the archive.
    await waitFor('the transcript to be saved', async () =>
      (await services.jobs.jobs.events(jobId)).some((e) => e.type === 'SwitchTranscriptSaved'),
    );
    const events = await services.jobs.jobs.events(jobId);
    const archivedAt = events.findIndex((e) => e.type === 'JobArchived');
    expect(events.slice(archivedAt + 1).map((e) => e.type)).toEqual(['SwitchTranscriptSaved']);
    // Connecting again is refused with the reason, and nothing is written.
    await expect(
      call('switch:connect', { jobId, switchId: 'lon-sw-2f-a', route: { kind: 'demo' } }),
    ).rejects.toThrow(/^JOB_ARCHIVED: This job is archived/);
    expect(services.switches.service.sessions(jobId)).toHaveLength(0);
    expect((await services.jobs.jobs.events(jobId)).length).toBe(events.length);
  });

  it('says which switches the demo has when asked to serve the console of one it lacks', async () => {
    await expect(
      createAppServices({
        host: 'browser',
        target: { kind: 'demo' },
        dataDirectory: mkdtempSync(join(tmpdir(), 'dialtone-switch-app-')),
        demoConsoles: [{ switch: 'sw-9f-z', path: join(tmpdir(), `nope-${randomUUID()}`) }],
      }),
    ).rejects.toThrow(/no switch sw-9f-z: it has sw-2f-a \(lon-sw-2f-a\), sw-3f-a/);
  });

  it('warns about a switch that is not the expected one and blocks changes and cabling until confirmed', async () => {
    const { call, until } = await start();
    const job = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    const jobId = job.state.jobId;
    // The console cable is in the 2F switch while the engineer connects to the 3F one.
    const live = new LiveWorld(loadDemoWorld(), { credentials: null });
    cleanups.push(() => live.close());
    const pty = await servePty(live.switchOf('lon-sw-3f-a'), {
      path: join(tmpdir(), `dialtone-wrong-${randomUUID()}`),
      baud: 115_200,
    });
    cleanups.push(() => pty.close());
    const item = await call<SwitchOverviewItem>('switch:connect', {
      jobId,
      switchId: 'lon-sw-2f-a',
      route: { kind: 'serial', path: pty.path, baudRate: 115_200 },
    });
    expect(item.session?.route).toBe('serial');
    expect(item.identification?.check.matches).toBe(false);
    expect(item.identification?.check.differences).toEqual([
      'its hostname is sw-3f-a; the site expects sw-2f-a',
      'its model is C9200L-24P-4G; the site expects WS-C2960X-24PS-L',
    ]);
    expect(item.changesAllowed).toBe(false);
    const roles = await call<RolesView>('switch:roles', { jobId });
    expect(roles.rows[0]!.blocked).toMatch(/not the expected switch/);
    // sw-3f-a's Gi1/0/1 already has Voice + PC: that is no fact about floor port 2F-001.
    expect(roles.rows[0]).toMatchObject({ switchRoleId: null, preview: null });
    await expect(
      call('switch:applyRoles', {
        jobId,
        actionId: action(),
        floorPortIds: [roles.rows[0]!.floorPortId],
      }),
    ).rejects.toThrow(/SWITCH_NOT_CONFIRMED/);
    expect(live.switchOf('lon-sw-3f-a').unsavedChanges).toBe(false);

    // A handset in 3F-001 comes up on sw-3f-a's Gi1/0/1: no proof that it is in 2F-001.
    live.plug('hs-bw-1', 'lon-shoreditch-3F-001');
    await until<unknown>(
      'switch:ports',
      { jobId, switchId: 'lon-sw-2f-a', refresh: true },
      (ports) => JSON.stringify(ports).includes('80:5e:c0:2f:01:01'),
    );
    const unconfirmed = await call<CablingView>('switch:cabling', { jobId });
    expect(unconfirmed.handsets[0]).toMatchObject({ handsetId: 'hs-bw-1', outcome: 'notSeen' });
    expect(unconfirmed.done).toBe(false);

    const confirmed = await call<SwitchOverviewItem>('switch:confirmIdentity', {
      jobId,
      switchId: 'lon-sw-2f-a',
      actionId: action(),
    });
    expect(confirmed.changesAllowed).toBe(true);
    // Confirmed as sw-2f-a, its Gi1/0/1 is floor port 2F-001.
    const judged = await until<CablingView>('switch:cabling', { jobId }, (view) =>
      view.handsets.some((h) => h.handsetId === 'hs-bw-1' && h.outcome === 'ok'),
    );
    expect(judged.handsets[0]).toMatchObject({ outcome: 'ok' });
  });

  it('sends no switch secret over the bridge and writes none in clear to the data folder', async () => {
    const { call, sent, services, directory } = await start();
    const job = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    const jobId = job.state.jobId;
    const login = {
      username: 'admin',
      password: 'Bridge-Pass-4471',
      enableSecret: 'Enable-Secret-9902',
    };
    const live = new LiveWorld(loadDemoWorld(), { credentials: login });
    cleanups.push(() => live.close());
    const pty = await servePty(live.switchOf('lon-sw-2f-a'), {
      path: join(tmpdir(), `dialtone-secret-${randomUUID()}`),
      baud: 115_200,
    });
    cleanups.push(() => pty.close());
    const route = { kind: 'serial', path: pty.path, baudRate: 115_200 };
    await call('switch:connect', { jobId, switchId: 'lon-sw-2f-a', route, login });
    const overview = await call<SwitchOverview>('switch:overview', { jobId });
    expect(overview.switches[0]).toMatchObject({ hasLogin: true });
    expect(overview.credentialKeeping).toBe('memory');
    await call('console:takeControl', { jobId, switchId: 'lon-sw-2f-a', actionId: action() });
    await call('console:type', { jobId, switchId: 'lon-sw-2f-a', text: 'disable\r' });
    await call('console:type', { jobId, switchId: 'lon-sw-2f-a', text: 'enable\r' });
    await call('console:type', { jobId, switchId: 'lon-sw-2f-a', text: `${login.enableSecret}\r` });
    await call('console:releaseControl', { jobId, switchId: 'lon-sw-2f-a', actionId: action() });
    await call('console:open', { jobId, switchId: 'lon-sw-2f-a' });
    await call('switch:disconnect', { jobId, switchId: 'lon-sw-2f-a' });
    // Asked once: connecting again needs no login.
    await call('switch:connect', { jobId, switchId: 'lon-sw-2f-a', route });
    await call('switch:disconnect', { jobId, switchId: 'lon-sw-2f-a' });
    const { transcripts } = await call<{ transcripts: { file: string }[] }>('console:transcripts', {
      jobId,
    });
    expect(transcripts).toHaveLength(2);
    for (const t of transcripts) await call('console:readTranscript', { jobId, file: t.file });
    await services.close();

    const everything = JSON.stringify(sent);
    expect(everything).toContain('sw-2f-a');
    for (const secret of [login.password, login.enableSecret])
      expect(everything).not.toContain(secret);
    const files = readdirSync(directory, { recursive: true, encoding: 'utf8' })
      .map((name) => join(directory, name))
      .filter((path) => statSync(path).isFile());
    expect(files.some((path) => path.includes('transcripts'))).toBe(true);
    for (const path of files) {
      const text = readFileSync(path, 'latin1');
      for (const secret of [login.password, login.enableSecret]) expect(text).not.toContain(secret);
    }
  });
});
