import { performance } from 'node:perf_hooks';

export interface TranscriptEntry {
  /** Milliseconds since the transcript began. */
  at: number;
  direction: 'tx' | 'rx' | 'note';
  text: string;
}

const SECRET_CONFIG = /((?:enable )?(?:secret|password)(?: \d)?) \S+/gi;

/**
 * Every byte to and from the switch, in order, with the secrets taken out: what was typed
 * at a password prompt is recorded as `<secret>`, and a secret the switch prints back (or
 * a password line in its configuration) is replaced too.
 */
export class Transcript {
  /** As recorded; redaction happens on the way out, so recording stays cheap per byte. */
  private readonly raw: TranscriptEntry[] = [];
  private readonly startedAt = performance.now();
  private readonly secrets = new Set<string>();

  /**
   * Never let this text into the transcript. (What is typed at a password prompt is never
   * recorded; this catches a switch printing a secret back. Very short secrets would
   * blank out ordinary words, so they are only kept out of what is typed.)
   */
  addSecret(secret: string): void {
    if (secret.length >= 4) this.secrets.add(secret);
  }

  /** The entries so far, secrets redacted. */
  get entries(): TranscriptEntry[] {
    return this.raw.map((entry) => ({ ...entry, text: this.redact(entry.text) }));
  }

  /** How many entries there are (an index to take later entries from). */
  get length(): number {
    return this.raw.length;
  }

  /** Entries from an index on, secrets redacted. */
  since(index: number): TranscriptEntry[] {
    return this.raw.slice(index).map((entry) => ({ ...entry, text: this.redact(entry.text) }));
  }

  record(direction: 'tx' | 'rx' | 'note', text: string): void {
    const last = this.raw.at(-1);
    if (last && last.direction === direction && direction !== 'note') {
      last.text += text;
      return;
    }
    this.raw.push({ at: Math.round(performance.now() - this.startedAt), direction, text });
  }

  /** Records a secret being typed, without the secret. */
  recordSecretSent(terminator: string): void {
    this.record('tx', `<secret>${terminator}`);
  }

  toText(): string {
    return this.entries
      .map(
        (entry) =>
          `[${(entry.at / 1000).toFixed(3)}] ${entry.direction} ${JSON.stringify(entry.text)}`,
      )
      .join('\n');
  }

  private redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('<secret>');
    return result.replace(SECRET_CONFIG, '$1 <redacted>');
  }
}
