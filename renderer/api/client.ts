// Typed client for the engine's admin API. Every response is validated against the app/ contract,
// so a mismatched engine shows up as one clear error instead of undefined fields deep in the UI.
import type { z } from 'zod';
import {
  ADMIN_ROUTES,
  healthResponseSchema,
  workspaceResponseSchema,
  type HealthResponse,
  type WorkspaceResponse,
} from '../../app/admin-api.js';
import { engineStatusSchema, type EngineStatus } from '../../app/events.js';
import { workspaceSchema, type WorkspaceInput } from '../../app/workspace/schema.js';
import { AdminApiError, errorFromResponse, invalidResponseError, networkError } from './admin-error.js';
import type { AdminConnection } from './desktop-bridge.js';

type Route = (typeof ADMIN_ROUTES)[keyof typeof ADMIN_ROUTES];
export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

const workspaceEnvelopeSchema = workspaceResponseSchema.extend({ workspace: workspaceSchema });

// Resolved at call time so test interceptors that patch globalThis.fetch later still apply.
const globalFetch: Fetcher = (input, init) => fetch(input, init);

export class AdminClient {
  readonly baseUrl: string;
  readonly #token: string | undefined;
  readonly #fetch: Fetcher;

  constructor(connection: AdminConnection, fetcher: Fetcher = globalFetch) {
    this.baseUrl = connection.baseUrl.replace(/\/+$/, '');
    this.#token = connection.token;
    this.#fetch = fetcher;
  }

  health(): Promise<HealthResponse> {
    return this.#json(ADMIN_ROUTES.health, healthResponseSchema);
  }

  status(): Promise<EngineStatus> {
    return this.#json(ADMIN_ROUTES.status, engineStatusSchema);
  }

  getWorkspace(): Promise<WorkspaceResponse> {
    return this.#json(ADMIN_ROUTES.getWorkspace, workspaceEnvelopeSchema);
  }

  /** Replaces the running workspace; a 400 carries the schema issues in `AdminApiError.issues`. */
  replaceWorkspace(workspace: WorkspaceInput): Promise<WorkspaceResponse> {
    return this.#json(ADMIN_ROUTES.replaceWorkspace, workspaceEnvelopeSchema, workspace);
  }

  /** Opens the Server-Sent Events stream; the caller reads and cancels the body. */
  async openEventStream(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const response = await this.#send(ADMIN_ROUTES.events, { signal, accept: 'text/event-stream' });
    if (!response.body) throw invalidResponseError('empty event stream');
    return response.body;
  }

  async #json<S extends z.ZodType>(route: Route, schema: S, body?: unknown): Promise<z.output<S>> {
    const response = await this.#send(route, { body, accept: 'application/json' });
    const payload: unknown = await response.json().catch((cause: unknown) => {
      throw invalidResponseError(`non-JSON body from ${route.path}`, cause);
    });
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw invalidResponseError(`body from ${route.path}`, parsed.error);
    return parsed.data;
  }

  async #send(
    route: Route,
    options: { accept: string; body?: unknown; signal?: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: options.accept };
    if (this.#token) headers.Authorization = `Bearer ${this.#token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.#fetch(this.baseUrl + route.path, {
        method: route.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw networkError(cause);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }
}

export function isAdminApiError(value: unknown): value is AdminApiError {
  return value instanceof AdminApiError;
}
