/**
 * The browser test host's stand-in for electron/preload: the same `buildApi` defines
 * `window.mingjing` with exactly one method per contract channel; only `invoke`
 * differs — it sends {id, channel, input} over the loopback WebSocket instead of
 * ipcRenderer.invoke. Bundled by host.ts into one classic script, served same-origin
 * and loaded before the renderer. The per-run token comes from the page URL.
 *
 * Browser code, typed without the DOM lib (this folder compiles with the Node config).
 */
import { buildApi } from '../../../electron/preload/build-api';
import { API_GLOBAL } from '../../../shared/api';
import { messageKeyFor, type Envelope } from '../../../shared/errors';

interface BrowserSocket {
  readonly readyState: number;
  onopen: (() => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
}

interface BrowserGlobals {
  location: { search: string; host: string };
  WebSocket: new (url: string) => BrowserSocket;
}

const browser = globalThis as unknown as BrowserGlobals;
const OPEN = 1;
const token = new URLSearchParams(browser.location.search).get('token') ?? '';
const endpoint = `ws://${browser.location.host}/rpc?token=${encodeURIComponent(token)}`;

/** What every pending call gets if the host goes away: an envelope, never a rejection. */
const transportFailure: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', messageKey: messageKeyFor('INTERNAL') },
};

const pending = new Map<number, (envelope: unknown) => void>();
let nextId = 1;
let connecting: Promise<BrowserSocket | null> | null = null;

function connect(): Promise<BrowserSocket | null> {
  connecting ??= new Promise((resolve) => {
    const socket = new browser.WebSocket(endpoint);
    socket.onopen = () => resolve(socket);
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let message: { id?: unknown; envelope?: unknown };
      try {
        message = JSON.parse(event.data) as typeof message;
      } catch {
        return;
      }
      if (typeof message.id !== 'number') return;
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message.envelope);
    };
    socket.onerror = () => {};
    socket.onclose = () => {
      connecting = null; // the next call reconnects
      for (const settle of pending.values()) settle(transportFailure);
      pending.clear();
      resolve(null);
    };
  });
  return connecting;
}

async function invoke(channel: string, input: unknown): Promise<unknown> {
  const socket = await connect();
  if (!socket || socket.readyState !== OPEN) return transportFailure;
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, channel, input }));
  });
}

Object.defineProperty(globalThis, API_GLOBAL, {
  value: buildApi(invoke),
  enumerable: false,
  configurable: false,
  writable: false,
});
