import { z } from 'zod';
import { SwitchVendor } from '../../platform/schemas';
import { IdentityCheck } from '../../jobs/switch-events';
import { PortFacts, PortLinkEvent, SshFingerprint, SwitchIdentityView } from '../../switch/facts';
import { defineDomain, scopedEvent } from '../domain';
import { ActionId, JobId } from './jobs';

/** The switch half of a job: connect, the faceplate's facts, cabling, port roles, the demo's cables. */

const SwitchId = z.string().min(1).max(100);
const Key = { jobId: JobId, switchId: SwitchId };

export const SwitchRouteRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }).strict(),
  z
    .object({
      kind: z.literal('serial'),
      path: z.string().min(1, 'Pick the serial port of the console cable').max(500),
      /**
       * Line speed; `auto` (the default) finds it by listening at the common console speeds
       * in turn, on the one open port (the switch is never reset by reopening it).
       */
      baudRate: z.union([z.literal('auto'), z.number().int().min(300).max(921_600)]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('ssh'),
      host: z.string().min(1, 'Enter the switch address').max(255),
      port: z.number().int().min(1).max(65_535).default(22),
    })
    .strict(),
]);
export type SwitchRouteRequest = z.input<typeof SwitchRouteRequest>;

export const SwitchLoginRequest = z
  .object({
    username: z.string().max(200),
    password: z.string().max(500),
    enableSecret: z.string().max(500).optional(),
  })
  .strict();

export const SwitchSessionInfo = z.object({
  route: z.enum(['demo', 'serial', 'ssh']),
  label: z.string(),
  identity: SwitchIdentityView,
  openedAt: z.string(),
  controller: z.string().nullable(),
  /** A console line's speed: found by listening (`found`) or as the engineer set it. */
  serial: z.object({ path: z.string(), baudRate: z.number().int(), found: z.boolean() }).nullable(),
});

export const SwitchOverviewItem = z.object({
  switchId: SwitchId,
  hostname: z.string(),
  vendor: SwitchVendor,
  model: z.string(),
  interfaceCount: z.number().int(),
  consoleBaud: z.number().int(),
  /** A login for it is held in main (never shown): the screen does not ask again. */
  hasLogin: z.boolean(),
  session: SwitchSessionInfo.nullable(),
  /** The last identification in this job, and whether the engineer confirmed an unexpected switch. */
  identification: z
    .object({ identity: SwitchIdentityView, check: IdentityCheck, confirmed: z.boolean() })
    .nullable(),
  changesAllowed: z.boolean(),
});
export type SwitchOverviewItem = z.infer<typeof SwitchOverviewItem>;

export const SwitchOverview = z.object({
  switches: z.array(SwitchOverviewItem),
  demo: z.boolean(),
  /** How logins are kept: `encrypted` by the OS keychain, or `memory` for this run only. */
  credentialKeeping: z.enum(['encrypted', 'memory']),
});
export type SwitchOverview = z.infer<typeof SwitchOverview>;

export const CablingRowView = z.object({
  handsetId: z.string(),
  mac: z.string(),
  modelName: z.string(),
  floorPortId: z.string().nullable(),
  floorPortLabel: z.string().nullable(),
  switchId: z.string().nullable(),
  interfaceName: z.string().nullable(),
  planSource: z.enum(['platform', 'engineer', 'suggested', 'none']),
  outcome: z.enum(['ok', 'wrongPort', 'notSeen']),
  observed: z
    .object({
      switchId: z.string(),
      interfaceName: z.string(),
      floorPortId: z.string().nullable(),
      floorPortLabel: z.string().nullable(),
      link: z.string(),
      poe: z.string(),
      poeWatts: z.number().nullable(),
      neighbour: z
        .object({
          model: z.string(),
          mac: z.string().nullable(),
          protocol: z.string(),
          systemName: z.string(),
        })
        .nullable(),
    })
    .nullable(),
  checkedAt: z.string().nullable(),
  /** Demo only: where the handset really is now. */
  pluggedInto: z.string().nullable(),
});
export type CablingRowView = z.infer<typeof CablingRowView>;

