import type { z } from 'zod';

/** One request/response channel: what the renderer may send, and what main answers. */
export interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
}

/**
 * An event that goes only to the renderers that subscribed to it with matching parameters
 * (a console's bytes, one switch's link events), never to every window.
 */
export interface ScopedEventSpec<S extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  /** What a renderer subscribes with and main emits with, e.g. `{ sessionId }`; compared by value. */
  scope: S;
  payload: P;
  /**
   * Stream events: payloads emitted within `windowMs` of the first pending one reach each
   * subscriber as one, merged in order (bytes concatenated, link states latest-wins).
   */
  coalesce?: {
    windowMs: number;
    merge(earlier: z.output<P>, later: z.output<P>): z.output<P>;
  };
}

/** Declares a scoped event, keeping the payload type for `coalesce.merge`. */
export function scopedEvent<S extends z.ZodType, P extends z.ZodType>(
  spec: ScopedEventSpec<S, P>,
): ScopedEventSpec<S, P> {
  return spec;
}

/** The part of the bridge one domain owns: its `domain:action` channels and the events it pushes. */
export interface BridgeDomain<D extends string = string> {
  name: D;
  channels: Record<`${D}:${string}`, ChannelSpec>;
  /** Broadcast to every window: small state changes. */
  events: Record<`${D}:${string}`, z.ZodType>;
  /** Delivered per subscription: streams. */
  scopedEvents: Record<`${D}:${string}`, ScopedEventSpec>;
}

/** A table whose every key is `<D>:<action>` (any other key makes its value `never`: a type error). */
type InDomain<D extends string, T, V> = { [K in keyof T]: K extends `${D}:${string}` ? V : never };

/** Names the bridge keeps for itself (its own IPC control channels are `bridge:*`). */
const RESERVED_DOMAINS = new Set(['bridge']);

/**
 * Declares one domain's part of the contract. Every channel and event name must be
 * `<name>:<action>` (`events: {}` when it pushes none; `scopedEvents` may be left out);
 * a name outside the domain, or one used twice, is refused when the module loads.
 */
export function defineDomain<
  const D extends string,
  const C extends InDomain<D, C, ChannelSpec>,
  const E extends InDomain<D, E, z.ZodType>,
  const S extends InDomain<D, S, ScopedEventSpec> = Record<never, never>,
>(
  name: D,
  parts: { channels: C; events: E; scopedEvents?: S },
): { name: D; channels: C; events: E; scopedEvents: S } {
  if (RESERVED_DOMAINS.has(name)) throw new Error(`The bridge domain name ${name} is reserved.`);
  const { channels, events } = parts;
  const scopedEvents = (parts.scopedEvents ?? {}) as S;
  const seen = new Set<string>();
  for (const key of [
    ...Object.keys(channels),
    ...Object.keys(events),
    ...Object.keys(scopedEvents),
  ]) {
    if (!key.startsWith(`${name}:`) || key.length === name.length + 1)
      throw new Error(
        `Bridge name ${key} does not belong to the ${name} domain (${name}:<action>).`,
      );
    if (seen.has(key)) throw new Error(`Bridge name ${key} is declared twice.`);
    seen.add(key);
  }
  return { name, channels, events, scopedEvents };
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (
  arg: infer I,
) => void
  ? I
  : never;

/** Every channel of the given domains, as one object type. */
export type ChannelsOf<Ds extends readonly BridgeDomain[]> = UnionToIntersection<
  Ds[number]['channels']
>;
/** Every broadcast event of the given domains, as one object type. */
export type EventsOf<Ds extends readonly BridgeDomain[]> = UnionToIntersection<
  Ds[number]['events']
>;
/** Every scoped event of the given domains, as one object type. */
export type ScopedEventsOf<Ds extends readonly BridgeDomain[]> = UnionToIntersection<
  Ds[number]['scopedEvents']
>;

/** Merges domains into one table each; two domains of one name are refused. */
export function composeDomains<const Ds extends readonly BridgeDomain[]>(
  domains: Ds,
): { channels: ChannelsOf<Ds>; events: EventsOf<Ds>; scopedEvents: ScopedEventsOf<Ds> } {
  const names = new Set<string>();
  const channels: Record<string, ChannelSpec> = {};
  const events: Record<string, z.ZodType> = {};
  const scopedEvents: Record<string, ScopedEventSpec> = {};
  for (const domain of domains) {
    if (names.has(domain.name))
      throw new Error(`The bridge domain ${domain.name} is declared twice.`);
    names.add(domain.name);
    Object.assign(channels, domain.channels);
    Object.assign(events, domain.events);
    Object.assign(scopedEvents, domain.scopedEvents);
  }
  return {
    channels: channels as ChannelsOf<Ds>,
    events: events as EventsOf<Ds>,
    scopedEvents: scopedEvents as ScopedEventsOf<Ds>,
  };
}
