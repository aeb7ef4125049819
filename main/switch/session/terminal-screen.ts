/**
 * What a terminal would show for a stream of switch output, line by line: carriage
 * returns and backspaces overwrite (the pager erases itself that way), escape sequences
 * are applied or dropped, and other control bytes and non-ASCII noise vanish. Fed incrementally, so a long
 * output at 9600 baud costs no more than its length.
 */
export class TerminalScreen {
  /** Finished lines, trailing spaces trimmed. */
  readonly lines: string[] = [];
  private breaks = 0;
  private current: string[] = [];
  private column = 0;
  private escape: 'none' | 'esc' | 'esc-arg' | 'csi' | 'osc' = 'none';
  private csiParams = '';

  /** Feeds text; returns how many lines it finished. */
  feed(text: string): number {
    const before = this.lines.length;
    for (const char of text) this.put(char);
    return this.lines.length - before;
  }

  /** Line breaks fed so far, lines removed since (log lines) included. */
  get lineBreaks(): number {
    return this.breaks;
  }

  /** The unfinished last line (where a prompt or pager sits), trailing spaces kept. */
  get partial(): string {
    return this.current.join('');
  }

  /** Everything shown, lines joined with `\n`, including the unfinished line. */
  text(): string {
    return [...this.lines, this.partial.trimEnd()].join('\n');
  }

  private put(char: string): void {
    const code = char.charCodeAt(0);
    switch (this.escape) {
      case 'esc':
        if (char === '[') {
          this.escape = 'csi';
          this.csiParams = '';
        } else if (char === ']') this.escape = 'osc';
        else if ('()#%'.includes(char)) this.escape = 'esc-arg';
        else this.escape = 'none';
        return;
      case 'esc-arg':
        this.escape = 'none';
        return;
      case 'csi':
        if (code >= 0x40 && code <= 0x7e) {
          this.escape = 'none';
          this.applyCsi(char, this.csiParams);
        } else this.csiParams += char;
        return;
      case 'osc':
        if (code === 0x07) this.escape = 'none';
        else if (code === 0x1b) this.escape = 'esc';
        return;
      case 'none':
        break;
    }
    if (code === 0x1b) this.escape = 'esc';
    else if (char === '\n') this.newLine();
    else if (char === '\r') this.column = 0;
    else if (code === 0x08) this.column = Math.max(0, this.column - 1);
    else if (char === '\t') {
      const next = (Math.floor(this.column / 8) + 1) * 8;
      while (this.column < next) this.write(' ');
    } else if (code >= 0x20 && code < 0x7f) this.write(char);
    // Switch CLIs speak ASCII: anything else is line noise (a wrong baud rate, a glitch).
  }

  private write(char: string): void {
    while (this.current.length < this.column) this.current.push(' ');
    this.current[this.column] = char;
    this.column += 1;
  }

  private newLine(): void {
    this.breaks += 1;
    this.lines.push(this.partial.trimEnd());
    this.current = [];
    this.column = 0;
  }

  private applyCsi(final: string, params: string): void {
    if (final === 'K') {
      if (params === '' || params === '0')
        this.current.length = Math.min(this.current.length, this.column);
      else if (params === '2') this.current = [];
      else if (params === '1')
        for (let i = 0; i < this.column && i < this.current.length; i += 1) this.current[i] = ' ';
    } else if (final === 'D') {
      this.column = Math.max(0, this.column - (Number(params) || 1));
    } else if (final === 'G') {
      this.column = Math.max(0, (Number(params) || 1) - 1);
    }
    // Cursor moves across lines, scroll regions and screen clears do not change what was said.
  }

  /** Removes a finished line (an asynchronous log line that is not command output). */
  removeLine(index: number): void {
    this.lines.splice(index, 1);
  }

  /** Drops the unfinished line (a pager prompt the session answered). */
  clearPartial(): void {
    this.current = [];
    this.column = 0;
  }
}
