import { z } from 'zod';
import { defineDomain } from '../domain';

/** Bridge channels of the platform settings: the demo, or a real platform URL and token. */

export const PlatformTargetView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }),
  z.object({
    kind: z.literal('platform'),
    baseUrl: z.string(),
    /** How the token is held; the token itself never crosses the bridge back. */
    token: z.enum(['encrypted', 'memory', 'missing']),
  }),
]);
export type PlatformTargetView = z.infer<typeof PlatformTargetView>;

export const settingsDomain = defineDomain('settings', {
  channels: {
    'settings:get': {
      request: z.object({}).strict(),
      response: z.object({ target: PlatformTargetView }),
    },
    'settings:usePlatform': {
      request: z
        .object({
          baseUrl: z.string().min(1, 'Enter the platform address').max(2048),
          token: z.string().min(1, 'Enter the API token').max(4096),
        })
        .strict(),
      response: z.object({ target: PlatformTargetView, operatorName: z.string() }),
    },
    'settings:useDemo': {
      request: z.object({}).strict(),
      response: z.object({ target: PlatformTargetView }),
    },
  },
  events: {},
});
