import { CodedError } from '../../shared/errors';
import type { consoleDomain, SwitchOverviewItem, switchDomain } from '../../shared/ipc';
import { occupierFloorPorts } from '../../shared/platform/floor-ports';
import { cablingDone, changesAllowed, portRolesDone } from '../../shared/switch/work';
import type { JobService } from '../jobs';
import type { SwitchService } from '../switch/service';
import type { JobSwitch } from '../switch/service/job-switch';
import type { TranscriptFiles } from '../switch/service/transcript-files';
import type { DomainHandlers } from './router';

export interface SwitchHandlerDeps {
  service: SwitchService;
  jobSwitch: JobSwitch;
  jobs: JobService;
  transcripts: TranscriptFiles;
  /** The demo's world, when the demo equipment is there. */
  demo: {
    plug(handsetId: string, floorPortId: string): void;
    unplug(handsetId: string): void;
    whereIs(handsetId: string): string | null;
  } | null;
}

export function createSwitchChannelHandlers(
  deps: SwitchHandlerDeps,
): DomainHandlers<typeof switchDomain> {
  const { service, jobSwitch, jobs } = deps;

  async function overviewItem(jobId: string, switchId: string): Promise<SwitchOverviewItem> {
    const state = await jobs.state(jobId);
    const info = state.snapshot.site.switches.find((s) => s.id === switchId);
    if (!info)
      throw new CodedError('SWITCH_UNKNOWN', `Switch ${switchId} is not in this site's data.`);
    const work = await jobSwitch.work(jobId);
    const session = service.sessions(jobId).find((s) => s.switchId === switchId) ?? null;
    const identification = work.connections[switchId] ?? null;
    return {
      switchId,
      hostname: info.hostname,
      vendor: info.vendor,
      model: info.model,
      interfaceCount: info.interfaceCount,
      consoleBaud: info.console.baudRate,
      hasLogin: service.hasLogin(switchId),
      session: session
        ? {
            route: session.route,
            label: session.label,
            identity: session.identity,
            openedAt: session.openedAt,
            controller: session.controller,
            serial: session.serial,
          }
        : null,
      identification: identification
        ? {
            identity: identification.identity,
            check: identification.check,
            confirmed: identification.confirmed,
          }
        : null,
      changesAllowed: changesAllowed(work, switchId),
    };
  }

  async function cablingView(jobId: string, judge = false) {
    const state = await jobs.state(jobId);
    const rows = judge ? await jobSwitch.checkCabling(jobId) : await jobSwitch.cabling(jobId);
    const work = await jobSwitch.work(jobId);
    return {
      handsets: rows.map((row) => ({
        ...row,
        pluggedInto: deps.demo ? deps.demo.whereIs(row.handsetId) : null,
      })),
      done: cablingDone(state.snapshot, work),
      floorPorts: occupierFloorPorts(state.snapshot.floorPorts, state.occupierId).map((p) => ({
        id: p.id,
        label: p.label,
      })),
    };
  }

  return {
    'switch:overview': async ({ jobId }) => {
      const state = await jobs.state(jobId);
      return {
        switches: await Promise.all(
          state.snapshot.site.switches.map((s) => overviewItem(jobId, s.id)),
        ),
        demo: deps.demo !== null,
        credentialKeeping: service.credentialKeeping,
      };
    },
    'switch:serialPorts': async () => ({
      ports: (await service.listSerialPorts()).map((p) => ({
        path: p.path,
        adapter: p.adapter,
        byId: p.byId,
      })),
    }),
    'switch:connect': async ({ jobId, switchId, route, login }) => {
      const state = await jobs.state(jobId);
      const info = state.snapshot.site.switches.find((s) => s.id === switchId);
      if (!info)
        throw new CodedError('SWITCH_UNKNOWN', `Switch ${switchId} is not in this site's data.`);
      const resolved =
        route.kind === 'serial'
          ? { kind: 'serial' as const, path: route.path, baudRate: route.baudRate }
          : route.kind === 'ssh'
            ? {
                kind: 'ssh' as const,
                host: route.host,
                port: route.port,
                username: login?.username ?? '',
              }
            : route;
      if (resolved.kind === 'ssh' && !login && !service.hasLogin(switchId))
        throw new CodedError('SWITCH_LOGIN_NEEDED', 'Enter the user name and password for SSH.');
      await jobSwitch.connect(
        jobId,
        switchId,
        resolved,
        login
          ? {
              username: login.username,
              password: login.password,
              ...(login.enableSecret ? { enableSecret: login.enableSecret } : {}),
            }
          : undefined,
      );
      return overviewItem(jobId, switchId);
    },
    'switch:trustHostKey': async ({ jobId, switchId, fingerprint }) => {
      await jobSwitch.trustHostKey(jobId, switchId, fingerprint);
      return {};
    },
    'switch:confirmIdentity': async ({ jobId, switchId, actionId }) => {
      await jobSwitch.confirmIdentity(jobId, switchId, actionId);
      return overviewItem(jobId, switchId);
    },
    'switch:disconnect': async ({ jobId, switchId }) => {
      await jobSwitch.disconnect({ jobId, switchId });
      return {};
    },
    'switch:ports': async ({ jobId, switchId, refresh }) => ({
      ports: refresh
        ? await service.readPorts({ jobId, switchId })
        : service.ports({ jobId, switchId }),
    }),
    'switch:cabling': async ({ jobId }) => cablingView(jobId, true),
    'switch:planCabling': async ({ jobId, actionId, handsetId, floorPortId }) => {
      await jobSwitch.planCabling(jobId, actionId, handsetId, floorPortId);
      return cablingView(jobId);
    },
    'switch:demoPlug': async ({ jobId, handsetId, floorPortId }) => {
      if (!deps.demo)
        throw new CodedError(
          'SWITCH_NO_DEMO',
          'Plugging handsets in from the screen works only in the demo.',
        );
      if (floorPortId === null) deps.demo.unplug(handsetId);
      else deps.demo.plug(handsetId, floorPortId);
      return cablingView(jobId);
    },
    'switch:roles': async ({ jobId }) => {
      const state = await jobs.state(jobId);
      const work = await jobSwitch.work(jobId);
      return {
        rows: await jobSwitch.roles(jobId),
        done: portRolesDone(state.snapshot, work),
        roles: state.snapshot.site.roleCatalogue.map((r) => ({ id: r.id, name: r.name })),
      };
    },
    'switch:applyRoles': async ({ jobId, actionId, floorPortIds }) => ({
      results: await jobSwitch.applyRoles(jobId, actionId, floorPortIds, () => undefined),
    }),
  };
}

