/** Data a screen waits for: not asked yet, on its way, there, or failed with a message to show. */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; message: string };

export const idle = { status: 'idle' } as const;
export const loading = { status: 'loading' } as const;
export const ready = <T>(value: T): Loadable<T> => ({ status: 'ready', value });
export const failed = (error: unknown): { status: 'failed'; message: string } => ({
  status: 'failed',
  message: error instanceof Error ? error.message : String(error),
});
