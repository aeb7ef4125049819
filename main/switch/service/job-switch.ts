import { randomUUID } from 'node:crypto';
import { CodedError } from '../../../shared/errors';
import {
  jobArchivedError,
  type JobEvent,
  type JobEventBody,
  type JobSnapshot,
  type JobState,
} from '../../../shared/jobs';
import type { IdentityCheck } from '../../../shared/jobs/switch-events';
import type { SwitchInfo } from '../../../shared/platform/schemas';
import type { PortFacts, SwitchIdentityView } from '../../../shared/switch/facts';
import {
  cablingPlan,
  changesAllowed,
  foldSwitchWork,
  judgeCabling,
  roleNeededForHandset,
  type SwitchWork,
} from '../../../shared/switch/work';
import { portRoleAppliedEvent, type PortRoleResult } from '../operations';
import type { SwitchLogin } from '../session';
import type { RolePreview, SwitchUpdate } from './live-switch';
import type { SessionKey, SwitchRoute, SwitchService, SwitchSessionView } from './switch-service';

/** What the switch work needs of the jobs service (injected: the switch layer does not own jobs). */
export interface JobAccess {
  state(jobId: string): Promise<JobState>;
  events(jobId: string): Promise<readonly JobEvent[]>;
  /** Durable when it resolves; false (nothing written) when the job is archived or being archived. */
  recordUnlessArchived(
    jobId: string,
    drafts: readonly (JobEventBody & { id: string; actor: string })[],
  ): Promise<boolean>;
  setFloorPortRole(
    jobId: string,
    change: { actionId: string; floorPortId: string; roleId: string },
  ): Promise<unknown>;
}

export const ENGINEER_ACTOR = 'engineer';
export const SWITCH_ACTOR = 'switch';

/** Compares the identified switch with the site data's record of it. */
export function checkIdentity(expected: SwitchInfo, actual: SwitchIdentityView): IdentityCheck {
  const differences: string[] = [];
  if (actual.vendor !== expected.vendor)
    differences.push(`it is a ${actual.vendor} switch; the site expects ${expected.vendor}`);
  if (actual.hostname.toLowerCase() !== expected.hostname.toLowerCase())
    differences.push(`its hostname is ${actual.hostname}; the site expects ${expected.hostname}`);
  const model = actual.model.toLowerCase();
  const wanted = expected.model.toLowerCase();
  // Switches print model and part number in their own order ("2930F-8G-PoE+-2SFP+ JL258A").
  const tokens = model.split(/\s+/).filter(Boolean);
  const sameModel =
    tokens.length > 0 && (tokens.every((t) => wanted.includes(t)) || model.includes(wanted));
  if (!sameModel)
    differences.push(
      `its model is ${actual.model || 'unknown'}; the site expects ${expected.model}`,
    );
  return { matches: differences.length === 0, differences };
}

export interface CablingRow {
  handsetId: string;
  mac: string;
  modelName: string;
  floorPortId: string | null;
  floorPortLabel: string | null;
  switchId: string | null;
  interfaceName: string | null;
  planSource: 'platform' | 'engineer' | 'suggested' | 'none';
  outcome: 'ok' | 'wrongPort' | 'notSeen';
  observed: {
    switchId: string;
    interfaceName: string;
    floorPortId: string | null;
    floorPortLabel: string | null;
    link: string;
    poe: string;
    poeWatts: number | null;
    neighbour: { model: string; mac: string | null; protocol: string; systemName: string } | null;
  } | null;
  checkedAt: string | null;
}

export interface RoleRow {
  floorPortId: string;
  label: string;
  switchId: string;
  interfaceName: string;
  platformRoleId: string | null;
  switchRoleId: string | null;
  neededRoleId: string | null;
  preview: RolePreview | null;
  applied: SwitchWork['roles'][string] | null;
  /** Why the row cannot be read or changed now (not connected, unexpected switch). */
  blocked: string | null;
}

export interface RoleApplyProgress {
  floorPortId: string;
  index: number;
  total: number;
  outcome: 'changed' | 'alreadyRight' | 'refused' | 'notVerified' | 'failed';
  message: string;
}

