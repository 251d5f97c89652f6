// The engine side of the utility-process protocol: start on request, answer UI-link requests, stop and
// exit on request. Trusts the parent port (only Electron main can reach it); still parses each message.
import type { EmulatorHandle, StartOptions } from '../emulator/types.js';
import { mainToWorkerSchema, type StartMessage, type WorkerToMain } from './engine-protocol.js';

export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: WorkerToMain): void;
}

export interface WorkerDeps {
  port: ParentPortLike;
  startEmulator(options: StartOptions): Promise<EmulatorHandle>;
  exit(code: number): void;
  /** The built UI beside this worker (dist/renderer): the engine bundled into the worker cannot find it itself. */
  uiDir: string;
}

/** Engine errors carry an EMU_ERR_* code and a hint; anything else is reported as internal. */
export function toErrorMessage(error: unknown): Extract<WorkerToMain, { type: 'error' }> {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const code =
    typeof fields.code === 'string' && fields.code.startsWith('EMU_ERR_') ? fields.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const hint = typeof fields.hint === 'string' ? fields.hint : undefined;
  return { type: 'error', code: code ?? 'EMU_ERR_INTERNAL', message, ...(hint ? { hint } : {}) };
}

export function serveEngine(deps: WorkerDeps): void {
  let starting: Promise<EmulatorHandle | undefined> | undefined;

  const start = async (message: StartMessage): Promise<EmulatorHandle | undefined> => {
    const { adminToken, workspacePath, dataDir, ephemeralPorts } = message;
    let handle: EmulatorHandle | undefined;
    try {
      handle = await deps.startEmulator({
        adminToken,
        workspacePath,
        dataDir,
        ephemeralPorts,
        uiDir: deps.uiDir,
      });
      deps.port.postMessage({ type: 'ready', urls: { ...handle.urls }, adminUrl: adminUrlOf(handle) });
      return handle;
    } catch (error) {
      deps.port.postMessage(toErrorMessage(error));
      await handle?.stop().catch(() => undefined);
      deps.exit(1);
      return undefined;
    }
  };

  const stop = async (): Promise<void> => {
    const handle = await starting;
    await handle?.stop();
    deps.exit(0);
  };

  const uiLink = async (id: number): Promise<void> => {
    const handle = await starting;
    // No answer when the engine is not running: main's request times out and says so.
    if (handle) deps.port.postMessage({ type: 'ui-link', id, url: handle.createUiLink() });
  };

  deps.port.on('message', ({ data }) => {
    const parsed = mainToWorkerSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'start') starting ??= start(message);
    else if (message.type === 'stop') void stop().catch(() => deps.exit(1));
    else void uiLink(message.id).catch(() => undefined);
  });
}

function adminUrlOf(handle: EmulatorHandle): string {
  const url = handle.urls.admin;
  if (!url) throw new Error('the engine started without an admin listener');
  return url;
}
