import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JobSnapshot } from '../../shared/jobs';
import { writeFileDurably } from './durable-files';

/** The last snapshot pulled for each occupier, so a job can start offline in the basement. */
export interface SnapshotCache {
  save(siteId: string, occupierId: string, snapshot: JobSnapshot): Promise<void>;
  load(siteId: string, occupierId: string): JobSnapshot | null;
}

export function createSnapshotCache(directory: string): SnapshotCache {
  mkdirSync(directory, { recursive: true });
  const fileOf = (siteId: string, occupierId: string) =>
    join(directory, `${encodeURIComponent(siteId)}--${encodeURIComponent(occupierId)}.json`);
  return {
    save: (siteId, occupierId, snapshot) =>
      writeFileDurably(fileOf(siteId, occupierId), JSON.stringify(snapshot)),
    load(siteId, occupierId) {
      let text: string;
      try {
        text = readFileSync(fileOf(siteId, occupierId), 'utf8');
      } catch {
        return null;
      }
      try {
        const parsed = JobSnapshot.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
