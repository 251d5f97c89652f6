// Preload of the sandboxed window (bundled to one CommonJS file: a sandboxed preload may only require
// 'electron'). Exposes intents, never ipcRenderer itself, so page scripts cannot reach arbitrary channels.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld(
  'btpEmulator',
  createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
