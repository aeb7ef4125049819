import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayEquipment } from '../app/replay-equipment';
import { buildBundle } from './export-bundle';
import { openBundle } from './open-bundle';
import { replayBundle } from './replay';
import { makePlantedJob, type PlantedJob } from './test-support/planted-job';
import { editBundleMember, editVoiceVlanReadBack } from './test-support/edit-bundle';

let job: PlantedJob;
let archive: Buffer;
const equipment = replayEquipment();

beforeAll(async () => {
  job = await makePlantedJob('job-replay');
  archive = (await buildBundle(job.sources, job.jobId, { anonymise: false })).archive;
}, 30_000);
afterAll(() => job.close());

describe('replaying a bundle on simulators built from it', () => {
  it('reproduces the job made through the real services', async () => {
    const result = await replayBundle(await openBundle(archive), equipment);
    expect(result.divergence).toBeNull();
    expect(result).toMatchObject({ outcome: 'reproduced' });
    // Queued, applied and refreshed records, the step, and the switch operation were all compared.
    expect(result.stepsCompared).toBeGreaterThanOrEqual(6);
  }, 30_000);

  it('an anonymised bundle still reproduces', async () => {
    const anonymised = await buildBundle(job.sources, job.jobId, { anonymise: true });
    const result = await replayBundle(await openBundle(anonymised.archive), equipment);
    expect(result.divergence).toBeNull();
    expect(result.outcome).toBe('reproduced');
  }, 30_000);

  it('a recorded switch answer edited: diverges at that switch step, saying what was recorded and what happened now', async () => {
    const bundle = await openBundle(
      await editBundleMember(archive, 'switches/lon-sw-2f-a.json', editVoiceVlanReadBack),
    );
    const result = await replayBundle(bundle, equipment);
    expect(result.outcome).toBe('diverged');
    expect(result.divergence!.ref).toMatch(/^#\d+$/);
    expect(result.divergence!.step).toMatch(/^switch sw-2f-a Gi1\/0\/\d+ — apply role Voice \+ PC/);
    expect(result.divergence!.recorded).toContain('switchport voice vlan 30');
    expect(result.divergence!.now).toContain('switchport voice vlan 20');
  }, 30_000);

  it('a recorded platform answer edited: diverges at that journal step', async () => {
    const bundle = await openBundle(archive);
    const applied = bundle.journal.find(
      (e) => e.type === 'MutationApplied' && e.payload.resultVersion !== null,
    )!;
    if (applied.type !== 'MutationApplied') throw new Error('no applied record');
    applied.payload.resultVersion = applied.payload.resultVersion! + 5;
    const result = await replayBundle(bundle, equipment);
    expect(result.outcome).toBe('diverged');
    expect(result.divergence).toMatchObject({ ref: `#${applied.seq}` });
    expect(result.divergence!.step).toContain('MutationApplied — Set floor port');
    expect(result.divergence!.recorded).toMatch(/applied \(version \d+\)/);
  }, 30_000);
});
