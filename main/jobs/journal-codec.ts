import { hash } from 'node:crypto';
import { EventEnvelope, JobEventBody, type JobEvent } from '../../shared/jobs';

/**
 * One journal record per line: the event as JSON with its SHA-256 appended as the last
 * field. The checksum covers the exact bytes before it, so no re-serialising is needed
 * to check it and a flipped bit anywhere in the line is caught.
 */

const CHECKSUM_FIELD = ',"checksum":"';
/** `,"checksum":"` + 64 hex digits + `"}` */
const CHECKSUM_SUFFIX_LENGTH = CHECKSUM_FIELD.length + 64 + 2;

function sha256(text: string): string {
  // The one-shot form: about half the cost of createHash for a record-sized line.
  return hash('sha256', text, 'hex');
}

/** The line to write for an event, newline included. */
export function encodeRecord(event: JobEvent): string {
  const body = JSON.stringify({
    seq: event.seq,
    id: event.id,
    time: event.time,
    actor: event.actor,
    type: event.type,
    payload: event.payload,
  });
  return `${body.slice(0, -1)}${CHECKSUM_FIELD}${sha256(body)}"}\n`;
}

export type DecodedLine = { ok: true; record: JobEvent } | { ok: false; reason: string };

/** Checks and parses one line (without its newline). */
export function decodeRecord(line: string): DecodedLine {
  if (line.length <= CHECKSUM_SUFFIX_LENGTH) return { ok: false, reason: 'line too short' };
  const at = line.length - CHECKSUM_SUFFIX_LENGTH;
  if (!line.startsWith(CHECKSUM_FIELD, at) || !line.endsWith('"}'))
    return { ok: false, reason: 'no checksum at the end of the line' };
  const checksum = line.slice(at + CHECKSUM_FIELD.length, line.length - 2);
  const body = `${line.slice(0, at)}}`;
  if (sha256(body) !== checksum) return { ok: false, reason: 'checksum does not match' };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  // Envelope and body are checked apart: far cheaper than one intersection schema, and
  // every journal is read whole each time a job is opened.
  const envelope = EventEnvelope.safeParse(json);
  if (!envelope.success) return { ok: false, reason: describe(envelope.error) };
  const { type, payload } = json as { type?: unknown; payload?: unknown };
  const parsedBody = JobEventBody.safeParse({ type, payload });
  if (!parsedBody.success) return { ok: false, reason: describe(parsedBody.error) };
  return { ok: true, record: { ...envelope.data, ...parsedBody.data } as JobEvent };
}

function describe(error: {
  issues: readonly { message: string; path: readonly PropertyKey[] }[];
}): string {
  const issue = error.issues[0];
  return `not a journal event: ${issue?.message ?? 'invalid'} at ${issue?.path.map(String).join('.') ?? '?'}`;
}
