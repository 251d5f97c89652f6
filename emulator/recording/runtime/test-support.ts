// Test bed for the recording runtime: the systems plug-in (and with it the runtime) on a real engine
// context without the other services: a workspace that can be replaced like PUT /api/workspace, real
// listeners on 127.0.0.1:0, the events, and a client that speaks Basic auth to a system.
import { randomUUID } from 'node:crypto';
import type { EngineEvent, EngineEventOf, EngineEventType } from '../../../app/events.js';
import { DEMO_WORKSPACE } from '../../../app/workspace/demo.js';
import { checkWorkspace, type ParsedWorkspace } from '../../../app/workspace/parse.js';
import type { Workspace, WorkspaceInput } from '../../../app/workspace/schema.js';
import { engineAddresses } from '../../core/addresses.js';
import { EventBus, now } from '../../core/event-bus.js';
import { SystemDirectory, type EngineContext } from '../../core/plugin.js';
import { SecretStore } from '../../core/secret-store.js';
import { ServiceRegistry } from '../../core/services.js';
import { DEMO_SYSTEM } from '../../systems/test-support.js';
import { SystemsRuntime } from '../../systems/plugin.js';
import { onCleanup, tempDir } from '../../test/support.js';
import { ensureTls, type TlsMaterial } from '../../tls/ca.js';

export const BASIC = `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`;

export interface Bed {
  ctx: EngineContext;
  systems: SystemsRuntime;
  events: EngineEvent[];
  dataDir: string;
  tls: TlsMaterial;
  /** http://127.0.0.1:<port> of a running system. */
  url(system?: string): string;
  port(system?: string): number;
  /** Changes the front system's `recording` like PUT /api/workspace would. */
  setRecording(recording: Record<string, unknown>, system?: string): Promise<Workspace>;
  request(path: string, init?: RequestInit): Promise<Response>;
  eventsOf<T extends EngineEventType>(type: T): EngineEventOf<T>[];
  stop(): Promise<void>;
}

export interface BedOptions {
  /** The workspace's top-level `recording` (redact, match). */
  settings?: Record<string, unknown>;
  /** A workspace file path (caFile resolves from its folder); the file itself is not written. */
  workspacePath?: string;
  tls?: TlsMaterial;
  /** The front system S4D without simulated services (a pure stand-in for a real system). */
  noServices?: boolean;
}

/** The demo workspace whose system S4D has `recording`; S4D is what clients talk to. */
export async function startBed(recording: Record<string, unknown>, options: BedOptions = {}): Promise<Bed> {
  const dataDir = await tempDir('btp-recording-');
  const tls = options.tls ?? (await ensureTls(dataDir));
  const bus = new EventBus();
  const events: EngineEvent[] = [];
  bus.onAny((e) => events.push(e));
  const raw = structuredClone(DEMO_WORKSPACE);
  raw.systems = [{ ...DEMO_SYSTEM, ...(options.noServices ? { services: [] } : {}), recording } as never];
  if (options.settings) (raw as Record<string, unknown>).recording = options.settings;
  let current: ParsedWorkspace = checkWorkspace(raw);
  const runtime: { systems?: SystemsRuntime } = {};
  const ctx: EngineContext = {
    host: '127.0.0.1',
    addresses: engineAddresses({ bind: '127.0.0.1' }),
    dataDir,
    bus,
    services: new ServiceRegistry(bus, '127.0.0.1'),
    secrets: await SecretStore.open(dataDir),
    tls,
    systems: new SystemDirectory(),
    workspace: () => current.workspace,
    workspacePath: () => options.workspacePath ?? null,
    replaceWorkspace: async (mutate) => {
      current = checkWorkspace(mutate(structuredClone(current.raw) as WorkspaceInput));
      await runtime.systems?.workspaceReplaced();
      return current.workspace;
    },
    port: () => 0,
    xsuaa: () => {
      throw new Error('no XSUAA in the recording test bed');
    },
    endpoints: () => {
      throw new Error('no endpoints in the recording test bed');
    },
    log: (level, message) => bus.emit({ type: 'log', at: now(), level, message }),
  };
  const systems = new SystemsRuntime(ctx);
  runtime.systems = systems;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await systems.stop();
  };
  onCleanup(stop);
  await systems.start();
  const port = (id = 'S4D'): number => {
    const address = ctx.systems.resolve(id);
    if (!address)
      throw new Error(
        `system ${id} is not running: ${JSON.stringify(events.filter((e) => e.type === 'log'))}`,
      );
    return address.port;
  };
  const url = (id = 'S4D'): string => `http://127.0.0.1:${port(id)}`;
  return {
    ctx,
    systems,
    events,
    dataDir,
    tls,
    url,
    port,
    setRecording: (next, id = 'S4D') =>
      ctx.replaceWorkspace((ws) => {
        const system = ws.systems?.find((s) => s.id === id);
        if (!system) throw new Error(`no system ${id}`);
        system.recording = next;
        return ws;
      }),
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', BASIC);
      return fetch(`${url()}${path}`, { ...init, headers });
    },
    eventsOf: <T extends EngineEventType>(type: T) =>
      events.filter((e): e is EngineEventOf<T> => e.type === type),
    stop,
  };
}

export function batchBody(boundary: string, parts: string[]): string {
  return `${parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n')}\r\n--${boundary}--\r\n`;
}

export const httpPart = (request: string, id?: string): string =>
  `Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n${id ? `Content-ID: ${id}\r\n` : ''}\r\n${request}\r\n`;

export const changesetPart = (boundary: string, parts: string[]): string =>
  `Content-Type: multipart/mixed; boundary=${boundary}\r\n\r\n${batchBody(boundary, parts)}`;

/** A batch boundary nobody used before: replay must not depend on boundaries. */
export const freshBoundary = (prefix: string): string => `${prefix}_${randomUUID()}`;

/** The parts of a multipart batch response as status + body (bodies parsed when JSON), in order. */
export function batchAnswers(text: string): { status: number; body: unknown; contentId?: string }[] {
  const out: { status: number; body: unknown; contentId?: string }[] = [];
  const pattern =
    /(?:content-id: *([^\r\n]+)\r?\n)?\r?\nHTTP\/1\.1 (\d{3})[^\r\n]*\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([^]*?)(?=\r?\n--)/gi;
  for (const match of text.matchAll(pattern)) {
    const body = match[4]!.trim();
    let parsed: unknown = body;
    try {
      parsed = body === '' ? '' : (JSON.parse(body) as unknown);
    } catch {
      // not JSON: compared as text
    }
    out.push({ status: Number(match[2]), body: parsed, ...(match[1] ? { contentId: match[1].trim() } : {}) });
  }
  return out;
}
