// Typed client for the engine's admin API. Every response is validated against the app/ contract,
// so a mismatched engine shows up as one clear error instead of undefined fields deep in the UI.
import { z } from 'zod';
import {
  ADMIN_ROUTES,
  bindingEnvSchema,
  clientSummarySchema,
  healthResponseSchema,
  issueTokenResponseSchema,
  rotateKeysResponseSchema,
  signingKeyInfoSchema,
  verifyTokenResponseSchema,
  workspaceResponseSchema,
  type BindingEnv,
  type BindingFormat,
  type ClientSummary,
  type HealthResponse,
  type IssueTokenRequest,
  type IssueTokenResponse,
  type RotateKeysRequest,
  type SigningKeyInfo,
  type VerifyTokenRequest,
  type VerifyTokenResponse,
  type WorkspaceResponse,
} from '../../app/admin-api.js';
import {
  checkResultSchema,
  DESTINATION_ROUTES,
  destinationListSchema,
  destinationPath,
  type CheckResult,
  type DestinationLevel,
  type DestinationList,
} from '../../app/destination/api.js';
import {
  checkUrlResponseSchema,
  CONNECTIVITY_ROUTES,
  trafficDetailPath,
  trafficDetailSchema,
  trafficListSchema,
  type CheckUrlRequest,
  type CheckUrlResponse,
  type TrafficDetail,
  type TrafficList,
  type TrafficQuery,
} from '../../app/connectivity/api.js';
import { engineStatusSchema, type EngineStatus } from '../../app/events.js';
import {
  importServiceResponseSchema,
  inspectEdmxResponseSchema,
  rowsResponseSchema,
  SYSTEMS_ROUTES,
  systemSummarySchema,
  type ImportServiceRequest,
  type ImportServiceResponse,
  type InspectEdmxResponse,
  type RowsResponse,
  type RowWrite,
  type SystemSummary,
} from '../../app/systems/api.js';
import {
  dataFilesResponseSchema,
  entryDetailSchema,
  importResponseSchema,
  missesResponseSchema,
  RECORDING_ROUTES,
  recordingOverviewSchema,
  sessionDetailSchema,
  type DataFilesResponse,
  type EntryDetail,
  type ImportResponse,
  type Miss,
  type RecordingOverview,
  type SessionDetail,
} from '../../app/recording/api.js';
import { workspaceSchema, type WorkspaceInput } from '../../app/workspace/schema.js';
import { AdminApiError, errorFromResponse, invalidResponseError, networkError } from './admin-error.js';
import type { AdminConnection } from './desktop-bridge.js';

/** A route of the contract, with any `:param` already filled in. */
type Route = { readonly method: string; readonly path: string };
export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

const workspaceEnvelopeSchema = workspaceResponseSchema.extend({ workspace: workspaceSchema });
const clientListSchema = z.array(clientSummarySchema);
const signingKeyListSchema = z.array(signingKeyInfoSchema);
const systemListSchema = z.array(systemSummarySchema);
const rowSchema = z.record(z.string(), z.unknown());
/** The mode routes answer with the system's recording state; only what the page shows is required. */
const recordedMappingSchema = z.object({ system: z.string(), session: z.string().nullable() }).partial();

/** An entity set of a service of a simulated system. */
export interface EntitySetRef {
  system: string;
  service: string;
  set: string;
}

export interface SystemRowsQuery {
  client?: string;
  top?: number;
  skip?: number;
  filter?: string;
  orderby?: string;
}

const systemsPath = (path: string, ref: EntitySetRef): string =>
  path
    .replace(':system', encodeURIComponent(ref.system))
    .replace(':service', encodeURIComponent(ref.service))
    .replace(':set', encodeURIComponent(ref.set));

/** A recording route with its `:params` filled in (each encoded as one path segment). */
function recordingRoute(name: keyof typeof RECORDING_ROUTES, params: Record<string, string>): Route {
  const route = RECORDING_ROUTES[name];
  const path = route.path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
  return { method: route.method, path };
}

