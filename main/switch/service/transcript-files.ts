import { mkdir, readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { CodedError } from '../../../shared/errors';
import { writeFileDurably } from '../../jobs/durable-files';
import type { SavedTranscript } from './switch-service';

/** Where a job's console transcripts live: `<jobs>/<jobId>/transcripts/<hostname>-<time>.txt`. */
export function createTranscriptFiles(jobsDirectory: string) {
  const folderOf = (jobId: string) => join(jobsDirectory, jobId, 'transcripts');
  return {
    /** Writes the (already redacted) transcript durably; returns its path relative to the job folder. */
    async write(transcript: SavedTranscript): Promise<string> {
      const stamp = transcript.startedAt.replaceAll(':', '-');
      const safeHost = transcript.hostname.replace(/[^A-Za-z0-9._-]/g, '_') || 'switch';
      const name = `${safeHost}-${stamp}.txt`;
      await mkdir(folderOf(transcript.jobId), { recursive: true });
      const header = [
        `# Dialtone console transcript (secrets redacted)`,
        `# switch ${transcript.switchId} (${transcript.hostname})`,
        `# ${transcript.startedAt} → ${transcript.endedAt}, ended: ${transcript.reason}`,
        `# bytes sent ${transcript.bytes.tx}, received ${transcript.bytes.rx}`,
        '',
      ].join('\n');
      await writeFileDurably(
        join(folderOf(transcript.jobId), name),
        `${header}${transcript.text}\n`,
      );
      return `transcripts/${name}`;
    },
    async read(jobId: string, file: string): Promise<string> {
      const relative = normalize(file);
      if (!relative.startsWith(`transcripts${sep}`) || relative.includes('..'))
        throw new CodedError('TRANSCRIPT_NOT_FOUND', `There is no transcript ${file} in this job.`);
      try {
        return await readFile(join(jobsDirectory, jobId, relative), 'utf8');
      } catch {
        throw new CodedError('TRANSCRIPT_NOT_FOUND', `There is no transcript ${file} in this job.`);
      }
    },
  };
}
export type TranscriptFiles = ReturnType<typeof createTranscriptFiles>;
