// Finds an engine already running for a data folder, through the runtime.json it wrote (mode 0600)
// and a health check with its admin token, and talks to it over the admin API.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ADMIN_ROUTES,
  type BindingEnv,
  type IssueTokenRequest,
  type IssueTokenResponse,
} from '../../app/admin-api.js';
import { EmulatorError, type ErrorBody } from '../../app/errors.js';
import type { EngineStatus } from '../../app/events.js';
import { pidAlive, RUNTIME_FILE, type RuntimeInfo } from '../core/data-dir.js';

export interface RunningEngine {
  adminUrl: string;
  adminToken: string;
  pid: number;
}

/** runtime.json of the data folder, or undefined when there is none (or it cannot be read). */
export async function readRuntime(dataDir: string): Promise<RuntimeInfo | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, RUNTIME_FILE), 'utf8')) as RuntimeInfo;
  } catch {
    return undefined;
  }
}

export async function findRunningEngine(dataDir: string): Promise<RunningEngine | undefined> {
  const info = await readRuntime(dataDir);
  if (!info) return undefined;
  const adminUrl = info.urls.admin;
  if (!adminUrl) return undefined;
  try {
    const response = await fetch(`${adminUrl}${ADMIN_ROUTES.health.path}`, {
      headers: { Authorization: `Bearer ${info.adminToken}` },
      signal: AbortSignal.timeout(2000),
    });
    return response.ok ? { adminUrl, adminToken: info.adminToken, pid: info.pid } : undefined;
  } catch {
    return undefined; // a stale file from an engine that died
  }
}

async function call<T>(
  engine: RunningEngine,
  route: { method: string; path: string },
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${engine.adminUrl}${route.path}`, {
    method: route.method,
    headers: {
      Authorization: `Bearer ${engine.adminToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T | ErrorBody;
  if (!response.ok) {
    const error = (json as ErrorBody).error;
    throw new EmulatorError(error.code, error.message, { issues: error.issues ?? [] });
  }
  return json as T;
}

export const remoteBindingEnv = (engine: RunningEngine): Promise<BindingEnv> =>
  call(engine, ADMIN_ROUTES.bindings);
export const remoteIssueToken = (
  engine: RunningEngine,
  request: IssueTokenRequest,
): Promise<IssueTokenResponse> => call(engine, ADMIN_ROUTES.issueToken, request);

/**
 * What runtime.json says and whether it is true: `running` when the engine answers on its admin URL as
 * the pid the file names; `stale` when that process is gone (killed, crashed); `not-answering` when the
 * process exists but its admin API does not answer (hung, stopping, or another program that got the pid).
 */
export type EngineState =
  | { state: 'none' }
  | { state: 'stale' | 'not-answering'; info: RuntimeInfo }
  | { state: 'running'; info: RuntimeInfo; engine: RunningEngine; status: EngineStatus };

export async function engineState(dataDir: string, isAlive = pidAlive): Promise<EngineState> {
  const info = await readRuntime(dataDir);
  if (!info) return { state: 'none' };
  const adminUrl = info.urls.admin;
  if (adminUrl) {
    const engine: RunningEngine = { adminUrl, adminToken: info.adminToken, pid: info.pid };
    const status = await fetch(`${adminUrl}${ADMIN_ROUTES.status.path}`, {
      headers: { Authorization: `Bearer ${info.adminToken}` },
      signal: AbortSignal.timeout(2000),
    })
      .then(async (r) => (r.ok ? ((await r.json()) as EngineStatus) : undefined))
      .catch(() => undefined);
    if (status?.pid === info.pid) return { state: 'running', info, engine, status };
  }
  return { state: isAlive(info.pid) ? 'not-answering' : 'stale', info };
}
