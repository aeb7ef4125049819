/**
 * Bundles benchmark (DESIGN.md budget): export of a 48-port, 60-number job with its
 * transcripts under 1 s; replay of the demo job under 10 s.
 *
 * The 48-port job is built through the real job service on the demo site, enlarged: a
 * 48-interface switch with 48 floor ports and 60 numbers for the occupier, every port's
 * role queued and applied on the switch (the journal's PortRoleApplied records with their
 * configuration before and after), 60 activations queued, a console transcript of the
 * whole session (show and configure for every port) and 500 log lines. The demo job is the
 * one the bundle tests make (real job, sync and switch operation on the simulators).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleSourcesFor, logDirectoryOf } from '../main/app/bundle-sources';
import { replayEquipment } from '../main/app/replay-equipment';
import { buildBundle, exportBundle, openBundle, replayBundle } from '../main/bundles';
import { makePlantedJob } from '../main/bundles/test-support/planted-job';
import { createConfStore, createJobService, createSnapshotCache } from '../main/jobs';
import { createAppLog } from '../main/logging/app-log';
import { PlatformState } from '../main/sim/platform/state';
import { takeSiteSnapshot } from '../main/sim/platform/routes/snapshot';
import { loadDemoWorld } from '../main/sim/world/load';
import { createTranscriptFiles } from '../main/switch/service/transcript-files';

const PORTS = 48;
const NUMBERS = 60;
const SITE = 'lon-shoreditch';
const OCCUPIER = 'occ-brightwater';
const SWITCH = 'lon-sw-2f-a';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function bigSnapshot() {
  const world = loadDemoWorld();
  const site = world.sites.find((s) => s.id === SITE)!;
  site.switches.find((s) => s.id === SWITCH)!.interfaceCount = PORTS;
  world.floorPorts = world.floorPorts.filter((p) => p.switchId !== SWITCH);
  for (let i = 1; i <= PORTS; i++)
    world.floorPorts.push({
      id: `${SITE}-2F-B${String(i).padStart(3, '0')}`,
      siteId: SITE,
      label: `2F-B${String(i).padStart(3, '0')}`,
      floorId: 'lon-2f',
      spaceId: 'lon-2f-suite-a',
      switchId: SWITCH,
      interfaceName: `Gi1/0/${i}`,
      roleId: null,
      allocation: { kind: 'occupier', occupierId: OCCUPIER },
      version: 1,
    });
  world.numbers = world.numbers.filter((n) => n.siteId !== SITE || n.occupierId !== null);
  for (let i = 0; i < NUMBERS; i++)
    world.numbers.push({
      e164: `+4420794618${String(i).padStart(2, '0')}`,
      siteId: SITE,
      occupierId: OCCUPIER,
      state: i < 40 ? 'ACTIVE' : 'RESERVED',
      source: 'pool',
      extension: `3${String(i).padStart(3, '0')}`,
      defaultPin: '4821',
      isMain: i === 0,
      handsetId: null,
      version: 1,
    });
  return takeSiteSnapshot(new PlatformState(world), SITE, OCCUPIER);
}

async function make48PortJob(directory: string): Promise<string> {
  const snapshot = bigSnapshot();
  const store = createConfStore(directory);
  const jobs = await createJobService({
    jobsDirectory: join(directory, 'jobs'),
    store,
    snapshots: { pull: async () => snapshot },
    snapshotCache: createSnapshotCache(join(directory, 'snapshots')),
    isOnline: () => true,
  });
  const jobId = 'bench-48';
  await jobs.create({ jobId, siteId: SITE, occupierId: OCCUPIER });
  const log = await createAppLog({ directory: logDirectoryOf(directory) });
  const started = new Date();
  const identity = {
    vendor: 'cisco_ios' as const,
    hostname: 'sw-2f-a',
    model: 'WS-C2960X-48PS-L',
    softwareVersion: '15.2(7)E8',
    serialNumber: 'FOC2231X0AB',
  };
  await jobs.record(jobId, [
    {
      id: 'connected',
      actor: 'engineer',
      type: 'SwitchConnected',
      payload: {
        switchId: SWITCH,
        route: 'serial',
        label: '/dev/ttyUSB0 at 9600 baud',
        identity,
        check: { matches: true, differences: [] },
      },
    },
  ]);
  const transcript: string[] = [];
  let at = 0;
  const line = (direction: 'tx' | 'rx', text: string) =>
    transcript.push(`[${((at += 37) / 1000).toFixed(3)}] ${direction} ${JSON.stringify(text)}`);
  for (const port of snapshot.floorPorts.filter((p) => p.switchId === SWITCH)) {
    await jobs.setFloorPortRole(jobId, {
      actionId: `role-${port.id}`,
      floorPortId: port.id,
      roleId: 'voice-pc',
    });
    const before = [`description ${port.label}`];
    const after = [
      'description Desk phone with a PC behind it',
      'switchport access vlan 10',
      'switchport mode access',
      'switchport voice vlan 20',
      'spanning-tree portfast',
    ];
    line('tx', `show running-config interface ${port.interfaceName}\r`);
    line(
      'rx',
      `Building configuration...\r\n\r\ninterface ${port.interfaceName.replace('Gi', 'GigabitEthernet')}\r\n ${before.join('\r\n ')}\r\nend\r\n\r\nsw-2f-a#`,
    );
    for (const command of [
      'configure terminal',
      `interface ${port.interfaceName}`,
      ...after,
      'end',
    ]) {
      line('tx', `${command}\r`);
      line('rx', `${command}\r\nsw-2f-a(config-if)#`);
    }
    line('tx', `show running-config interface ${port.interfaceName}\r`);
    line(
      'rx',
      `Building configuration...\r\n\r\ninterface ${port.interfaceName.replace('Gi', 'GigabitEthernet')}\r\n ${after.join('\r\n ')}\r\nend\r\n\r\nsw-2f-a#`,
    );
    await jobs.record(jobId, [
      {
        id: `applied-${port.id}`,
        actor: 'engineer',
        type: 'PortRoleApplied',
        payload: {
          floorPortId: port.id,
          switchId: SWITCH,
          interfaceName: port.interfaceName,
          roleId: 'voice-pc',
          changed: true,
          verified: true,
          commands: after,
          rejected: null,
          actualConfig: after,
          before,
          diff: [],
        },
      },
    ]);
    log.logger.info({ jobId, floorPortId: port.id }, 'role applied');
  }
  for (const number of snapshot.numbers.filter((n) => n.occupierId === OCCUPIER))
    await jobs.queueMutation(jobId, {
      actionId: `activate-${number.e164}`,
      mutation: { kind: 'activateNumber', siteId: SITE, occupierId: OCCUPIER, e164: number.e164 },
    });
  for (let i = 0; i < 500; i++) log.logger.info({ jobId, i }, 'sync: waiting for the platform');
  const ended = new Date();
  const file = await createTranscriptFiles(join(directory, 'jobs')).write({
    jobId,
    switchId: SWITCH,
    hostname: 'sw-2f-a',
    startedAt: started.toISOString(),
    endedAt: ended.toISOString(),
    bytes: { tx: 0, rx: 0 },
    text: transcript.join('\n'),
    reason: 'closed',
  });
  await jobs.record(jobId, [
    {
      id: 'transcript',
      actor: 'switch',
      type: 'SwitchTranscriptSaved',
      payload: {
        switchId: SWITCH,
        hostname: 'sw-2f-a',
        file,
        startedAt: started.toISOString(),
        endedAt: ended.toISOString(),
        reason: 'closed',
        bytes: { tx: 0, rx: 0 },
      },
    },
  ]);
  await log.close();
  await jobs.close();
  return jobId;
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'dialtone-bench-bundle-'));
  try {
    const jobId = await make48PortJob(directory);
    const sources = bundleSourcesFor(directory, () => ['bench-token-0123456789']);
    await buildBundle(sources, jobId, { anonymise: false }); // warm-up
    const plain: number[] = [];
    const anonymised: number[] = [];
    let bytes = 0;
    let members = 0;
    for (let run = 0; run < 5; run++) {
      let start = performance.now();
      const { archive, manifest } = await exportBundle(sources, jobId, join(directory, 'out.zip'), {
        anonymise: false,
      });
      plain.push(performance.now() - start);
      bytes = archive.length;
      members = manifest.members.length;
      start = performance.now();
      await exportBundle(sources, jobId, join(directory, 'out-anon.zip'), { anonymise: true });
      anonymised.push(performance.now() - start);
    }
    console.log(
      `export, ${PORTS}-port ${NUMBERS}-number job with transcript and log: median ${median(plain).toFixed(0)} ms (anonymised ${median(anonymised).toFixed(0)} ms), ${members} members, ${(bytes / 1024).toFixed(0)} kB — budget < 1000 ms: ${median(anonymised) < 1000 ? 'OK' : 'OVER'}`,
    );

    const demo = await makePlantedJob('bench-demo');
    try {
      const { archive } = await buildBundle(demo.sources, demo.jobId, { anonymise: false });
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        const result = await replayBundle(await openBundle(archive), replayEquipment());
        times.push(performance.now() - start);
        if (result.outcome !== 'reproduced')
          throw new Error(`the demo job did not reproduce: ${JSON.stringify(result.divergence)}`);
      }
      console.log(
        `replay of the demo job (open + platform simulator + sync + switch simulator): median ${median(times).toFixed(0)} ms — budget < 10000 ms: ${median(times) < 10_000 ? 'OK' : 'OVER'}`,
      );
    } finally {
      await demo.close();
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

void main();
