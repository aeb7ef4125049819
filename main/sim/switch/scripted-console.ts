import type { SimConsoleEndpoint } from './console-endpoint';

/**
 * Types at a simulated console and waits for what it prints, the way a person reads the
 * screen: by text, never by time (each wait still has a timeout). For tests and tools.
 */
export interface ScriptedConsole {
  type(text: string): void;
  /** Resolves with everything printed since the last wait, once it matches. */
  waitFor(
    pattern: RegExp | string | ((text: string) => boolean),
    timeoutMs?: number,
  ): Promise<string>;
  /** Everything printed so far. */
  readonly transcript: string;
}

export function scriptConsole(endpoint: SimConsoleEndpoint): ScriptedConsole {
  let all = '';
  let mark = 0;
  let waiter: (() => void) | null = null;
  endpoint.onData((bytes) => {
    all += bytes.toString('latin1');
    waiter?.();
  });
  return {
    type: (text) => endpoint.write(text),
    waitFor(pattern, timeoutMs = 5000) {
      const matches = () => {
        const seen = all.slice(mark);
        if (typeof pattern === 'string') return seen.includes(pattern);
        if (pattern instanceof RegExp) return pattern.test(seen);
        return pattern(seen);
      };
      return new Promise<string>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiter = null;
          const seen = all.slice(mark);
          mark = all.length;
          resolve(seen);
        };
        const timer = setTimeout(() => {
          waiter = null;
          reject(
            new Error(
              `console never showed ${String(pattern)}; it showed ${JSON.stringify(all.slice(mark))}`,
            ),
          );
        }, timeoutMs);
        if (matches()) done();
        else waiter = () => (matches() ? done() : undefined);
      });
    },
    get transcript() {
      return all;
    },
  };
}
