import type { z } from 'zod';

/** One request/response channel: what the renderer may send, and what main answers. */
export interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
}

/** The part of the bridge one domain owns: its `domain:action` channels and the events it pushes. */
export interface BridgeDomain<D extends string = string> {
  name: D;
  channels: Record<`${D}:${string}`, ChannelSpec>;
  events: Record<`${D}:${string}`, z.ZodType>;
}

/**
 * Declares one domain's part of the contract. Every channel and event name must be
 * `<name>:<action>` (`events: {}` when it pushes none); a name outside the domain is refused when the module loads.
 */
export function defineDomain<
  const D extends string,
  const C extends Record<`${D}:${string}`, ChannelSpec>,
  const E extends Record<`${D}:${string}`, z.ZodType>,
>(name: D, parts: { channels: C; events: E }): { name: D; channels: C; events: E } {
  const { events } = parts;
  for (const key of [...Object.keys(parts.channels), ...Object.keys(events)]) {
    if (!key.startsWith(`${name}:`) || key.length === name.length + 1)
      throw new Error(
        `Bridge name ${key} does not belong to the ${name} domain (${name}:<action>).`,
      );
  }
  return { name, channels: parts.channels, events };
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
/** Every event of the given domains, as one object type. */
export type EventsOf<Ds extends readonly BridgeDomain[]> = UnionToIntersection<
  Ds[number]['events']
>;

/** Merges domains into one channel table and one event table; two domains of one name are refused. */
export function composeDomains<const Ds extends readonly BridgeDomain[]>(
  domains: Ds,
): { channels: ChannelsOf<Ds>; events: EventsOf<Ds> } {
  const names = new Set<string>();
  const channels: Record<string, ChannelSpec> = {};
  const events: Record<string, z.ZodType> = {};
  for (const domain of domains) {
    if (names.has(domain.name))
      throw new Error(`The bridge domain ${domain.name} is declared twice.`);
    names.add(domain.name);
    Object.assign(channels, domain.channels);
    Object.assign(events, domain.events);
  }
  return { channels: channels as ChannelsOf<Ds>, events: events as EventsOf<Ds> };
}
