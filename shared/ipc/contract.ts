import type { z } from 'zod';
import type { BridgeReply } from './errors';
import type { Floor, FloorPort, Occupier, PortRole, Site, SiteSummary } from '../platform/schemas';
import { appDomain } from './channels/app';
import { installationDomain } from './channels/installation';
import { bundlesDomain } from './channels/bundles';
import { jobsDomain } from './channels/jobs';
import { settingsDomain } from './channels/settings';
import { sitesDomain } from './channels/sites';
import { syncDomain } from './channels/sync';
import { consoleDomain } from './channels/console';
import { switchDomain } from './channels/switch';
import { composeDomains } from './domain';

/**
 * The one composition of the bridge contract. Preload, web host, router and renderer client
 * are all derived from `channels`, `events` and `scopedEvents`; no other file lists channel names.
 *
 * To add a domain (say `numbers`):
 * 1. write shared/ipc/channels/numbers.ts exporting
 *    `numbersDomain = defineDomain('numbers', { channels: { 'numbers:check': { request, response } }, events: {...} })`
 *    (every name `numbers:<action>`; zod schemas, `.strict()` requests);
 *    Streams that only the subscribing window may see (console bytes, one switch's link events)
 *    go in `scopedEvents: { 'numbers:x': scopedEvent({ scope, payload, coalesce? }) }`;
 *    main pushes them with `router.emitScoped(event, scope, payload)`, the renderer takes them
 *    with `bridge.subscribe(event, scope, listener)`.
 * 2. add `numbersDomain` to `domains` below (and export its types from ./index.ts);
 * 3. in main, write main/bridge/numbers-handlers.ts returning `DomainHandlers<typeof numbersDomain>`
 *    and spread it into createChannelHandlers (main/bridge/handlers.ts) — a missing handler is a
 *    compile error there. Nothing else changes: hosts, preload and the renderer client follow.
 */
export const domains = [
  appDomain,
  sitesDomain,
  jobsDomain,
  syncDomain,
  settingsDomain,
  switchDomain,
  consoleDomain,
  installationDomain,
  bundlesDomain,
] as const;

export const { channels, events, scopedEvents } = composeDomains(domains);

export type Channels = typeof channels;
export type Events = typeof events;
export type ChannelName = keyof Channels;
export type EventName = keyof Events;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]>;
export type ScopedEvents = typeof scopedEvents;
export type ScopedEventName = keyof ScopedEvents;
/** What a renderer subscribes with (and main emits with) for one scoped event. */
export type ScopeOf<E extends ScopedEventName> = z.input<ScopedEvents[E]['scope']>;
export type ScopedPayloadOf<E extends ScopedEventName> = z.output<ScopedEvents[E]['payload']>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

export function isScopedEventName(value: unknown): value is ScopedEventName {
  return typeof value === 'string' && Object.hasOwn(scopedEvents, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** What the renderer sees as `window.dialtone`, whichever host serves it. */
export interface DialtoneBridge {
  /** Never rejects for an application error: failures come back as `{ ok: false, error }`. */
  invoke(channel: ChannelName, request: unknown): Promise<BridgeReply>;
  /** Broadcast events: every window gets them. */
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /**
   * Scoped events: only this page gets them, and only for the scope it names (main checks the
   * event name and the scope; a refusal comes back through `ready`).
   */
  subscribe(
    event: string,
    scope: unknown,
    listener: (payload: unknown) => void,
  ): BridgeSubscription;
}

export interface BridgeSubscription {
  /** Settles once main accepted the subscription (`ok`) or refused it (unknown event, bad scope). */
  ready: Promise<BridgeReply>;
  /** Stops deliveries at once; safe to call twice. */
  unsubscribe(): void;
}

// Re-exported so screens can name the types they render without reaching into platform/.
export type { Floor, FloorPort, Occupier, PortRole, Site, SiteSummary };
