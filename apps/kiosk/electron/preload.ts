/**
 * Preload for the sandboxed kiosk page: exposes `window.luotKiosk` and nothing else.
 * Bundled to dist-electron/preload.cjs (a sandboxed preload can only `require('electron')`).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type LuotKioskApi } from './api';

const api: LuotKioskApi = {
  isElectron: true,
  print: (ticket) => ipcRenderer.invoke(IPC.print, ticket),
  printerStatus: () => ipcRenderer.invoke(IPC.printerStatus),
  getDeviceConfig: () => ipcRenderer.invoke(IPC.deviceConfig),
};

contextBridge.exposeInMainWorld('luotKiosk', api);
