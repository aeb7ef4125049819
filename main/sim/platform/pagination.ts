import { ProblemError, problem } from './problem';

export const DEFAULT_PAGE_SIZE = 50;

/** Cursor pagination over an in-memory list; a cursor is an opaque offset. */
export function paginate<T>(
  items: T[],
  query: { cursor?: string | undefined; limit?: number | undefined },
): { items: T[]; nextCursor: string | null } {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const start =
    query.cursor === undefined ? 0 : Number(Buffer.from(query.cursor, 'base64url').toString());
  if (!Number.isInteger(start) || start < 0 || (query.cursor !== undefined && start === 0))
    throw new ProblemError(
      problem(
        400,
        'INVALID_CURSOR',
        'Invalid cursor',
        'The cursor is not one this server gave out.',
      ),
    );
  const end = start + limit;
  return {
    items: items.slice(start, end),
    nextCursor: end < items.length ? Buffer.from(String(end)).toString('base64url') : null,
  };
}
