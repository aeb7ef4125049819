import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchMember, TranscriptMember } from '../../shared/bundles';
import { writeFileDurably } from '../jobs/durable-files';

/**
 * What the switch side of a job leaves for its bundle, kept in the job's folder next to the
 * journal: each switch as read (identity, interface configuration, operations and their
 * results) and each console transcript. The switch service records here; export reads it.
 */
export interface SwitchEvidence {
  recordSwitch(jobId: string, record: SwitchMember): Promise<void>;
  recordTranscript(jobId: string, transcript: TranscriptMember): Promise<void>;
  switches(jobId: string): SwitchMember[];
  transcripts(jobId: string): TranscriptMember[];
}

const SAFE_NAME = /[^A-Za-z0-9_.-]+/g;

export function evidenceFileName(name: string): string {
  return `${name.replace(SAFE_NAME, '_').slice(0, 120) || 'unnamed'}.json`;
}

function readAll<T>(
  directory: string,
  schema: { safeParse(data: unknown): { success: boolean; data?: T } },
): T[] {
  let names: string[];
  try {
    names = readdirSync(directory)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  const items: T[] = [];
  for (const name of names) {
    try {
      const parsed = schema.safeParse(JSON.parse(readFileSync(join(directory, name), 'utf8')));
      if (parsed.success) items.push(parsed.data as T);
    } catch {
      // A half-written evidence file is skipped; the journal is the job's truth.
    }
  }
  return items;
}

export function createSwitchEvidence(jobsDirectory: string): SwitchEvidence {
  const folder = (jobId: string, what: 'switches' | 'transcripts') =>
    join(jobsDirectory, jobId, 'evidence', what);
  const write = async (directory: string, name: string, value: unknown) => {
    mkdirSync(directory, { recursive: true });
    await writeFileDurably(join(directory, evidenceFileName(name)), JSON.stringify(value));
  };
  return {
    recordSwitch: (jobId, record) =>
      write(folder(jobId, 'switches'), record.identity.switchId, SwitchMember.parse(record)),
    recordTranscript: (jobId, transcript) =>
      write(folder(jobId, 'transcripts'), transcript.name, TranscriptMember.parse(transcript)),
    switches: (jobId) => readAll(folder(jobId, 'switches'), SwitchMember),
    transcripts: (jobId) => readAll(folder(jobId, 'transcripts'), TranscriptMember),
  };
}
