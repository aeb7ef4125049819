import { createAppServices, type AppServices } from '../services';

/**
 * The app's services as the browser host starts them on the demo platform, over a data
 * folder, with connectivity checked (so jobs can be opened). The caller closes them.
 */
export async function startDemoApp(dataDirectory: string): Promise<AppServices> {
  const services = await createAppServices({
    host: 'browser',
    target: { kind: 'demo' },
    dataDirectory,
  });
  await services.jobs.connectivity.check();
  return services;
}
