import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatformSimulator } from '../../sim/platform/server';
import { switchFromWorld } from '../../sim/switch';
import { loadDemoWorld } from '../../sim/world/load';
import { driverFor } from '../../switch/drivers';
import { applyPortRole, portRoleAppliedEvent } from '../../switch/operations';
import { Transcript, openSession } from '../../switch/session';
import { connectInProcess } from '../../switch/transports';
import {
  SimulatorUnderTest,
  createServicesOn,
  type SyncHarness,
} from '../../sync/test-support/harness';
import { createAppLog, type AppLog } from '../../logging/app-log';
import { createTranscriptFiles } from '../../switch/service/transcript-files';
import type { BundleExportSources } from '../export-bundle';

/** Secrets planted in a job so a test can prove none of them reaches a bundle. */
export const PLANTED = {
  /** The token the test platform is served with (the sync harness's). */
  platformToken: 'test-token-0123456789abcdef',
  sessionToken: 'PlantedSessionToken-c0ffee42',
  switchPassword: 'Pl4ntedSwitchPass',
  enableSecret: 'Pl4ntedEnableSecret',
  pin: '90817263',
  snmpCommunity: 'Pl4ntedCommunity',
} as const;

/** Who the planted job was started under: in the bundle, not a secret; anonymised away. */
export const PLANTED_ENGINEER = 'Sam Okafor';

export const SITE = 'lon-shoreditch';
export const OCCUPIER = 'occ-brightwater';
export const SWITCH_ID = 'lon-sw-2f-a';

/** The demo world with the planted PIN on every number. */
export function plantedWorld() {
  const world = loadDemoWorld();
  for (const number of world.numbers) number.defaultPin = PLANTED.pin;
  return world;
}

class PlantedSimulator extends SimulatorUnderTest {
  override async start() {
    this.simulator = await startPlatformSimulator({
      world: plantedWorld(),
      token: this.token,
      port: this.port,
      registrationDelayMs: 0,
    });
    this.port = Number(new URL(this.simulator.url).port);
    return this.simulator;
  }
}

export interface PlantedJob {
  directory: string;
  jobId: string;
  services: SyncHarness;
  log: AppLog;
  sources: BundleExportSources;
  close(): Promise<void>;
}

/**
 * A job made through the real services against the platform simulator: a floor port role
 * and a number allocation queued and synced, a step marked, and a Voice + PC role applied
 * on the simulated Cisco switch over its console (transcript and read-backs recorded).
 * Secrets are planted in the platform token, the switch login, the PINs, a log line and
 * the switch's printed configuration.
 */
export async function makePlantedJob(jobId = 'job-planted'): Promise<PlantedJob> {
  const directory = mkdtempSync(join(tmpdir(), 'dialtone-bundle-'));
  const platform = new PlantedSimulator(directory, false);
  await platform.start();
  const services = await createServicesOn(directory, platform, 7);
  const log = await createAppLog({ directory: join(directory, 'logs') });

  const { state } = await services.jobs.create({
    jobId,
    siteId: SITE,
    occupierId: OCCUPIER,
    engineerName: PLANTED_ENGINEER,
  });
  log.logger.info(
    { jobId },
    `job created; platform answered to Authorization: Bearer ${PLANTED.platformToken}`,
  );
  const port = state.snapshot.floorPorts.find(
    (p) =>
      p.switchId === SWITCH_ID &&
      p.allocation.kind === 'occupier' &&
      p.allocation.occupierId === OCCUPIER,
  )!;
  // Both changes queued offline, so coming back online sends them in one run (autoSync).
  services.connectivity.setWorkOffline(true);
  await services.jobs.setFloorPortRole(jobId, {
    actionId: 'a-role',
    floorPortId: port.id,
    roleId: 'voice-pc',
  });
  await services.jobs.queueMutation(jobId, {
    actionId: 'a-allocate',
    mutation: { kind: 'allocateNumbers', siteId: SITE, occupierId: OCCUPIER, count: 2 },
  });
  services.connectivity.setWorkOffline(false);
  await services.sync.settled();
  await services.jobs.markStep(jobId, {
    actionId: 'a-step',
    stepId: 'numbers',
    done: true,
    note: 'checked on site',
  });

  // The switch side: the real session, driver and operation on the simulated switch.
  const credentials = {
    username: 'admin',
    password: PLANTED.switchPassword,
    enableSecret: PLANTED.enableSecret,
  };
  const world = plantedWorld();
  const sw = switchFromWorld(world, SWITCH_ID, { credentials });
  const transcript = new Transcript();
  const startedAt = new Date();
  const session = await openSession(
    connectInProcess(sw.openConsole({ baud: null, channel: 'console' })),
    {
      vendor: sw.vendor,
      login: credentials,
      transcript,
    },
  );
  const driver = driverFor(session);
  const identity = await driver.identify();
  const role = state.snapshot.site.roleCatalogue.find((r) => r.id === 'voice-pc')!;
  const result = await applyPortRole(driver, { interfaceName: port.interfaceName, role });
  await session.close();
  // What a running configuration shows of the switch's own secrets, as a console printed it
  // (added past the session's own masking, so export's redaction is what must catch it).
  const printed = `username admin privilege 15 secret 0 ${PLANTED.switchPassword}\r\nenable secret 0 ${PLANTED.enableSecret}\r\nsnmp-server community ${PLANTED.snmpCommunity} RO\r\n`;
  // The journal records the switch work as the app's job switch does.
  await services.jobs.record(jobId, [
    {
      id: 'switch-connected',
      actor: 'engineer',
      type: 'SwitchConnected',
      payload: {
        switchId: SWITCH_ID,
        route: 'demo',
        label: 'demo console',
        identity,
        check: { matches: true, differences: [] },
      },
    },
    {
      id: 'role-applied',
      actor: 'engineer',
      ...portRoleAppliedEvent(
        {
          floorPortId: port.id,
          switchId: SWITCH_ID,
          interfaceName: port.interfaceName,
          roleId: role.id,
        },
        result,
      ),
    },
  ]);
  const endedAt = new Date();
  const file = await createTranscriptFiles(join(directory, 'jobs')).write({
    jobId,
    switchId: SWITCH_ID,
    hostname: identity.hostname,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    bytes: { tx: 0, rx: 0 },
    text: `${transcript.toText()}\n[${((endedAt.getTime() - startedAt.getTime()) / 1000).toFixed(3)}] rx ${JSON.stringify(printed)}`,
    reason: 'closed',
  });
  await services.jobs.record(jobId, [
    {
      id: 'transcript-saved',
      actor: 'switch',
      type: 'SwitchTranscriptSaved',
      payload: {
        switchId: SWITCH_ID,
        hostname: identity.hostname,
        file,
        startedAt: startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        reason: 'closed',
        bytes: { tx: 0, rx: 0 },
      },
    },
  ]);
  log.logger.info({ jobId, interfaceName: port.interfaceName }, 'role applied');

  const sources: BundleExportSources = {
    jobsDirectory: join(directory, 'jobs'),
    logLines: (from, to) => log.linesBetween(from, to),
    knownSecrets: () => Object.values(PLANTED).filter((s) => s !== PLANTED.pin),
    appVersion: '0.1.0-test',
  };
  return {
    directory,
    jobId,
    services,
    log,
    sources,
    async close() {
      await services.close();
      await platform.stop();
      await log.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
