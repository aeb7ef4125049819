const SECRET_CONFIG = /((?:enable )?(?:secret|password)(?: \d)?) \S+/gi;

/**
 * Masks secrets in a live byte stream. A secret can arrive split over two chunks, so the
 * tail that could be the start of one is held back until the next chunk (or `flush`).
 */
export class StreamRedactor {
  private held = '';

  constructor(private readonly secrets: () => string[]) {}

  push(text: string): string {
    const all = this.held + text;
    const secrets = this.secrets();
    let keep = 0;
    for (const secret of secrets)
      for (let length = Math.min(secret.length - 1, all.length); length > keep; length -= 1)
        if (all.endsWith(secret.slice(0, length))) {
          keep = length;
          break;
        }
    // A password line of a configuration may still be arriving: hold an unfinished one.
    const lastLine = all.slice(all.lastIndexOf('\n') + 1);
    if (/(?:secret|password)/i.test(lastLine)) keep = Math.max(keep, lastLine.length);
    this.held = keep > 0 ? all.slice(all.length - keep) : '';
    return this.mask(all.slice(0, all.length - keep), secrets);
  }

  flush(): string {
    const rest = this.held;
    this.held = '';
    return this.mask(rest, this.secrets());
  }

  private mask(text: string, secrets: string[]): string {
    let out = text;
    for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('********');
    return out.replace(SECRET_CONFIG, '$1 ********');
  }
}
