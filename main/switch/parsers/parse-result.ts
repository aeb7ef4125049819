/** What every parser returns: records, or a typed error saying which line it could not read. */
export interface ParseError {
  code: 'PARSE_ERROR';
  message: string;
  line?: number;
}

export type ParseResult<T> =
  { ok: true; records: T[]; warnings: string[] } | { ok: false; error: ParseError };

export function parsed<T>(records: T[], warnings: string[] = []): ParseResult<T> {
  return { ok: true, records, warnings };
}

export function parseFailure<T>(message: string, line?: number): ParseResult<T> {
  return {
    ok: false,
    error:
      line === undefined
        ? { code: 'PARSE_ERROR', message }
        : { code: 'PARSE_ERROR', message, line },
  };
}

/**
 * Runs a parser so that it can never throw: switch output is untrusted input, and a bug in a
 * parser must reach the engineer as a typed error, not as a crashed session.
 */
export function parseSafely<T>(
  what: string,
  text: unknown,
  parse: (text: string) => ParseResult<T>,
): ParseResult<T> {
  if (typeof text !== 'string') return parseFailure(`${what}: expected the switch output as text`);
  try {
    return parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return parseFailure(`${what}: could not read the output (${reason})`);
  }
}
