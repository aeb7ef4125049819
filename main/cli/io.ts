import { CodedError } from '../../shared/errors';

/** Exit codes every dialtone command keeps to. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** Bad input from the person at the keyboard: the message says what was wrong; exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Turns whatever a command threw into a message and an exit code; never a stack trace. */
export function reportFailure(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.err(`dialtone: ${error.message}`);
    return EXIT.badInput;
  }
  if (error instanceof CodedError) {
    io.err(`dialtone: ${error.message} [${error.code}]`);
    return EXIT.badInput;
  }
  io.err(`dialtone: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.failed;
}
