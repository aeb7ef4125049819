export { createJobService, ENGINEER } from './job-service';
export type {
  JobListing,
  JobService,
  JobServiceOptions,
  OpenedJob,
  SnapshotSource,
} from './job-service';
export { createJobIndex } from './job-index';
export type { JobIndex, JobIndexEntry } from './job-index';
export {
  createConfStore,
  createJsonFileKeyValueStore,
  createMemoryKeyValueStore,
} from './key-value-store';
export type { KeyValueStore } from './key-value-store';
export { createPreferencesStore } from './preferences';
export type { Preferences, PreferencesStore } from './preferences';
export { createSnapshotCache } from './snapshot-cache';
export type { SnapshotCache } from './snapshot-cache';
export {
  JOURNAL_CORRUPTED,
  JOURNAL_MAX_BYTES,
  JOURNAL_TOO_LARGE,
  JOURNAL_WRITE_FAILED,
  createJournal,
  openJournal,
} from './journal';
export type { EventDraft, Journal, JournalRecovery } from './journal';
export { scanJournal, streamJournal } from './journal-reader';
export type { JournalScan, JournalStreamScan } from './journal-reader';
export { decodeRecord, encodeRecord } from './journal-codec';
