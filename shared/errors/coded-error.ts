/**
 * An error with a code, thrown by services and carried to the renderer (or the CLI's
 * output) as a value: a code for code, a message for the engineer on site.
 */
export class CodedError extends Error {
  readonly code: string;
  readonly detail: unknown;

  constructor(code: string, message: string, detail?: unknown) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
    this.detail = detail;
  }

  /** The error as a plain value (the shape of the bridge's error payload). */
  toPayload(): { code: string; message: string; detail?: unknown } {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}
