import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodedError } from '../../shared/errors';
import { BundleView } from '../../shared/ipc';
import { buildJobReport } from '../../shared/jobs';
import {
  PLANTED,
  PLANTED_ENGINEER,
  makePlantedJob,
  type PlantedJob,
} from '../bundles/test-support/planted-job';
import { silentLogger } from '../logging/app-log';
import { createBundleService } from './bundle-service';

let job: PlantedJob;
beforeAll(async () => {
  job = await makePlantedJob('job-ipc');
}, 30_000);
afterAll(() => job.close());

describe('the bundle service behind the bundles:* channels', () => {
  it('exports a job, opens the bytes into a view with the whole timeline, and replays it', async () => {
    const service = createBundleService({
      dataDirectory: job.directory,
      knownSecrets: () => [],
      logger: silentLogger(),
    });
    const { fileName, archive } = await service.exportJob('job-ipc', false);
    expect(fileName).toBe('dialtone-job-ipc.zip');
    const view = await service.open(fileName, archive);
    expect(BundleView.safeParse(view).success).toBe(true);
    expect(view.timeline.map((e) => e.ref)).toEqual(view.timeline.map((_, i) => `#${i + 1}`));
    expect(view.timeline.find((e) => e.switchChange)?.transcript).toBe(view.transcripts[0]!.name);
    // Support reads who did each step by name; what sync did for them stays sync's.
    expect(view.timeline[0]!.actor).toBe(PLANTED_ENGINEER);
    expect(view.timeline.some((e) => e.actor === 'engineer')).toBe(false);
    expect(service.get(view.bundleId).manifest.job.jobId).toBe('job-ipc');
    // The job as the bundled journal folds: the viewer's report is the engineer's report.
    expect(view.job?.jobId).toBe('job-ipc');
    const report = buildJobReport(view.job!);
    expect(report.occupier.name).toBe('Brightwater Legal');
    expect(report.site.name).toBe('Shoreditch Works');
    expect(report.engineerName).toBe(PLANTED_ENGINEER);
    expect(report.changes.length).toBeGreaterThan(0);
    // Folded from the redacted journal, so no planted secret rides along to the viewer.
    for (const secret of Object.values(PLANTED)) expect(JSON.stringify(view)).not.toContain(secret);
    const result = await service.replay(view.bundleId);
    expect(result.outcome).toBe('reproduced');
  }, 30_000);

  it('refuses a bad file with its code, and a bundle that was never opened', async () => {
    const service = createBundleService({
      dataDirectory: job.directory,
      knownSecrets: () => [],
      logger: silentLogger(),
    });
    await expect(service.open('x.zip', Buffer.from('nope'))).rejects.toMatchObject({
      code: 'BUNDLE_MALFORMED',
    });
    try {
      service.get('0123456789abcdef');
      throw new Error('found');
    } catch (error) {
      expect((error as CodedError).code).toBe('BUNDLE_NOT_OPEN');
    }
  });
});
