/**
 * The switch end of a console link, as bytes: what a serial line, an SSH channel or an
 * in-process transport connects to.
 */
export interface SimConsoleEndpoint {
  /** Bytes typed at the switch. */
  write(bytes: Uint8Array | string): void;
  /** Bytes the switch sends; returns a function that stops listening. */
  onData(listener: (bytes: Buffer) => void): () => void;
  onClose(listener: () => void): () => void;
  close(): void;
  readonly closed: boolean;
}
