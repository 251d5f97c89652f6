// The engine every fuzz runs against: the demo workspace (XSUAA, destination S4, the simulated system
// S4D behind s4.virtual) plus loopback backends the proxies can always reach, so a 502/504 is never
// the answer the fuzz asked for. In-process on ephemeral ports, or a CLI process reached by its URLs
// and admin token; either way the fuzz sees it only through its listeners and the admin API.
import { expect } from 'vitest';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { startBackend, startTcpEcho } from '../connectivity/test-support.js';
import { engine } from '../test/support.js';

export const BASIC_DEVELOPER = `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`;
export const V2_ROOT = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
export const V4_ROOT = '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001/';

/** The demo plus erp.virtual:44300 (HTTP echo backend) and tcp.virtual:3300 (TCP echo). */
export function fuzzWorkspace(ports: { http: number; tcp: number }): WorkspaceInput {
  const ws = structuredClone(DEMO_WORKSPACE);
  const location = ws.cloudConnector!.locations![0]!;
  // Long enough that a loaded machine never turns a slow answer into a 504 the fuzz did not cause.
  ws.cloudConnector!.proxy = { connectTimeoutMs: 5000, responseTimeoutMs: 8000, idleTimeoutMs: 8000 };
  location.systemMappings!.push(
    {
      virtualHost: 'erp.virtual',
      virtualPort: 44300,
      internalHost: '127.0.0.1',
      internalPort: ports.http,
      protocol: 'HTTP',
      resources: [
        { path: '/api', mode: 'prefix' },
        { path: '/ws', mode: 'prefix', websocket: true },
      ],
    },
    {
      virtualHost: 'tcp.virtual',
      virtualPort: 3300,
      internalHost: '127.0.0.1',
      internalPort: ports.tcp,
      protocol: 'TCP',
    },
  );
  return ws;
}

/** The loopback backends of fuzzWorkspace, stopped after the test. */
export async function startBackends(): Promise<{ http: number; tcp: number }> {
  return { http: (await startBackend()).port, tcp: await startTcpEcho() };
}

type Service = 'admin' | 'xsuaa' | 'xsuaaTls' | 'destination' | 'proxy' | 'socks5';

export interface Credentials {
  clientid: string;
  clientsecret: string;
  url: string;
}

export interface FuzzEngine {
  urls: Partial<Record<Service, string>>;
  adminUrl: string;
  adminToken: string;
  port(service: Service): number;
  /** The simulated system S4D's own listener. */
  systemPort: number;
  /** A token of the connectivity binding (Proxy-Authorization, SOCKS5). */
  proxyToken: string;
  creds(label: 'xsuaa' | 'destination' | 'connectivity'): Credentials;
  /** A token from the admin API (`POST /api/tokens`). */
  token(body: { client: string; user?: string }): Promise<string>;
  /** Error lines the engine logged so far (in-process engines only): what a 500 was about. */
  errors: string[];
}

async function adminJson<T>(adminUrl: string, adminToken: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${adminUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Everything a fuzz needs from a running engine, found through its admin API. */
export async function attachFuzzEngine(
  urls: Partial<Record<string, string>>,
  adminToken: string,
): Promise<FuzzEngine> {
  const adminUrl = urls.admin;
  if (!adminUrl) throw new Error('no admin url');
  const bindings = await adminJson<{ VCAP_SERVICES: Record<string, { credentials: Credentials }[]> }>(
    adminUrl,
    adminToken,
    '/api/bindings',
  );
  const systems = await adminJson<{ id: string; port: number | null }[]>(
    adminUrl,
    adminToken,
    '/api/systems',
  );
  const systemPort = systems.find((s) => s.id === 'S4D')?.port;
  if (!systemPort) throw new Error(`system S4D is not running: ${JSON.stringify(systems)}`);
  const token = async (body: { client: string; user?: string }): Promise<string> =>
    (await adminJson<{ access_token: string }>(adminUrl, adminToken, '/api/tokens', body)).access_token;
  return {
    urls,
    adminUrl,
    adminToken,
    port(service) {
      const url = urls[service];
      if (!url) throw new Error(`no ${service} listener`);
      return Number(new URL(url).port);
    },
    systemPort,
    proxyToken: await token({ client: 'demo-connectivity' }),
    creds: (label) => bindings.VCAP_SERVICES[label]![0]!.credentials,
    token,
    errors: [],
  };
}

/** An in-process engine on ephemeral ports with the fuzz workspace, stopped after the test. */
export async function startFuzzEngine(): Promise<FuzzEngine> {
  const handle = await engine({ workspace: fuzzWorkspace(await startBackends()) });
  const f = await attachFuzzEngine(handle.urls, handle.adminToken);
  handle.on('log', (e) => {
    if (e.level === 'error') f.errors.push(`${e.code ?? 'log'}: ${e.message.slice(0, 300)}`);
  });
  return f;
}

/** After a fuzz: the engine still answers on the admin listener and on the listener fuzzed. */
export async function expectAlive(f: FuzzEngine, probe?: () => Promise<number>): Promise<void> {
  const health = await fetch(`${f.adminUrl}/api/health`, {
    headers: { Authorization: `Bearer ${f.adminToken}` },
  });
  expect(health.status).toBe(200);
  if (probe) expect(await probe()).toBeLessThan(500);
}
