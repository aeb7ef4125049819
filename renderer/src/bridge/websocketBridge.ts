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
  /** Scoped subscriptions of this page, renewed on a new socket (the host forgets a closed one's). */
  const scoped = new Map<
    number,
    { event: string; scope: unknown; listener: (payload: unknown) => void; accepted: boolean }
  >();
  let nextId = 1;
  let nextSubscriptionId = 1;
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
      ws.addEventListener('open', () => {
        for (const [subscriptionId, { event, scope, accepted }] of scoped)
          if (accepted)
            ws.send(
              JSON.stringify({ type: 'subscribe', id: nextId++, subscriptionId, event, scope }),
            );
        resolve(ws);
      });
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
        } else if (frame.type === 'scoped') {
          scoped.get(frame.subscriptionId)?.listener(frame.payload);
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

  /** Sends one frame that main answers with a reply of the same id. */
  async function ask(frame: Record<string, unknown>): Promise<BridgeReply> {
    const id = nextId++;
    const reply = new Promise<BridgeReply>((resolve) => pending.set(id, resolve));
    try {
      const ws = await connect();
      ws.send(JSON.stringify({ ...frame, id }));
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
  }

  return {
    invoke(channel, request) {
      return ask({ type: 'request', channel, request });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener);
    },
    subscribe(event, scope, listener) {
      const subscriptionId = nextSubscriptionId++;
      const entry = { event, scope, listener, accepted: false };
      scoped.set(subscriptionId, entry);
      const ready = ask({ type: 'subscribe', subscriptionId, event, scope }).then((reply) => {
        if (reply.ok) entry.accepted = true;
        else scoped.delete(subscriptionId);
        return reply;
      });
      return {
        ready,
        unsubscribe() {
          if (!scoped.delete(subscriptionId)) return;
          void connect()
            .then((ws) => ws.send(JSON.stringify({ type: 'unsubscribe', subscriptionId })))
            .catch(() => undefined);
        },
      };
    },
  };
}
