import WebSocket from 'ws';
import type { ServerFrame } from '../../../shared/ipc';
import type { BrowserHost } from '../server';

/** A bridge socket to `host` with the given headers (the test controls Origin and cookie). */
export function openSocket(host: BrowserHost, headers: Record<string, string>) {
  return new WebSocket(`ws://127.0.0.1:${host.port}/bridge`, { headers });
}

/** A bridge socket as the app's own page opens it: session cookie, same origin. */
export function socketWithToken(host: BrowserHost) {
  return openSocket(host, {
    cookie: `dialtone_session_${host.port}=${host.token}`,
    origin: host.url,
  });
}

export function opened(ws: WebSocket) {
  return new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/** Sends one frame that main answers with a reply of the same id, and resolves with the reply. */
export function ask(ws: WebSocket, frame: { id: number } & Record<string, unknown>) {
  return new Promise<ServerFrame>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(data.toString()) as ServerFrame;
      if (reply.type === 'reply' && reply.id === frame.id) {
        ws.off('message', onMessage);
        resolve(reply);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify(frame));
  });
}

export function call(ws: WebSocket, id: number, channel: string, request: unknown) {
  return ask(ws, { type: 'request', id, channel, request });
}

/** Every frame the socket receives, in order. */
export function recordFrames(ws: WebSocket): ServerFrame[] {
  const frames: ServerFrame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
  return frames;
}

/** Resolves with the frames received up to and including the first that passes `test`. */
export function framesUntil(ws: WebSocket, test: (frame: ServerFrame) => boolean) {
  return new Promise<ServerFrame[]>((resolve) => {
    const frames: ServerFrame[] = [];
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      frames.push(frame);
      if (test(frame)) {
        ws.off('message', onMessage);
        resolve(frames);
      }
    };
    ws.on('message', onMessage);
  });
}
