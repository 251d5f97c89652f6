// Per-describe setup for the real-client specs: a temporary data folder, optionally a workspace file
// derived from the built-in demo, and one engine (`start --json --ephemeral-ports`) shared by the
// describe's tests. Client programs still run in a fresh process per scenario (through exec), because
// the SAP libraries cache tokens, keys and destinations in memory.
import { expect, test } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { engineEventSchema, type EngineEvent, type EngineEventOf } from '../../../app/events.js';
import { DEMO_WORKSPACE } from '../../../app/workspace/demo.js';
import type { WorkspaceInput } from '../../../app/workspace/schema.js';
import { startEngine, type Engine } from './cli.js';

export const DEMO = {
  zid: DEMO_WORKSPACE.subaccount.id,
  xsuaaBinding: 'demo-uaa',
  destinationBinding: 'demo-destination',
  connectivityBinding: 'demo-connectivity',
  xsappname: 'demo!t1',
  clientid: 'sb-demo!t1',
} as const;

/** Skips the describe with a reason while the CLI lacks a command the acceptance tests need. */
export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `btp-e2e-${prefix}-`));
}

/** Writes the demo workspace with `change` applied and returns its path. */
export async function writeWorkspace(
  dir: string,
  change: (demo: WorkspaceInput) => WorkspaceInput = (demo) => demo,
): Promise<string> {
  const file = path.join(dir, 'workspace.json');
  await writeFile(file, `${JSON.stringify(change(structuredClone(DEMO_WORKSPACE)), null, 2)}\n`);
  return file;
}

export interface SuiteEngine {
  /** The running engine; only valid inside tests of the describe. */
  (): Engine;
}

/**
 * Registers beforeAll/afterAll that start one engine for the describe and stop it (verifying the
 * process group is gone) and remove its data folder.
 */
export function useEngine(options: {
  prefix: string;
  workspace?: (demo: WorkspaceInput) => WorkspaceInput;
}): SuiteEngine {
  let current: Engine | undefined;
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  test.beforeAll(async () => {
    dir = await tempDir(options.prefix);
    const workspace = options.workspace ? await writeWorkspace(dir, options.workspace) : undefined;
    const started = startEngine({ dataDir: path.join(dir, 'data'), ...(workspace ? { workspace } : {}) });
    stop = () => started.stop();
    current = await started.engine;
  });
  test.afterAll(async () => {
    try {
      await stop?.();
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });
  return () => {
    if (!current) throw new Error('engine not started (beforeAll failed?)');
    return current;
  };
}

/** Mints a token through the admin API (`POST /api/tokens`), e.g. an already expired one. */
export async function adminToken(
  engine: Engine,
  body: { client: string; user?: string; scopes?: string[]; expiresIn?: number },
): Promise<string> {
  const response = await engine.api('/api/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200 && response.status !== 201)
    throw new Error(`POST /api/tokens ${JSON.stringify(body)} → ${response.status} ${text}`);
  const { access_token: token } = JSON.parse(text) as { access_token?: unknown };
  if (typeof token !== 'string') throw new Error(`POST /api/tokens returned no access_token: ${text}`);
  return token;
}

/** The engine's event lines (`{"event":<type>,…}` after the ready line) as typed engine events. */
export function engineEvents(engine: Engine): EngineEvent[] {
  return engine.events.flatMap(({ event, ...rest }) => {
    const parsed = engineEventSchema.safeParse({ ...rest, type: event });
    return parsed.success ? [parsed.data] : [];
  });
}

export function tokenEvents<T extends 'token-issued' | 'token-failed'>(
  engine: Engine,
  type: T,
): EngineEventOf<T>[] {
  return engineEvents(engine).filter((e): e is EngineEventOf<T> => e.type === type);
}

/** Waits (polling, no fixed sleep) until the engine reported issuing the token with this jti. */
export async function issuedEvent(engine: Engine, jti: string): Promise<EngineEventOf<'token-issued'>> {
  await expect
    .poll(() => tokenEvents(engine, 'token-issued').some((e) => e.jti === jti), {
      message: `engine event token-issued for jti ${jti}`,
    })
    .toBe(true);
  return tokenEvents(engine, 'token-issued').find((e) => e.jti === jti)!;
}

/** After each test of the describe: the emulator refused no token request (reports what it refused). */
export function expectNoTokenFailures(engine: SuiteEngine): void {
  let before = 0;
  test.beforeEach(() => {
    before = tokenEvents(engine(), 'token-failed').length;
  });
  test.afterEach(() => {
    const refused = tokenEvents(engine(), 'token-failed').slice(before);
    expect(refused, 'token requests the emulator refused during this test').toEqual([]);
  });
}
