/** A state badge says its whole words, on two lines if need be, never cut to "…". */
export const BADGE_WRAP = {
  root: { height: 'auto', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;
