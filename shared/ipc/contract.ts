import { z } from 'zod';
import type { BridgeReply } from './errors';
import type { Floor, PortRole } from '../platform/schemas';
import { FloorPort, Occupier, Site, SiteSummary } from '../platform/schemas';
import { jobChannels, jobEvents } from '../jobs/bridge';
import { settingsChannels } from './settings-channels';

/**
 * The one list of bridge channels. Preload, web host, router and renderer client
 * are all derived from this object; no other file names a channel.
 */

export const ConnectionState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo'), platformUrl: z.string() }),
  z.object({ kind: z.literal('platform'), platformUrl: z.string() }),
  z.object({ kind: z.literal('offline'), platformUrl: z.string(), reason: z.string() }),
]);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  connection: ConnectionState,
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SiteDetail = z.object({
  site: Site,
  occupiers: z.array(Occupier),
  floorPorts: z.array(FloorPort),
});
export type SiteDetail = z.infer<typeof SiteDetail>;

const NoRequest = z.object({}).strict();

export const channels = {
  'app:info': { request: NoRequest, response: AppInfo },
  'sites:list': { request: NoRequest, response: z.object({ sites: z.array(SiteSummary) }) },
  'sites:get': {
    request: z.object({ siteId: z.string().min(1) }).strict(),
    response: SiteDetail,
  },
  ...jobChannels,
  ...settingsChannels,
} as const satisfies Record<`${string}:${string}`, { request: z.ZodType; response: z.ZodType }>;

export const events = {
  'app:connectionChanged': ConnectionState,
  ...jobEvents,
} as const satisfies Record<`${string}:${string}`, z.ZodType>;

export type ChannelName = keyof typeof channels;
export type EventName = keyof typeof events;
export type RequestOf<C extends ChannelName> = z.input<(typeof channels)[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<(typeof channels)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** What the renderer sees as `window.dialtone`, whichever host serves it. */
export interface DialtoneBridge {
  /** Never rejects for an application error: failures come back as `{ ok: false, error }`. */
  invoke(channel: ChannelName, request: unknown): Promise<BridgeReply>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

// Re-exported so screens can name the types they render without reaching into platform/.
export type { Floor, FloorPort, Occupier, PortRole, Site, SiteSummary };