export interface JobSwitchOptions {
  switches: SwitchService;
  jobs: JobAccess;
  /** The job's switch work changed (a connection, a cabling fact, a role): tell the screens. */
  onChanged(jobId: string): void;
  /** Live updates of one session, to whoever pushes them to the subscribed window. */
  onUpdates(key: SessionKey, updates: SwitchUpdate[]): void;
  newId?: () => string;
}

export interface JobSwitch {
  work(jobId: string): Promise<SwitchWork>;
  connect(
    jobId: string,
    switchId: string,
    route: SwitchRoute,
    login?: SwitchLogin,
  ): Promise<SwitchSessionView>;
  confirmIdentity(jobId: string, switchId: string, actionId: string): Promise<void>;
  /** "Trust the new key" (see SwitchService.trustHostKey), journalled as SwitchHostKeyTrusted. */
  trustHostKey(jobId: string, switchId: string, fingerprint: string): Promise<void>;
  cabling(jobId: string): Promise<CablingRow[]>;
  checkCabling(jobId: string): Promise<CablingRow[]>;
  planCabling(
    jobId: string,
    actionId: string,
    handsetId: string,
    floorPortId: string,
  ): Promise<void>;
  roles(jobId: string): Promise<RoleRow[]>;
  applyRoles(
    jobId: string,
    actionId: string,
    floorPortIds: string[],
    onProgress: (progress: RoleApplyProgress) => void,
  ): Promise<RoleApplyProgress[]>;
  takeControl(key: SessionKey, actionId: string): Promise<void>;
  releaseControl(key: SessionKey, actionId: string): Promise<void>;
  type(key: SessionKey, text: string): Promise<void>;
  disconnect(key: SessionKey): Promise<void>;
}

function switchInfoOf(snapshot: JobSnapshot, switchId: string): SwitchInfo {
  const info = snapshot.site.switches.find((s) => s.id === switchId);
  if (!info)
    throw new CodedError('SWITCH_UNKNOWN', `Switch ${switchId} is not in this site's data.`, {
      switchId,
    });
  return info;
}

/**
 * The switch half of a job: connects the job's switches, checks they are the expected ones,
 * ticks cabling from what the switch shows, gives floor ports their roles (preview, apply,
 * read back, verify; the platform's record through the outbox), and journals it all.
 */
