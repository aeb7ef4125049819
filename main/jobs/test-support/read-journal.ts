import { existsSync, readFileSync } from 'node:fs';
import { createJobFold, type JobEvent, type JobFold } from '../../../shared/jobs';
import { decodeRecord } from '../journal-codec';

/**
 * The crash test's outside view of a journal, read without touching the file. Between
 * reads the journal may only grow: the bytes read before must still be there unchanged,
 * so only the new lines are decoded and folded. An unfinished last line is what the next
 * open will recover, so it is left for later.
 */
export class JournalWatcher {
  private bytes = Buffer.alloc(0);
  private readonly records: JobEvent[] = [];
  private fold: JobFold | null = null;

  constructor(private readonly path: string) {}

  read(): { records: readonly JobEvent[]; fold: JobFold | null } {
    if (!existsSync(this.path)) return { records: this.records, fold: this.fold };
    const now = readFileSync(this.path);
    const kept = this.bytes.length;
    if (now.length < kept || now.compare(this.bytes, 0, kept, 0, kept) !== 0)
      throw new Error(`the journal ${this.path} changed before its end (it must only grow)`);
    const end = now.lastIndexOf(0x0a) + 1;
    if (end > kept) {
      for (const line of now.toString('utf8', kept, end - 1).split('\n')) {
        const decoded = decodeRecord(line);
        if (!decoded.ok) throw new Error(`a journal line is damaged: ${decoded.reason}`);
        this.records.push(decoded.record);
        if (this.fold) this.fold.apply(decoded.record);
        else this.fold = createJobFold(decoded.record);
      }
      this.bytes = now.subarray(0, end);
    }
    return { records: this.records, fold: this.fold };
  }
}
