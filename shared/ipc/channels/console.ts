import { z } from 'zod';
import { defineDomain, scopedEvent } from '../domain';
import { ActionId, JobId } from './jobs';

/** The console panel: the live transcript, taking the keyboard, and the job's saved transcripts. */

const Key = { jobId: JobId, switchId: z.string().min(1).max(100) };

export const SavedTranscriptView = z.object({
  switchId: z.string(),
  hostname: z.string(),
  file: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  reason: z.string(),
});
export type SavedTranscriptView = z.infer<typeof SavedTranscriptView>;

export const consoleDomain = defineDomain('console', {
  channels: {
    /** What the live console has shown so far (redacted), and who holds the keyboard. */
    'console:open': {
      request: z.object(Key).strict(),
      response: z.object({ text: z.string(), controller: z.string().nullable() }),
    },
    'console:takeControl': {
      request: z.object({ ...Key, actionId: ActionId }).strict(),
      response: z.object({ controller: z.string().nullable() }),
    },
    'console:releaseControl': {
      request: z.object({ ...Key, actionId: ActionId }).strict(),
      response: z.object({ controller: z.string().nullable() }),
    },
    'console:type': {
      request: z.object({ ...Key, text: z.string().min(1).max(4096) }).strict(),
      response: z.object({}),
    },
    'console:transcripts': {
      request: z.object({ jobId: JobId }).strict(),
      response: z.object({ transcripts: z.array(SavedTranscriptView) }),
    },
    'console:readTranscript': {
      request: z.object({ jobId: JobId, file: z.string().min(1).max(300) }).strict(),
      response: z.object({ text: z.string() }),
    },
  },
  events: {},
  scopedEvents: {
    /** The live console's text (redacted in main), only to the window showing that console. */
    'console:output': scopedEvent({
      scope: z.object(Key).strict(),
      payload: z.object({ text: z.string() }),
      coalesce: { windowMs: 30, merge: (a, b) => ({ text: a.text + b.text }) },
    }),
  },
});
