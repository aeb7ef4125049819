import { createAppServices, type AppServices, type AppServicesOptions } from '../services';

/**
 * The app's services as the browser host starts them on the demo platform, over a data
 * folder, with connectivity checked (so jobs can be opened). The caller closes them.
 */
export async function startDemoApp(
  dataDirectory: string,
  extra: Pick<AppServicesOptions, 'demoConsoles'> = {},
): Promise<AppServices> {
  const services = await createAppServices({
    host: 'browser',
    target: { kind: 'demo' },
    dataDirectory,
    ...extra,
  });
  await services.jobs.connectivity.check();
  return services;
}

/** Calls a channel through the app's router as a window would; a refusal throws with its code. */
export function routerCall(services: AppServices) {
  return async <T>(channel: string, request: unknown): Promise<T> => {
    const reply = await services.router.dispatch(channel, request);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.response as T;
  };
}
