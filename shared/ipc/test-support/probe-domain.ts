import { z } from 'zod';
import { defineDomain, scopedEvent } from '../domain';

/**
 * A domain only tests use, so the scoped-event machinery is proven before (and apart from)
 * the domains that stream for real: a byte stream coalesced like a console's output, and a
 * per-port link event delivered one by one.
 */
export const probeDomain = defineDomain('probe', {
  channels: {},
  events: {},
  scopedEvents: {
    'probe:output': scopedEvent({
      scope: z.object({ sessionId: z.string().min(1) }).strict(),
      payload: z.object({ data: z.string() }),
      coalesce: { windowMs: 20, merge: (earlier, later) => ({ data: earlier.data + later.data }) },
    }),
    'probe:link': scopedEvent({
      scope: z.object({ switchId: z.string().min(1), port: z.string().min(1) }).strict(),
      payload: z.object({ up: z.boolean() }),
    }),
  },
});

export const probeScopedEvents = probeDomain.scopedEvents;