interface SendOptions {
  accept: string;
  body?: unknown;
  query?: Record<string, string>;
  signal?: AbortSignal;
}

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

  /** Every binding with its credentials (client secrets included), VCAP_APPLICATION and the CA bundle. */
  bindings(): Promise<BindingEnv> {
    return this.#json(ADMIN_ROUTES.bindings, bindingEnvSchema);
  }

  /** The bindings as the text of one export format, exactly as `btp-emulator vcap --format` prints it. */
  async exportBindings(format: BindingFormat): Promise<string> {
    const response = await this.#send(ADMIN_ROUTES.exportBindings, {
      accept: 'application/json, text/plain',
      query: { format },
    });
    return response.text();
  }

  /** The OAuth clients tokens can be issued for: one per XSUAA app, plus destination and connectivity. */
  clients(): Promise<ClientSummary[]> {
    return this.#json(ADMIN_ROUTES.clients, clientListSchema);
  }

  /** A 400 names the unknown client or user, or the scopes the client may not have, in `issues`. */
  issueToken(request: IssueTokenRequest): Promise<IssueTokenResponse> {
    return this.#json(ADMIN_ROUTES.issueToken, issueTokenResponseSchema, request);
  }

  /** Decodes and checks any JWT against the issuer's keys; an invalid token is a 200 with `problems`. */
  verifyToken(request: VerifyTokenRequest): Promise<VerifyTokenResponse> {
    return this.#json(ADMIN_ROUTES.verifyToken, verifyTokenResponseSchema, request);
  }

  signingKeys(): Promise<SigningKeyInfo[]> {
    return this.#json(ADMIN_ROUTES.signingKeys, signingKeyListSchema);
  }

  /**
   * Publishes a new signing key, which signs after the JWKS propagation time (at once with
   * `immediate`); the old key stays published until its tokens have expired. Returns the new key.
   */
  rotateSigningKey(request: RotateKeysRequest = {}): Promise<SigningKeyInfo> {
    return this.#json(ADMIN_ROUTES.rotateKeys, rotateKeysResponseSchema, request);
  }

  /** Destinations of both levels (with their secrets), certificate names and the service URL. */
  destinations(): Promise<DestinationList> {
    return this.#json(DESTINATION_ROUTES.list, destinationListSchema);
  }

  /** Creates, updates or renames (a different Name in the body); a 400 names each wrong property in `issues`. */
  saveDestination(
    level: DestinationLevel,
    name: string,
    destination: Record<string, string>,
  ): Promise<DestinationList> {
    const path = destinationPath(DESTINATION_ROUTES.save, level, name);
    return this.#json({ method: 'PUT', path }, destinationListSchema, destination);
  }

  deleteDestination(level: DestinationLevel, name: string): Promise<DestinationList> {
    const path = destinationPath(DESTINATION_ROUTES.remove, level, name);
    return this.#json({ method: 'DELETE', path }, destinationListSchema);
  }

  /** "Check connection" through the emulated path; a failed check is a 200 with outcome `failed`. */
  checkDestination(level: DestinationLevel, name: string): Promise<CheckResult> {
    const path = destinationPath(DESTINATION_ROUTES.check, level, name);
    return this.#json({ method: 'POST', path }, checkResultSchema);
  }

  /** "Check a URL": what the connectivity proxy would do with a method + URL + location, and which rule decides. */
  checkProxyUrl(request: CheckUrlRequest): Promise<CheckUrlResponse> {
    return this.#json(CONNECTIVITY_ROUTES.checkUrl, checkUrlResponseSchema, request);
  }

  /** Recent proxy requests and SOCKS5 connections, newest first, filtered. */
  traffic(query: TrafficQuery = {}): Promise<TrafficList> {
    const params = new URLSearchParams();
    const { kind, outcome, location, q, limit } = query;
    for (const [key, value] of Object.entries({ kind, outcome, location, q }))
      if (value !== undefined && value !== '') params.set(key, value);
    if (typeof limit === 'number') params.set('limit', String(limit));
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return this.#json({ method: 'GET', path: CONNECTIVITY_ROUTES.traffic.path + search }, trafficListSchema);
  }

  /** One exchange with headers (secrets redacted) and the first bytes of each body. */
  trafficDetail(id: string): Promise<TrafficDetail> {
    return this.#json({ method: 'GET', path: trafficDetailPath(id) }, trafficDetailSchema);
  }

  async clearTraffic(): Promise<void> {
    await this.#send(CONNECTIVITY_ROUTES.clearTraffic, { accept: 'application/json' });
  }

  /** Simulated systems with their services, URLs (own and virtual) and entity sets. */
  systems(): Promise<SystemSummary[]> {
    return this.#json(SYSTEMS_ROUTES.list, systemListSchema);
  }

  /** One page of an entity set; a bad $filter or $orderby is a 400 whose message names the problem. */
  systemRows(set: EntitySetRef, query: SystemRowsQuery = {}): Promise<RowsResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '') params.set(key, String(value));
    const search = params.size > 0 ? `?${params.toString()}` : '';
    const path = systemsPath(SYSTEMS_ROUTES.rows.path, set) + search;
    return this.#json({ method: 'GET', path }, rowsResponseSchema);
  }

  createSystemRow(set: EntitySetRef, write: RowWrite): Promise<Record<string, unknown>> {
    const path = systemsPath(SYSTEMS_ROUTES.createRow.path, set);
    return this.#json({ method: 'POST', path }, rowSchema, write);
  }

  /** Changes the given values of the row with `write.key` (PATCH semantics: other properties stay). */
  updateSystemRow(set: EntitySetRef, write: RowWrite): Promise<Record<string, unknown>> {
    const path = systemsPath(SYSTEMS_ROUTES.updateRow.path, set);
    return this.#json({ method: 'PATCH', path }, rowSchema, write);
  }

  async deleteSystemRow(set: EntitySetRef, write: RowWrite): Promise<void> {
    const path = systemsPath(SYSTEMS_ROUTES.deleteRow.path, set);
    await this.#json({ method: 'DELETE', path }, z.unknown(), write);
  }

  /** Restores a service's data (one sap-client, or all) to its files and generated rows. */
  async resetSystemService(system: string, service: string, client?: string): Promise<void> {
    const path = systemsPath(SYSTEMS_ROUTES.reset.path, { system, service, set: '' });
    await this.#json({ method: 'POST', path }, z.unknown(), client === undefined ? {} : { client });
  }

  /** Reads an EDMX without importing it; a 400 says why it cannot be served. */
  inspectEdmx(xml: string): Promise<InspectEdmxResponse> {
    return this.#json(SYSTEMS_ROUTES.inspectEdmx, inspectEdmxResponseSchema, { xml });
  }

  /** Adds a service from an EDMX to a system (saved beside the workspace); the system restarts with it. */
  importService(system: string, request: ImportServiceRequest): Promise<ImportServiceResponse> {
    const path = SYSTEMS_ROUTES.importService.path.replace(':system', encodeURIComponent(system));
    return this.#json({ method: 'POST', path }, importServiceResponseSchema, request);
  }

  /** Sessions in the data folder and every system's recording mode and counters. */
  recordings(): Promise<RecordingOverview> {
    return this.#json(RECORDING_ROUTES.overview, recordingOverviewSchema);
  }

  /** A session's timeline: every entry with its OData operation and how often replay served it. */
  recordingSession(session: string): Promise<SessionDetail> {
    return this.#json(recordingRoute('session', { session }), sessionDetailSchema);
  }

  /** One HAR entry as stored (secrets already redacted on disk unless the workspace keeps them). */
  recordingEntry(session: string, index: number): Promise<EntryDetail> {
    return this.#json(recordingRoute('entry', { session, index: String(index) }), entryDetailSchema);
  }

  async deleteRecordingSession(session: string): Promise<void> {
    await this.#send(recordingRoute('deleteSession', { session }), { accept: 'application/json' });
  }

  /** The session as HAR 1.2 text, redacted with the workspace rules. */
  async exportRecordingSession(session: string): Promise<string> {
    const route = recordingRoute('exportSession', { session });
    return (await this.#send(route, { accept: 'application/json' })).text();
  }

  /** A 400 names what is wrong with the HAR; entries that cannot be replayed come back in `skipped`. */
  importRecordingSession(request: { name: string; har: unknown; system?: string }): Promise<ImportResponse> {
    return this.#json(RECORDING_ROUTES.importSession, importResponseSchema, request);
  }

  recordingDataFiles(
    session: string,
    request: { system: string; service: string; apply: boolean },
  ): Promise<DataFilesResponse> {
    return this.#json(recordingRoute('toDataFiles', { session }), dataFilesResponseSchema, request);
  }

  /** Record mode (the system needs live.url); without a name the engine picks <system>-<timestamp>. */
  async startRecording(system: string, session?: string): Promise<void> {
    const body = session === undefined ? {} : { session };
    await this.#json(recordingRoute('startRecording', { system }), z.unknown(), body);
  }

  /** Back to live (when the system has live.url) or simulate. */
  async stopRecordingMode(system: string): Promise<void> {
    await this.#json(recordingRoute('stop', { system }), z.unknown(), {});
  }

  async startReplay(
    system: string,
    request: { sessions: string[]; onMiss: 'strict' | 'simulate' | 'record' },
  ): Promise<void> {
    await this.#json(recordingRoute('startReplay', { system }), z.unknown(), request);
  }

  /** Requests replay could not answer, newest first, each with the nearest candidates and their differences. */
  async replayMisses(system: string): Promise<Miss[]> {
    return (await this.#json(recordingRoute('misses', { system }), missesResponseSchema)).misses;
  }

  /** Puts a system standing for a mapping's real host in front of it, in record mode; returns that system. */
  recordMapping(request: {
    location: string | null;
    virtualHost: string;
    virtualPort: number;
    session?: string;
  }): Promise<{ system?: string; session?: string | null }> {
    return this.#json(RECORDING_ROUTES.recordMapping, recordedMappingSchema, request);
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

  async #send(route: Route, options: SendOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: options.accept };
    if (this.#token) headers.Authorization = `Bearer ${this.#token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
      response = await this.#fetch(this.baseUrl + route.path + query, {
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
