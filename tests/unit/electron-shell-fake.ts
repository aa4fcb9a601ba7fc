import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * A hand-written stand-in for the `electron` module, for unit tests of the shell
 * (electron/main, electron/preload) on machines without an Electron binary. It
 * records what the code under test asks of Electron; tests drive the recorded
 * handlers directly. Use with:
 *
 *   vi.mock('electron', async () => (await import('./electron-shell-fake')).fakeElectron);
 */

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== wrapped),
      );
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(event) ?? [];
    for (const l of [...list]) l(...args);
    return list.length > 0;
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-like event whose preventDefault is observable. */
export function fakeEvent<T extends object>(
  extra?: T,
): { defaultPrevented: boolean; preventDefault(): void } & T {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...(extra ?? ({} as T)),
  };
  return event;
}

let nextProcessId = 100;

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
    public processId = nextProcessId,
    public routingId = 1,
  ) {}
}

export class FakeWebContents extends FakeEmitter {
  mainFrame: FakeWebFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(url = 'app://mingjing/index.html') {
    super();
    this.mainFrame = new FakeWebFrame(url, null, nextProcessId++, 1);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeSession {
  beforeRequest: ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | null = null;
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  spellChecker: boolean | null = null;
  readonly webRequest = {
    onBeforeRequest: (...args: unknown[]) => {
      this.beforeRequest = args[args.length - 1] as FakeSession['beforeRequest'];
    },
  };
  setPermissionRequestHandler(h: Listener | null): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Listener | null): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: Listener | null): void {
    this.devicePermissionHandler = h;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
  /** Runs the recorded onBeforeRequest listener; true when the request is cancelled. */
  isCancelled(url: string): boolean {
    if (!this.beforeRequest) throw new Error('no onBeforeRequest listener');
    let cancelled: boolean | undefined;
    this.beforeRequest({ url }, (r) => {
      cancelled = r.cancel === true;
    });
    if (cancelled === undefined) throw new Error('listener did not answer');
    return cancelled;
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  appPath = '/fake/app';
  userData = '/fake/userData';
  locale = 'zh-CN';
  gotLock = true;
  sandboxEnabled = false;
  quitCalls = 0;
  exitCode: number | null = null;
  private readyResolve: (() => void) | null = null;
  private readyPromise: Promise<void> = new Promise((r) => (this.readyResolve = r));
  getAppPath = () => this.appPath;
  getPath = (name: string) => {
    if (name === 'userData') return this.userData;
    throw new Error(`fake app.getPath: ${name}`);
  };
  getLocale = () => this.locale;
  requestSingleInstanceLock = () => this.gotLock;
  enableSandbox = () => {
    this.sandboxEnabled = true;
  };
  quit = () => {
    this.quitCalls++;
  };
  exit = (code = 0) => {
    this.exitCode = code;
  };
  whenReady = () => this.readyPromise;
  /** Test helper: fires `ready`. */
  makeReady(): void {
    this.readyResolve?.();
    this.emit('ready');
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;
  shown = false;
  focused = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
    // Real Electron announces the new WebContents synchronously.
    fakeElectron.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  restore = () => {};
  show = () => {
    this.shown = true;
  };
  focus = () => {
    this.focused = true;
  };
}

function createFake() {
  const handlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: new FakeSession() },
    protocol: {
      privileged: [] as unknown[],
      handlers: protocolHandlers,
      registerSchemesAsPrivileged(schemes: unknown[]) {
        this.privileged.push(...schemes);
      },
      handle(scheme: string, handler: (req: Request) => Promise<Response>) {
        if (protocolHandlers.has(scheme)) throw new Error(`scheme ${scheme} already handled`);
        protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handlers,
      otherRegistrations: [] as string[],
      handle(channel: string, listener: Listener) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, listener);
      },
      on(channel: string) {
        this.otherRegistrations.push(`on:${channel}`);
      },
      once(channel: string) {
        this.otherRegistrations.push(`once:${channel}`);
      },
      handleOnce(channel: string) {
        this.otherRegistrations.push(`handleOnce:${channel}`);
      },
    },
    dialog: {
      /** What showOpenDialog was asked (window or null, options), and what it answers next. */
      opened: [] as { window: unknown; options: Record<string, unknown> }[],
      answer: { canceled: true, filePaths: [] as string[] },
      showOpenDialog(...args: unknown[]) {
        const [window, options] = args.length > 1 ? args : [null, args[0]];
        this.opened.push({ window, options: options as Record<string, unknown> });
        return Promise.resolve(this.answer);
      },
    },
    Menu: {
      current: undefined as unknown,
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu(menu: unknown) {
        this.current = menu;
      },
    },
    contextBridge: {
      exposed: new Map<string, unknown>(),
      exposeInMainWorld(key: string, api: unknown) {
        if (this.exposed.has(key)) throw new Error(`${key} already exposed`);
        this.exposed.set(key, api);
      },
    },
    ipcRenderer: {
      calls: [] as unknown[][],
      invoke(...args: unknown[]) {
        this.calls.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
      send() {
        throw new Error('ipcRenderer.send must not be used');
      },
      on() {
        throw new Error('ipcRenderer.on must not be used');
      },
    },
  };
}

export type FakeElectron = ReturnType<typeof createFake>;

let state: FakeElectron = createFake();

type FakeModule = { readonly [K in keyof FakeElectron]: FakeElectron[K] } & { readonly default: FakeModule };

/**
 * The mocked module. Its members are getters over the current state, so
 * `resetFakeElectron()` gives every importer (including modules that already
 * imported `{ app }`) a fresh fake without re-mocking.
 */
export const fakeElectron: FakeModule = Object.defineProperties({} as FakeModule, {
  ...Object.fromEntries(
    (Object.keys(state) as (keyof FakeElectron)[]).map((key) => [
      key,
      { enumerable: true, get: () => state[key] },
    ]),
  ),
  default: { enumerable: true, get: () => fakeElectron },
});

/** Fresh state for the next test. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.instances = [];
  state = createFake();
}
