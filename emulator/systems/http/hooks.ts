// Custom logic per service from a workspace module (.js/.mjs, or .ts through Node's type stripping).
// The module is trusted like any code the developer runs: it is their own file, loaded by path.
import { pathToFileURL } from 'node:url';
import type { OperationHook } from '../odata/operations.js';

export interface HookRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: string;
  client: string;
  user: string;
  service: string;
}

export interface HookResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ServiceHooks {
  /** Runs before the engine; a returned response is sent instead. */
  onRequest?(request: HookRequest): HookResponse | undefined | Promise<HookResponse | undefined>;
  /** Results of function imports / actions by name. */
  functions?: Record<string, OperationHook>;
  /** `sap-message` header to add to a successful response (V2), e.g. after a create. */
  sapMessage?(request: HookRequest, status: number): Record<string, unknown> | undefined;
}

export async function loadHooks(file: string | undefined): Promise<ServiceHooks> {
  if (!file) return {};
  const module = (await import(pathToFileURL(file).href)) as { default?: ServiceHooks } & ServiceHooks;
  const hooks = module.default ?? module;
  if (typeof hooks !== 'object') throw new Error(`Hooks module ${file} exports no object`);
  return hooks;
}
