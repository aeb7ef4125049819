import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, domains, eventNames } from './contract';
import { composeDomains, defineDomain } from './domain';

describe('bridge contract composition', () => {
  it('names every channel and event <domain>:<action> after the domain that declares it', () => {
    for (const domain of domains) {
      for (const name of [...Object.keys(domain.channels), ...Object.keys(domain.events)])
        expect(name.split(':')[0]).toBe(domain.name);
    }
  });

  it('carries every channel and event of every domain, once', () => {
    const declaredChannels = domains.flatMap((d) => Object.keys(d.channels));
    const declaredEvents = domains.flatMap((d) => Object.keys(d.events));
    expect([...channelNames].sort()).toEqual([...declaredChannels].sort());
    expect([...eventNames].sort()).toEqual([...declaredEvents].sort());
    expect(new Set(channelNames).size).toBe(channelNames.length);
  });

  it('refuses a name that does not belong to its domain', () => {
    const spec = { request: z.object({}), response: z.object({}) };
    expect(() =>
      defineDomain('numbers', { channels: { 'sites:list': spec } as never, events: {} }),
    ).toThrow(/does not belong to the numbers domain/);
    expect(() =>
      defineDomain('numbers', { channels: {}, events: { 'numbers:': z.object({}) } }),
    ).toThrow(/does not belong/);
  });

  it('refuses two domains of one name, so no channel is silently replaced', () => {
    const spec = { request: z.object({}), response: z.object({}) };
    const first = defineDomain('numbers', { channels: { 'numbers:check': spec }, events: {} });
    const second = defineDomain('numbers', { channels: { 'numbers:check': spec }, events: {} });
    expect(() => composeDomains([first, second])).toThrow(/declared twice/);
  });
});
