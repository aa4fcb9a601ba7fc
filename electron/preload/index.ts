import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from '../../shared/api';
import { buildApi } from './build-api';

// Sandboxed preload (bundled to out/preload/index.cjs): exposes `window.mingjing`
// with exactly the contract's methods. No raw ipcRenderer, no process, no Node.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