export function createJobSwitch(options: JobSwitchOptions): JobSwitch {
  const { switches, jobs } = options;
  const newId = options.newId ?? randomUUID;
  const watching = new Map<string, () => void>();
  const rechecks = new Map<string, Promise<unknown>>();
  const consoleLine = new Map<string, { text: string; secret: boolean }>();

  async function work(jobId: string): Promise<SwitchWork> {
    return foldSwitchWork(await jobs.events(jobId));
  }

  async function record(jobId: string, actor: string, body: JobEventBody, id = newId()) {
    const written = await jobs.recordUnlessArchived(jobId, [
      { ...body, id, actor } as JobEventBody & { id: string; actor: string },
    ]);
    // An archived job takes no more switch facts (its sessions are being ended), and no
    // engineer action: that one is refused with the reason.
    if (!written && actor === ENGINEER_ACTOR) throw jobArchivedError();
  }

  /**
   * The ports of the job's switches that are facts about its floor ports: a switch that is
   * not the one the site data expects, and not confirmed by the engineer, says nothing about
   * them (a handset on its Gi1/0/1 is not in floor port 2F-001).
   */
  function portsBySwitch(jobId: string, current: SwitchWork): Record<string, PortFacts[]> {
    const out: Record<string, PortFacts[]> = {};
    for (const session of switches.sessions(jobId))
      if (changesAllowed(current, session.switchId))
        out[session.switchId] = switches.ports({ jobId, switchId: session.switchId });
    return out;
  }

  async function cablingRows(jobId: string, judgeNow: boolean): Promise<CablingRow[]> {
    const state = await jobs.state(jobId);
    const snapshot = state.snapshot;
    let current = await work(jobId);
    const ports = portsBySwitch(jobId, current);
    const plan = cablingPlan(snapshot, current);
    if (judgeNow && Object.keys(ports).length > 0) {
      for (const planned of plan) {
        const judged = judgeCabling(planned, snapshot, ports);
        const before = current.cabling[planned.handset.id];
        const expectedFloorPortId = planned.floorPort?.id ?? null;
        const same =
          before !== undefined &&
          before.outcome === judged.outcome &&
          before.expectedFloorPortId === expectedFloorPortId &&
          JSON.stringify(before.observed) === JSON.stringify(judged.observed);
        if (same) continue;
        await record(jobId, SWITCH_ACTOR, {
          type: 'HandsetCablingChecked',
          payload: {
            handsetId: planned.handset.id,
            mac: planned.handset.mac,
            expectedFloorPortId,
            outcome: judged.outcome,
            observed: judged.observed,
          },
        });
      }
      const after = await work(jobId);
      if (JSON.stringify(after.cabling) !== JSON.stringify(current.cabling))
        options.onChanged(jobId);
      current = after;
    }
    const labelOf = (id: string | null) =>
      id === null ? null : (snapshot.floorPorts.find((p) => p.id === id)?.label ?? id);
    return plan.map((planned) => {
      const fact = current.cabling[planned.handset.id];
      const stale = fact && fact.expectedFloorPortId !== (planned.floorPort?.id ?? null);
      return {
        handsetId: planned.handset.id,
        mac: planned.handset.mac,
        modelName: planned.modelName,
        floorPortId: planned.floorPort?.id ?? null,
        floorPortLabel: planned.floorPort?.label ?? null,
        switchId: planned.floorPort?.switchId ?? null,
        interfaceName: planned.floorPort?.interfaceName ?? null,
        planSource: planned.source,
        outcome: fact && !stale ? fact.outcome : 'notSeen',
        observed:
          fact?.observed && !stale
            ? {
                ...fact.observed,
                floorPortLabel: labelOf(fact.observed.floorPortId),
                neighbour: fact.observed.neighbour,
              }
            : null,
        checkedAt: fact && !stale ? fact.at : null,
      };
    });
  }

  /** Re-judges cabling after a port changed; one recheck at a time per job. */
  function recheck(jobId: string): void {
    const before = rechecks.get(jobId) ?? Promise.resolve();
    const next = before.then(() => cablingRows(jobId, true)).catch(() => undefined);
    rechecks.set(jobId, next);
  }

  function watch(key: SessionKey): void {
    const id = `${key.jobId}\u0000${key.switchId}`;
    watching.get(id)?.();
    const stop = switches.subscribe(key, (updates) => {
      options.onUpdates(key, updates);
      if (updates.some((u) => u.kind === 'port')) recheck(key.jobId);
      if (updates.some((u) => u.kind === 'closed')) {
        watching.delete(id);
        options.onChanged(key.jobId);
      }
    });
    watching.set(id, stop);
  }

  async function requireChangesAllowed(jobId: string, switchId: string): Promise<void> {
    if (!changesAllowed(await work(jobId), switchId))
      throw new CodedError(
        'SWITCH_NOT_CONFIRMED',
        'This is not the switch the site data expects. Check the cable, or confirm it is the right switch before Dialtone changes anything.',
        { switchId },
      );
  }

  return {
    work,

    async connect(jobId, switchId, route, login) {
      const state = await jobs.state(jobId);
      if (state.archived)
        throw jobArchivedError(
          'its switches are not connected again. Open a new job to work on them.',
        );
      const info = switchInfoOf(state.snapshot, switchId);
      const view = await switches.connect({
        jobId,
        switchId,
        vendor: info.vendor,
        route,
        ...(login ? { login } : {}),
      });
      const check = checkIdentity(info, view.identity);
      const current = (await work(jobId)).connections[switchId];
      if (
        !current ||
        current.at < view.openedAt ||
        JSON.stringify(current.identity) !== JSON.stringify(view.identity)
      )
        await record(jobId, ENGINEER_ACTOR, {
          type: 'SwitchConnected',
          payload: {
            switchId,
            route: route.kind,
            label: view.label,
            identity: view.identity,
            check,
          },
        });
      watch({ jobId, switchId });
      options.onChanged(jobId);
      recheck(jobId);
      return view;
    },

    async confirmIdentity(jobId, switchId, actionId) {
      const connection = (await work(jobId)).connections[switchId];
      if (!connection)
        throw new CodedError('SWITCH_NOT_CONNECTED', 'Connect to the switch before confirming it.');
      await record(
        jobId,
        ENGINEER_ACTOR,
        { type: 'SwitchIdentityConfirmed', payload: { switchId, identity: connection.identity } },
        actionId,
      );
      options.onChanged(jobId);
      // Its ports are facts about the floor ports from now on.
      recheck(jobId);
    },

    async trustHostKey(jobId, switchId, fingerprint) {
      switchInfoOf((await jobs.state(jobId)).snapshot, switchId);
      await switches.trustHostKey(switchId, fingerprint, (change) =>
        record(jobId, ENGINEER_ACTOR, {
          type: 'SwitchHostKeyTrusted',
          payload: { switchId, oldFingerprint: change.pinned, newFingerprint: change.presented },
        }),
      );
      options.onChanged(jobId);
    },

    cabling: (jobId) => cablingRows(jobId, false),
    checkCabling: (jobId) => cablingRows(jobId, true),

    async planCabling(jobId, actionId, handsetId, floorPortId) {
      const state = await jobs.state(jobId);
      if (!state.snapshot.handsets.some((h) => h.id === handsetId))
        throw new CodedError('HANDSET_UNKNOWN', `There is no handset ${handsetId} in this job.`);
      if (!state.snapshot.floorPorts.some((p) => p.id === floorPortId))
        throw new CodedError(
          'FLOOR_PORT_NOT_FOUND',
          `There is no floor port ${floorPortId} in this job.`,
        );
      await record(
        jobId,
        ENGINEER_ACTOR,
        { type: 'CablingPlanned', payload: { handsetId, floorPortId } },
        actionId,
      );
      await cablingRows(jobId, true);
      options.onChanged(jobId);
    },

    async roles(jobId) {
      const state = await jobs.state(jobId);
      const snapshot = state.snapshot;
      const current = await work(jobId);
      const catalogue = snapshot.site.roleCatalogue;
      const needed = roleNeededForHandset(catalogue);
      const connected = new Set(switches.sessions(jobId).map((s) => s.switchId));
      const rows: RoleRow[] = [];
      for (const planned of cablingPlan(snapshot, current)) {
        const port = planned.floorPort;
        if (!port) continue;
        const local = state.floorPorts.find((p) => p.id === port.id);
        const row: RoleRow = {
          floorPortId: port.id,
          label: port.label,
          switchId: port.switchId,
          interfaceName: port.interfaceName,
          // What the platform has: a change still queued (local.roleId) is not there yet.
          platformRoleId: local?.platformRoleId ?? port.roleId,
          switchRoleId: null,
          neededRoleId: needed?.id ?? null,
          preview: null,
          applied: current.roles[port.id] ?? null,
          blocked: null,
        };
        if (!connected.has(port.switchId)) row.blocked = 'Connect to the switch to read this port.';
        else if (!needed) row.blocked = "The site's role catalogue has no role for a desk phone.";
        else if (!changesAllowed(current, port.switchId))
          // What another switch's interface holds says nothing about this floor port.
          row.blocked = 'This is not the expected switch: confirm it before changing anything.';
        else {
          const inspected = await switches.inspectRole(
            { jobId, switchId: port.switchId },
            port.interfaceName,
            needed,
            catalogue,
          );
          row.switchRoleId = inspected.roleOnSwitch;
          row.preview = inspected.preview;
        }
        rows.push(row);
      }
      return rows;
    },

    async applyRoles(jobId, actionId, floorPortIds, onProgress) {
      const state = await jobs.state(jobId);
      const snapshot = state.snapshot;
      const needed = roleNeededForHandset(snapshot.site.roleCatalogue);
      if (!needed)
        throw new CodedError(
          'ROLE_UNKNOWN',
          "The site's role catalogue has no role for a desk phone.",
        );
      const ports = floorPortIds.map((id) => {
        const port = snapshot.floorPorts.find((p) => p.id === id);
        if (!port)
          throw new CodedError('FLOOR_PORT_NOT_FOUND', `There is no floor port ${id} in this job.`);
        return port;
      });
      for (const switchId of new Set(ports.map((p) => p.switchId)))
        await requireChangesAllowed(jobId, switchId);
      const results: RoleApplyProgress[] = [];
      for (const [index, port] of ports.entries()) {
        let progress: RoleApplyProgress;
        try {
          const result: PortRoleResult = await switches.applyRole(
            { jobId, switchId: port.switchId },
            port.interfaceName,
            needed,
          );
          await record(
            jobId,
            ENGINEER_ACTOR,
            portRoleAppliedEvent(
              {
                floorPortId: port.id,
                switchId: port.switchId,
                interfaceName: port.interfaceName,
                roleId: needed.id,
              },
              result,
            ),
            `${actionId}:${port.id}`,
          );
          const outcome = result.rejected
            ? 'refused'
            : !result.verified
              ? 'notVerified'
              : result.changed
                ? 'changed'
                : 'alreadyRight';
          progress = {
            floorPortId: port.id,
            index: index + 1,
            total: ports.length,
            outcome,
            message:
              outcome === 'refused'
                ? `The switch refused "${result.rejected!.command}": ${result.rejected!.switchSaid}`
                : outcome === 'notVerified'
                  ? `Read back, ${port.interfaceName} still differs from ${needed.name}.`
                  : outcome === 'changed'
                    ? `${result.commands.length} commands sent, read back and verified.`
                    : `Already ${needed.name}: nothing sent.`,
          };
          if (result.verified) {
            const local = state.floorPorts.find((p) => p.id === port.id);
            // The platform already has it, or a change to it is on its way: nothing to queue.
            const latest = state.outbox
              .filter(
                (item) =>
                  item.entry.mutation.kind === 'setFloorPortRole' &&
                  item.entry.mutation.floorPortId === port.id &&
                  item.status !== 'discarded' &&
                  item.status !== 'superseded',
              )
              .at(-1);
            const onItsWay =
              latest?.entry.mutation.kind === 'setFloorPortRole' &&
              latest.entry.mutation.roleId === needed.id;
            if (!onItsWay && (local?.roleId ?? port.roleId) !== needed.id)
              await jobs.setFloorPortRole(jobId, {
                actionId: `${actionId}:${port.id}:platform`,
                floorPortId: port.id,
                roleId: needed.id,
              });
          }
        } catch (error) {
          progress = {
            floorPortId: port.id,
            index: index + 1,
            total: ports.length,
            outcome: 'failed',
            message: error instanceof Error ? error.message : String(error),
          };
        }
        results.push(progress);
        onProgress(progress);
      }
      options.onChanged(jobId);
      return results;
    },

    async takeControl(key, actionId) {
      switches.takeControl(key, ENGINEER_ACTOR);
      await record(
        key.jobId,
        ENGINEER_ACTOR,
        {
          type: 'ConsoleControlChanged',
          payload: { switchId: key.switchId, controller: ENGINEER_ACTOR },
        },
        actionId,
      );
      options.onChanged(key.jobId);
    },

    async releaseControl(key, actionId) {
      await switches.releaseControl(key);
      await record(
        key.jobId,
        ENGINEER_ACTOR,
        { type: 'ConsoleControlChanged', payload: { switchId: key.switchId, controller: null } },
        actionId,
      );
      options.onChanged(key.jobId);
    },

    async type(key, text) {
      const { secret, recorded } = await switches.type(key, text);
      // Journaled a line at a time as the engineer's; a line typed at a password prompt is masked.
      const id = `${key.jobId}\u0000${key.switchId}`;
      const line = consoleLine.get(id) ?? { text: '', secret: false };
      if (secret) line.secret = true;
      else line.text = (line.text + recorded.replace(/[\r\n]/g, '')).slice(-4000);
      if (!/[\r\n]/.test(text)) {
        consoleLine.set(id, line);
        return;
      }
      consoleLine.delete(id);
      await record(key.jobId, ENGINEER_ACTOR, {
        type: 'ConsoleTyped',
        payload: { switchId: key.switchId, text: line.secret ? '<secret>' : line.text },
      });
    },

    async disconnect(key) {
      const id = `${key.jobId}\u0000${key.switchId}`;
      watching.get(id)?.();
      watching.delete(id);
      await switches.disconnect(key);
      options.onChanged(key.jobId);
    },
  };
}
