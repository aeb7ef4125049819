import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';

/**
 * The app's own sync settings: what the product runs, and so what the tests, the bench and
 * a bundle replay run. main/app's createJobServices uses them unless told otherwise.
 */
export const APP_SYNC_SETTINGS: { concurrency: number; backoff: BackoffPolicy } = {
  concurrency: 16,
  backoff: DEFAULT_BACKOFF,
};