export const CablingView = z.object({
  handsets: z.array(CablingRowView),
  done: z.boolean(),
  /** Floor ports of the occupier, to re-plan a handset onto. */
  floorPorts: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type CablingView = z.infer<typeof CablingView>;

const RolePreviewView = z.object({
  interfaceName: z.string(),
  commands: z.array(z.string()),
  changes: z.array(z.string()),
  alreadyRight: z.boolean(),
});

export const RoleRowView = z.object({
  floorPortId: z.string(),
  label: z.string(),
  switchId: z.string(),
  interfaceName: z.string(),
  platformRoleId: z.string().nullable(),
  switchRoleId: z.string().nullable(),
  neededRoleId: z.string().nullable(),
  preview: RolePreviewView.nullable(),
  applied: z
    .object({
      roleId: z.string(),
      changed: z.boolean(),
      verified: z.boolean(),
      commands: z.array(z.string()),
      rejected: z.object({ command: z.string(), switchSaid: z.string() }).nullable(),
      actualConfig: z.array(z.string()),
      at: z.string(),
    })
    .nullable(),
  blocked: z.string().nullable(),
});
export type RoleRowView = z.infer<typeof RoleRowView>;

export const RolesView = z.object({
  rows: z.array(RoleRowView),
  done: z.boolean(),
  roles: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RolesView = z.infer<typeof RolesView>;

export const RoleApplyResult = z.object({
  floorPortId: z.string(),
  index: z.number().int(),
  total: z.number().int(),
  outcome: z.enum(['changed', 'alreadyRight', 'refused', 'notVerified', 'failed']),
  message: z.string(),
});
export type RoleApplyResult = z.infer<typeof RoleApplyResult>;

export const SwitchLive = z.object({
  links: z.array(PortLinkEvent),
  ports: z.array(PortFacts),
});
export type SwitchLive = z.infer<typeof SwitchLive>;

/** Latest wins per interface, so a flapping port is one update per window. */
export function mergeSwitchLive(earlier: SwitchLive, later: SwitchLive): SwitchLive {
  const links = new Map(earlier.links.map((l) => [l.interfaceName, l]));
  for (const l of later.links) links.set(l.interfaceName, l);
  const ports = new Map(earlier.ports.map((p) => [p.interfaceName, p]));
  for (const p of later.ports) ports.set(p.interfaceName, p);
  return { links: [...links.values()], ports: [...ports.values()] };
}

export const switchDomain = defineDomain('switch', {
  channels: {
    'switch:overview': {
      request: z.object({ jobId: JobId }).strict(),
      response: SwitchOverview,
    },
    'switch:serialPorts': {
      request: z.object({}).strict(),
      response: z.object({
        ports: z.array(
          z.object({
            path: z.string(),
            adapter: z.string().nullable(),
            byId: z.string().nullable(),
          }),
        ),
      }),
    },
    'switch:connect': {
      request: z
        .object({ ...Key, route: SwitchRouteRequest, login: SwitchLoginRequest.optional() })
        .strict(),
      response: SwitchOverviewItem,
    },
    /**
     * "Trust the new key": after a connect refused with SWITCH_HOST_KEY_CHANGED (its detail
     * carries `pinned` and `presented`), pins the presented key for the switch and records
     * SwitchHostKeyTrusted (both fingerprints) in the job's journal; connect again.
     */
    'switch:trustHostKey': {
      request: z.object({ ...Key, fingerprint: SshFingerprint }).strict(),
      response: z.object({}),
    },
    'switch:confirmIdentity': {
      request: z.object({ ...Key, actionId: ActionId }).strict(),
      response: SwitchOverviewItem,
    },
    'switch:disconnect': {
      request: z.object(Key).strict(),
      response: z.object({}),
    },
    'switch:ports': {
      request: z.object({ ...Key, refresh: z.boolean().default(false) }).strict(),
      response: z.object({ ports: z.array(PortFacts) }),
    },
    'switch:cabling': {
      request: z.object({ jobId: JobId }).strict(),
      response: CablingView,
    },
    'switch:planCabling': {
      request: z
        .object({
          jobId: JobId,
          actionId: ActionId,
          handsetId: z.string().min(1),
          floorPortId: z.string().min(1),
        })
        .strict(),
      response: CablingView,
    },
    /** Demo only: plug a handset into a floor port of the simulated world (null: unplug it). */
    'switch:demoPlug': {
      request: z
        .object({
          jobId: JobId,
          handsetId: z.string().min(1),
          floorPortId: z.string().min(1).nullable(),
        })
        .strict(),
      response: CablingView,
    },
    'switch:roles': {
      request: z.object({ jobId: JobId }).strict(),
      response: RolesView,
    },
    'switch:applyRoles': {
      request: z
        .object({
          jobId: JobId,
          actionId: ActionId,
          floorPortIds: z.array(z.string().min(1)).min(1).max(200),
        })
        .strict(),
      response: z.object({ results: z.array(RoleApplyResult) }),
    },
  },
  events: {
    /** A job's switch work changed (connection, cabling fact, role): screens read it again. */
    'switch:changed': z.object({ jobId: JobId }),
  },
  scopedEvents: {
    /** One switch's link changes and re-read port facts, only to the window showing it. */
    'switch:live': scopedEvent({
      scope: z.object(Key).strict(),
      payload: SwitchLive,
      coalesce: { windowMs: 30, merge: mergeSwitchLive },
    }),
  },
});
