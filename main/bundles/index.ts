/** Support bundles: export a job to one file, open and check one, replay it on simulators. */
export { DEFAULT_UNPACK_LIMITS } from './archive';
export type { UnpackLimits } from './archive';
export {
  BUNDLE_JOB_NOT_FOUND,
  BUNDLE_REDACTION_FAILED,
  buildBundle,
  exportBundle,
} from './export-bundle';
export type { BundleExportSources, ExportOptions, ExportedBundle } from './export-bundle';
export { openBundle, openBundleFile } from './open-bundle';
export type { OpenedBundle } from './open-bundle';
export { replayBundle } from './replay';
export type { ReplayEquipment } from './replay';
export type { ReplaySeed } from './replay-seed';
