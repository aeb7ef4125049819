import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { ThrottledLine } from './throttled-line';

function collect(baud: number | null) {
  let received = '';
  const waiters: { length: number; resolve: () => void }[] = [];
  const line = new ThrottledLine((bytes) => {
    received += bytes.toString('latin1');
    for (const waiter of waiters.filter((w) => received.length >= w.length)) waiter.resolve();
  }, baud);
  const until = (length: number) =>
    new Promise<void>((resolve) => {
      if (received.length >= length) resolve();
      else waiters.push({ length, resolve });
    });
  return { line, until, text: () => received };
}

describe('throttled line', () => {
  it('never delivers faster than 10 bits per byte at the baud rate', async () => {
    const { line, until, text } = collect(9600);
    const started = performance.now();
    line.write('x'.repeat(48));
    await until(48);
    // 48 bytes at 9600 baud take 50 ms on the wire.
    expect(performance.now() - started).toBeGreaterThanOrEqual(48 * (10_000 / 9600) - 1);
    expect(text()).toBe('x'.repeat(48));
  });

  it('puts unsolicited messages between output lines, in the order they happened', async () => {
    const { line, until, text } = collect(null);
    line.write('line one\r\nline two\r\nsw#');
    line.writeBetweenLines('%FIRST');
    line.writeBetweenLines('%SECOND');
    const expected = 'line one\r\n%FIRST\r\n%SECOND\r\nline two\r\nsw#';
    await until(expected.length);
    expect(text()).toBe(expected);
  });

  it('puts a message after a prompt on its own line when no line is left to go', async () => {
    const { line, until, text } = collect(null);
    line.write('sw#');
    line.writeBetweenLines('%LINK');
    await until('sw#\r\n%LINK\r\n'.length);
    expect(text()).toBe('sw#\r\n%LINK\r\n');
  });
});
