import { describe, expect, it } from 'vitest';
import { TransportCore } from './transport';

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('TransportCore', () => {
  it('hands bytes that arrived before any listener to the first one, before newer bytes', async () => {
    const core = new TransportCore();
    core.received(Buffer.from('banner\r\n'));
    core.received(Buffer.from('sw-1>'));
    const seen: string[] = [];
    core.onData((bytes) => seen.push(bytes.toString()));
    core.received(Buffer.from(' more'));
    await flush();
    expect(seen.join('')).toBe('banner\r\nsw-1> more');
    expect(core.bytes.rx).toBe('banner\r\nsw-1> more'.length);
  });

  it('lets a listener stop itself from inside its first call', async () => {
    const core = new TransportCore();
    core.received(Buffer.from('sw-1>'));
    const seen: string[] = [];
    const stop = core.onData((bytes) => {
      seen.push(bytes.toString());
      stop();
    });
    await flush();
    core.received(Buffer.from('after'));
    expect(seen).toEqual(['sw-1>']);
  });

  it('keeps early bytes when the listener leaves before they were handed over', async () => {
    const core = new TransportCore();
    core.received(Buffer.from('sw-1>'));
    core.onData(() => undefined)();
    await flush();
    const seen: string[] = [];
    core.onData((bytes) => seen.push(bytes.toString()));
    await flush();
    expect(seen).toEqual(['sw-1>']);
  });

  it('hands early bytes over before it reports the link closed', () => {
    const core = new TransportCore();
    core.received(Buffer.from('bye'));
    const events: string[] = [];
    core.onData((bytes) => events.push(`data:${bytes.toString()}`));
    core.onClose((closed) => events.push(`close:${closed.by}`));
    core.ended({ by: 'remote', message: 'gone' });
    expect(events).toEqual(['data:bye', 'close:remote']);
  });
});
