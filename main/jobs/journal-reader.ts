import { open } from 'node:fs/promises';
import type { JobEvent } from '../../shared/jobs';
import { decodeRecord } from './journal-codec';

/**
 * Reading journals. Opening a job streams its journal, with memory bounded by the longest
 * record rather than the file: what stays is the set of event ids (so a retried append is
 * still a no-op) and where the good part ends.
 */

/** Bytes read at a time. */
const CHUNK_BYTES = 1 << 20;
/** No record is anywhere near this; a "line" longer than this is damage, not a record. */
export const MAX_RECORD_BYTES = 32 << 20;

/** What reading a journal found, without changing anything. */
interface ScanEnd {
  /** Length in bytes of the valid, newline-terminated prefix. */
  goodLength: number;
  tornBytes: number;
  corruption: { lineNumber: number; reason: string } | null;
}

export interface JournalStreamScan extends ScanEnd {
  /** Valid records, in order. */
  count: number;
  ids: Set<string>;
}

/** A journal read whole from bytes (a bundle's, a support export): every intact record. */
export interface JournalScan extends ScanEnd {
  records: JobEvent[];
}

/** Checks each line in order: checksum, schema, sequence, unique id, JobCreated first. */
function createLineChecker(onRecord: (record: JobEvent) => void) {
  const ids = new Set<string>();
  let count = 0;
  return {
    ids,
    count: () => count,
    /** The problem with this line, or null once it is accepted and handed on. */
    check(line: string): string | null {
      const decoded = decodeRecord(line);
      if (!decoded.ok) return decoded.reason;
      const { record } = decoded;
      if (record.seq !== count + 1) return `expected record ${count + 1}, found ${record.seq}`;
      if (ids.has(record.id)) return `event id ${record.id} appears twice`;
      if (count === 0 && record.type !== 'JobCreated') return 'the first record is not JobCreated';
      count++;
      ids.add(record.id);
      onRecord(record);
      return null;
    },
  };
}

/** Reads a journal's bytes without changing anything (what a bundle export or open reads). */
export function scanJournal(bytes: Buffer): JournalScan {
  const records: JobEvent[] = [];
  const checker = createLineChecker((record) => records.push(record));
  let offset = 0;
  let lineNumber = 0;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(0x0a, offset);
    lineNumber++;
    // An unfinished last record: the write was cut short. Only the tail may be torn.
    if (newline === -1)
      return { records, goodLength: offset, tornBytes: bytes.length - offset, corruption: null };
    const problem = checker.check(bytes.toString('utf8', offset, newline));
    if (problem !== null)
      return {
        records,
        goodLength: offset,
        tornBytes: 0,
        corruption: { lineNumber, reason: problem },
      };
    offset = newline + 1;
  }
  return { records, goodLength: offset, tornBytes: 0, corruption: null };
}

/**
 * Reads a journal file as a stream: each record is checked, handed to `onRecord` and let
 * go, so memory is bounded by one record, not the file.
 */
export async function streamJournal(
  path: string,
  onRecord: (record: JobEvent) => void,
): Promise<JournalStreamScan> {
  const checker = createLineChecker(onRecord);
  let goodLength = 0;
  let lineNumber = 0;
  const scanned = (
    tornBytes: number,
    corruption: JournalStreamScan['corruption'],
  ): JournalStreamScan => ({
    count: checker.count(),
    ids: checker.ids,
    goodLength,
    tornBytes,
    corruption,
  });

  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry = Buffer.alloc(0);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      const base = position - carry.length; // file offset of data[0]
      position += bytesRead;
      const data =
        carry.length > 0
          ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
          : chunk.subarray(0, bytesRead);
      let offset = 0;
      for (;;) {
        const newline = data.indexOf(0x0a, offset);
        if (newline === -1) break;
        lineNumber++;
        const problem = checker.check(data.toString('utf8', offset, newline));
        if (problem !== null) return scanned(0, { lineNumber, reason: problem });
        offset = newline + 1;
        goodLength = base + offset;
      }
      // The chunk buffer is reused: keep a copy of the unfinished line.
      carry = Buffer.from(data.subarray(offset));
      if (carry.length > MAX_RECORD_BYTES)
        return scanned(0, {
          lineNumber: lineNumber + 1,
          reason: `a line longer than ${MAX_RECORD_BYTES} bytes without an end`,
        });
    }
    // An unfinished last record: the write was cut short. Only the tail may be torn.
    return scanned(carry.length, null);
  } finally {
    await handle.close();
  }
}

/** The first line of a file (without its newline), read no further than it; null if none. */
export async function readFirstLine(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const parts: Buffer[] = [];
    let length = 0;
    for (let position = 0; length <= MAX_RECORD_BYTES;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) return null;
      position += bytesRead;
      const newline = chunk.subarray(0, bytesRead).indexOf(0x0a);
      const part = Buffer.from(chunk.subarray(0, newline === -1 ? bytesRead : newline));
      parts.push(part);
      length += part.length;
      if (newline !== -1) return Buffer.concat(parts).toString('utf8');
    }
    return null;
  } finally {
    await handle.close();
  }
}
