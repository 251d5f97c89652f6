// The IPC contract between the Electron renderer (through the preload) and main. Channels are intents,
// each with a request schema that main validates together with the sender's origin. Never a file path API.
import { z } from 'zod';

export const IPC_CHANNELS = {
  /** Where the engine is and the per-launch secret. */
  engineInfo: 'engine:info',
  appInfo: 'app:info',
  openExternal: 'shell:open-external',
} as const;

export const engineInfoSchema = z.object({
  adminUrl: z.string().url(),
  adminToken: z.string().min(16),
});

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  electron: z.string(),
  platform: z.string(),
});

export const openExternalRequestSchema = z.object({
  url: z
    .string()
    .url()
    .refine((u) => u.startsWith('https:'), 'only https: links are opened'),
});

export const ipcRequestSchemas = {
  [IPC_CHANNELS.engineInfo]: z.tuple([]),
  [IPC_CHANNELS.appInfo]: z.tuple([]),
  [IPC_CHANNELS.openExternal]: z.tuple([openExternalRequestSchema]),
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];
export type EngineInfo = z.infer<typeof engineInfoSchema>;
export type AppInfo = z.infer<typeof appInfoSchema>;

/** What the preload exposes on `window.btpEmulator`; absent in a plain browser. */
export interface DesktopBridge {
  engineInfo(): Promise<EngineInfo>;
  appInfo(): Promise<AppInfo>;
  openExternal(url: string): Promise<void>;
}
