import {
  BRIDGE_ERROR_CODES,
  BRIDGE_SOCKET_PATH,
  ServerFrame,
  type BridgeReply,
  type DialtoneBridge,
  type EventName,
} from '../../../shared/ipc';

/**
 * The browser host's side of the bridge: the same invoke/on as Electron's preload, over a
 * WebSocket back to the host that served the page (its session cookie authenticates it).
 */
export function createWebSocketBridge(
  location: Location,
  WebSocketImpl: typeof WebSocket = WebSocket,
): DialtoneBridge {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_SOCKET_PATH}`;
  const pending = new Map<number, (reply: BridgeReply) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let opened: Promise<WebSocket> | null = null;

  function failPending(message: string) {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: BRIDGE_ERROR_CODES.disconnected, message } });
    }
    pending.clear();
  }

  function connect(): Promise<WebSocket> {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocketImpl(url);
      ws.addEventListener('open', () => resolve(ws));
      ws.addEventListener('message', (message: MessageEvent) => {
        let frame;
        try {
          frame = ServerFrame.parse(JSON.parse(String(message.data)));
        } catch {
          return;
        }
        if (frame.type === 'reply') {
          pending.get(frame.id)?.(frame.reply);
          pending.delete(frame.id);
        } else {
          for (const listener of listeners.get(frame.event as EventName) ?? [])
            listener(frame.payload);
        }
      });
      ws.addEventListener('close', () => {
        opened = null;
        failPending(
          'The connection to Dialtone was lost. Reload the page; if that fails, restart Dialtone.',
        );
        reject(new Error('closed'));
      });
    });
    // A failed connect is reported through the pending request, not as an unhandled rejection.
    opened.catch(() => undefined);
    return opened;
  }

  return {
    async invoke(channel, request) {
      const id = nextId++;
      const reply = new Promise<BridgeReply>((resolve) => pending.set(id, resolve));
      try {
        const ws = await connect();
        ws.send(JSON.stringify({ type: 'request', id, channel, request }));
      } catch {
        pending.delete(id);
        return {
          ok: false,
          error: {
            code: BRIDGE_ERROR_CODES.disconnected,
            message: 'Dialtone is not reachable. Is it still running?',
          },
        };
      }
      return reply;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener);
    },
  };
}
