import { z } from 'zod';
import { defineDomain } from '../domain';

/** Which platform Dialtone talks to, and whether it answers. */
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

export const appDomain = defineDomain('app', {
  channels: {
    'app:info': { request: z.object({}).strict(), response: AppInfo },
  },
  events: {
    'app:connectionChanged': ConnectionState,
  },
});
