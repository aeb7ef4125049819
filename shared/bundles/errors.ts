/** Why a bundle was refused; each comes with a message saying what to do. */
export const BUNDLE_ERRORS = {
  /** Made by a newer Dialtone than this one. */
  tooNew: 'BUNDLE_TOO_NEW',
  /** A member's bytes do not match the SHA-256 the manifest holds (changed after export). */
  checksumMismatch: 'BUNDLE_CHECKSUM_MISMATCH',
  /** Not a zip, cut short, or a manifest or member that does not parse. */
  malformed: 'BUNDLE_MALFORMED',
  /** A member whose path would land outside the bundle (`../`, absolute, drive letter). */
  pathEscape: 'BUNDLE_PATH_ESCAPE',
  /** More bytes or members than a bundle may unpack to (a zip bomb, or not a bundle). */
  tooLarge: 'BUNDLE_TOO_LARGE',
  /** A member the manifest lists is not in the archive. */
  memberMissing: 'BUNDLE_MEMBER_MISSING',
  /** A file in the archive the manifest does not list. */
  memberUnlisted: 'BUNDLE_MEMBER_UNLISTED',
  /** The file could not be read at all. */
  unreadable: 'BUNDLE_UNREADABLE',
} as const;
export type BundleErrorCode = (typeof BUNDLE_ERRORS)[keyof typeof BUNDLE_ERRORS];
