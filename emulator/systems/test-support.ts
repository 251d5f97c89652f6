// Test helper: one simulated system in-process on 127.0.0.1:0, built from a system config exactly as
// the plug-in builds it, with a request helper that speaks Basic auth and keeps the CSRF session.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemSchema, type SystemConfig } from '../../app/systems/workspace.js';
import type { EngineEvent } from '../../app/events.js';
import { EventBus } from '../core/event-bus.js';
import { RestHandlers } from './http/rest.js';
import { SystemServer } from './http/system-server.js';
import { loadService } from './system-loader.js';

export const DEMO_SYSTEM = {
  id: 'S4D',
  users: [{ name: 'DEVELOPER', password: 'Welcome1' }],
  clients: ['100', '200'],
  services: [
    { name: 'API_BUSINESS_PARTNER', odataVersion: 'v2', metadata: 'builtin:API_BUSINESS_PARTNER' },
    {
      name: 'salesorder',
      odataVersion: 'v4',
      metadata: 'builtin:SalesOrderV4',
      path: '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001/',
    },
  ],
};

export const V2_ROOT = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
export const V4_ROOT = '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001/';

export interface TestSystem {
  url: string;
  server: SystemServer;
  events: EngineEvent[];
  dataDir: string;
  /** fetch with Basic auth (DEVELOPER) unless headers say otherwise. */
  request(pathAndQuery: string, init?: RequestInit & { auth?: false }): Promise<Response>;
  /** A token + cookie pair from `x-csrf-token: Fetch`. */
  csrf(): Promise<{ 'x-csrf-token': string; cookie: string }>;
  stop(): Promise<void>;
}

export const BASIC = `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`;

export async function startTestSystem(
  input: Record<string, unknown> = DEMO_SYSTEM,
  options: { baseDir?: string; caCertPem?: string; dataDir?: string } = {},
): Promise<TestSystem> {
  const config: SystemConfig = systemSchema.parse(input);
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'btp-systems-')));
  const loadOptions = { baseDir: options.baseDir ?? null, dataDir };
  const services = await Promise.all(config.services.map((s) => loadService(config, s, loadOptions)));
  const rest = config.rest
    ? await RestHandlers.load(path.resolve(options.baseDir ?? '.', config.rest))
    : undefined;
  const bus = new EventBus();
  const events: EngineEvent[] = [];
  bus.onAny((e) => events.push(e));
  const server = new SystemServer(config, services, rest, {
    host: '127.0.0.1',
    caCertPem: options.caCertPem ?? '',
    bus,
    log: () => undefined,
  });
  const port = await server.start();
  const url = `http://127.0.0.1:${port}`;
  const request = (pathAndQuery: string, init: RequestInit & { auth?: false } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (init.auth !== false && !headers.has('authorization')) headers.set('authorization', BASIC);
    return fetch(`${url}${pathAndQuery}`, { ...init, headers });
  };
  return {
    url,
    server,
    events,
    dataDir,
    request,
    async csrf() {
      const response = await request(V2_ROOT, { method: 'HEAD', headers: { 'x-csrf-token': 'Fetch' } });
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      return { 'x-csrf-token': response.headers.get('x-csrf-token') ?? '', cookie };
    },
    async stop() {
      await server.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** The V2 test service over the fixture files (4 partners, 3 addresses, 1 e-mail), hooks and REST. */
export function fixtureSystem(
  change: (system: Record<string, unknown>) => void = () => undefined,
): Record<string, unknown> {
  const system: Record<string, unknown> = {
    id: 'T01',
    users: [{ name: 'DEVELOPER', password: 'Welcome1' }],
    clients: ['100', '200'],
    rest: 'rest.mjs',
    services: [
      {
        name: 'API_BUSINESS_PARTNER',
        odataVersion: 'v2',
        metadata: 'builtin:API_BUSINESS_PARTNER',
        data: {
          files: {
            A_BusinessPartner: 'partners.json',
            A_BusinessPartnerAddress: 'addresses.json',
            A_AddressEmailAddress: 'emails.json',
          },
        },
        hooks: 'hooks.mjs',
        functions: { CheckTaxNumber: { result: { TaxNumber: 'DE123', IsValid: true, Message: 'valid' } } },
      },
      {
        name: 'salesorder',
        odataVersion: 'v4',
        metadata: 'builtin:SalesOrderV4',
        path: V4_ROOT,
        data: { generate: { seed: 7, rows: 5 } },
      },
    ],
  };
  change(system);
  return system;
}

/** JSON body of a response, asserting the status first (with the body in the message when it differs). */
export async function expectJson<T = Record<string, unknown>>(
  response: Response,
  status: number,
): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected HTTP ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface V2ErrorBody {
  error: { code: string; message: { lang: string; value: string }; innererror: { errordetails: unknown[] } };
}
