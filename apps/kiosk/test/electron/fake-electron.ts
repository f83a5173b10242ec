// A stand-in for the `electron` module, bundled into main.cjs / preload.cjs by wiring.test.ts (Electron's binary
// cannot run here). It records what the shell asks of Electron in `globalThis.__fakeElectron`.
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export interface FakeWebContents extends EventEmitter {
  loaded: string[];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  zoomFactor: number;
  crashed: number;
  loadURL(url: string): Promise<void>;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void;
  setVisualZoomLevelLimits(min: number, max: number): Promise<void>;
  setZoomFactor(f: number): void;
  forcefullyCrashRenderer(): void;
}

export interface FakeState {
  app: EventEmitter & {
    paths: Record<string, string>;
    exited?: number;
    quitCalled: number;
    sandbox: boolean;
  };
  windows: Array<{ options: Record<string, unknown>; webContents: FakeWebContents; win: EventEmitter }>;
  handlers: Map<string, Handler>;
  session: { request?: Handler; check?: Handler; device?: Handler; events: EventEmitter };
  powerSave: string[];
  errors: string[];
  exposed: Record<string, unknown>;
  invoked: Array<[string, unknown[]]>;
}

const g = globalThis as typeof globalThis & { __fakeElectron?: FakeState };
const appEmitter = Object.assign(new EventEmitter(), {
  paths: {} as Record<string, string>,
  quitCalled: 0,
  sandbox: false,
});
const state: FakeState = (g.__fakeElectron ??= {
  app: appEmitter,
  windows: [],
  handlers: new Map(),
  session: { events: new EventEmitter() },
  powerSave: [],
  errors: [],
  exposed: {},
  invoked: [],
});

function makeWebContents(): FakeWebContents {
  return Object.assign(new EventEmitter(), {
    loaded: [] as string[],
    zoomFactor: 1,
    crashed: 0,
    async loadURL(this: FakeWebContents, url: string) {
      this.loaded.push(url);
    },
    setWindowOpenHandler(this: FakeWebContents, fn: FakeWebContents['windowOpenHandler']) {
      this.windowOpenHandler = fn;
    },
    async setVisualZoomLevelLimits() {},
    setZoomFactor(this: FakeWebContents, f: number) {
      this.zoomFactor = f;
    },
    forcefullyCrashRenderer(this: FakeWebContents) {
      this.crashed++;
    },
  });
}

export const app = Object.assign(state.app, {
  setPath: (name: string, path: string) => void (state.app.paths[name] = path),
  getPath: (name: string) => state.app.paths[name] ?? `/fake/${name}`,
  enableSandbox: () => void (state.app.sandbox = true),
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: () => void state.app.quitCalled++,
  exit: (code: number) => void (state.app.exited = code),
});

export class BrowserWindow extends EventEmitter {
  webContents = makeWebContents();
  constructor(public options: Record<string, unknown>) {
    super();
    state.windows.push({ options, webContents: this.webContents, win: this });
    state.app.emit('web-contents-created', {}, this.webContents);
  }
  removeMenu() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const dialog = { showErrorBox: (_title: string, message: string) => void state.errors.push(message) };
export const ipcMain = { handle: (channel: string, fn: Handler) => void state.handlers.set(channel, fn) };
export const powerSaveBlocker = { start: (type: string) => state.powerSave.push(type) };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn: Handler) => void (state.session.request = fn),
    setPermissionCheckHandler: (fn: Handler) => void (state.session.check = fn),
    setDevicePermissionHandler: (fn: Handler) => void (state.session.device = fn),
    on: (event: string, fn: Handler) => state.session.events.on(event, fn),
  },
};
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => void (state.exposed[key] = api),
};
export const ipcRenderer = {
  invoke: async (channel: string, ...args: unknown[]) => {
    state.invoked.push([channel, args]);
    return { channel };
  },
};
