import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';

/**
 * The live console in xterm.js. Read-only unless `onData` is given (the engineer holds the
 * keyboard); `text` is everything shown so far, written as it grows.
 */
export function XtermView({
  text,
  onData,
  label,
}: {
  text: string;
  onData: ((data: string) => void) | null;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  const written = useRef(0);
  const typing = useRef(onData);

  useEffect(() => {
    const term = new Terminal({
      convertEol: true,
      disableStdin: false,
      fontSize: 13,
      rows: 24,
      scrollback: 5000,
      screenReaderMode: true,
      theme: { background: '#1a1b1e', foreground: '#e9ecef' },
    });
    term.open(host.current!);
    const stop = term.onData((data) => typing.current?.(data));
    terminal.current = term;
    written.current = 0;
    return () => {
      stop.dispose();
      term.dispose();
      terminal.current = null;
    };
  }, []);

  useEffect(() => {
    const term = terminal.current;
    if (!term) return;
    if (text.length < written.current) {
      term.reset();
      written.current = 0;
    }
    term.write(text.slice(written.current));
    written.current = text.length;
  }, [text]);

  useEffect(() => {
    typing.current = onData;
    if (terminal.current) terminal.current.options.disableStdin = onData === null;
  }, [onData]);

  return <div ref={host} role="region" aria-label={label} style={{ minHeight: 360 }} />;
}
