// Test helpers of the destination area: an engine with destinations, binding credentials, tokens from the
// emulator's own XSUAA, and calls to the Destination service REST API.
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { engine } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';

export interface Creds {
  clientid: string;
  clientsecret: string;
  url: string;
  uri?: string;
  instanceid?: string;
}

export function creds(handle: EmulatorHandle, label: 'xsuaa' | 'destination' | 'connectivity'): Creds {
  const vcap = handle.bindingEnv().VCAP_SERVICES as Record<string, { credentials: Creds }[]>;
  return vcap[label]![0]!.credentials;
}

export async function oauth(url: string, form: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`token ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

export async function ccToken(handle: EmulatorHandle, label: 'xsuaa' | 'destination' | 'connectivity') {
  const c = creds(handle, label);
  const body = await oauth(c.url, {
    grant_type: 'client_credentials',
    client_id: c.clientid,
    client_secret: c.clientsecret,
  });
  return body.access_token as string;
}

export async function userToken(
  handle: EmulatorHandle,
  user: string,
  label: 'xsuaa' | 'destination' = 'xsuaa',
) {
  const c = creds(handle, label);
  const body = await oauth(c.url, {
    grant_type: 'password',
    username: user,
    password: user,
    client_id: c.clientid,
    client_secret: c.clientsecret,
  });
  return body.access_token as string;
}

/** A user token of the app exchanged for the destination binding (what the approuter and the SDK send). */
export async function exchanged(handle: EmulatorHandle, appUserToken: string): Promise<string> {
  const c = creds(handle, 'destination');
  const body = await oauth(c.url, {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: appUserToken,
    client_id: c.clientid,
    client_secret: c.clientsecret,
  });
  return body.access_token as string;
}

export interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function call(
  handle: EmulatorHandle,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${handle.urls.destination}/destination-configuration/v1${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: response.headers,
  };
}

/** Destinations as plain string maps: the engine validates them like a workspace file. */
export interface TestDestinations {
  subaccount?: Record<string, string>[];
  instance?: Record<string, string>[];
  certificates?: { subaccount?: Record<string, string>[]; instance?: Record<string, string>[] };
}

export function demoWith(destinations: TestDestinations): WorkspaceInput {
  return {
    ...structuredClone(DEMO_WORKSPACE),
    destinations: destinations as WorkspaceInput['destinations'],
  };
}

export function destinationEngine(destinations: TestDestinations, dataDir?: string) {
  return engine({ workspace: demoWith(destinations), ...(dataDir ? { dataDir } : {}) });
}