export function createConsoleChannelHandlers(
  deps: SwitchHandlerDeps,
): DomainHandlers<typeof consoleDomain> {
  const { service, jobSwitch } = deps;
  const controllerOf = (jobId: string, switchId: string) =>
    service.sessions(jobId).find((s) => s.switchId === switchId)?.controller ?? null;
  return {
    'console:open': async ({ jobId, switchId }) => ({
      text: service.consoleText({ jobId, switchId }),
      controller: controllerOf(jobId, switchId),
    }),
    'console:takeControl': async ({ jobId, switchId, actionId }) => {
      await jobSwitch.takeControl({ jobId, switchId }, actionId);
      return { controller: controllerOf(jobId, switchId) };
    },
    'console:releaseControl': async ({ jobId, switchId, actionId }) => {
      await jobSwitch.releaseControl({ jobId, switchId }, actionId);
      return { controller: controllerOf(jobId, switchId) };
    },
    'console:type': async ({ jobId, switchId, text }) => {
      await jobSwitch.type({ jobId, switchId }, text);
      return {};
    },
    'console:transcripts': async ({ jobId }) => ({
      transcripts: (await jobSwitch.work(jobId)).transcripts,
    }),
    'console:readTranscript': async ({ jobId, file }) => ({
      text: await deps.transcripts.read(jobId, file),
    }),
  };
}
