// One simulated on-premise system: its own HTTP listener on loopback, the ICF-like front door
// (authentication, sap-client, latency, faults, CSRF) and dispatch to its OData services or MSW handlers.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { SystemConfig } from '../../../app/systems/workspace.js';
import type { EventBus } from '../../core/event-bus.js';
import { now } from '../../core/event-bus.js';
import {
  createHttpListener,
  createHttpsListener,
  type ErrorAnswer,
  type HttpListenerContext,
} from '../../core/listener-guard.js';
import { badRequest, errorBody, ODataError } from '../odata/errors.js';
import { NO_EXTRA_RULES, redactionFor, type Redaction } from '../../core/redaction.js';
import type { ODataService } from '../service.js';
import { authenticate } from './auth.js';
import { CsrfSessions } from './csrf.js';
import { dispatch } from './dispatch.js';
import { FaultInjector, sleep } from './faults.js';
import type { RestHandlers } from './rest.js';
import type { ODataResponse } from './types.js';

const MAX_BODY = 64 * 1024 * 1024;
/** Request line and headers: SAP Gateway's ICM takes long URLs (a $filter, a $batch-less GET). */
const MAX_HEADER_BYTES = 64 * 1024;
const MODIFYING = new Set(['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']);
const NO_BODY = Buffer.alloc(0);

export interface SystemDeps {
  host: string;
  caCertPem: string;
  /** Leaf certificate and key for HTTPS systems. */
  tls?: { certPem: string; keyPem: string };
  bus: EventBus;
  /** The workspace's redaction rules, for what an event shows of a request (default: the engine's). */
  redaction?(): Redaction;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** Live, record and replay modes in front of the simulated services (emulator/recording/runtime). */
  front?: SystemFront;
}

/** Answers a request itself (resolving to the status it sent), e.g. from a recording or the real system. */
export interface SystemFront {
  /** False while the simulated services answer everything (the default): no cost on their path. */
  active(): boolean;
  handle(req: IncomingMessage, res: ServerResponse, simulate: Simulate): Promise<number>;
}

/** The simulated services' answer to a request whose body the front has read already. */
export type Simulate = (options: SimulateOptions) => Promise<ODataResponse>;

export interface SimulateOptions {
  body: Buffer;
  /** Answer `x-csrf-token: Fetch` with this token: replay issues the tokens, so both sides accept them. */
  csrfToken?: string;
  /** The front has validated the request's CSRF token already. */
  csrfChecked?: boolean;
}

export class SystemServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  readonly faults = new FaultInjector();
  private readonly csrf: CsrfSessions;
  port = 0;

  constructor(
    public config: SystemConfig,
    readonly services: ODataService[],
    private readonly rest: RestHandlers | undefined,
    private readonly deps: SystemDeps,
  ) {
    this.csrf = new CsrfSessions(`SAP_SESSIONID_${config.id}_${config.clients[0] ?? '000'}`);
  }

  async start(): Promise<number> {
    // A throw or rejection of handle() is a 500 and an error event (core/listener-guard.ts).
    const listener = (req: IncomingMessage, res: ServerResponse): Promise<void> => this.handle(req, res);
    const context: HttpListenerContext = {
      name: `system ${this.config.id}`,
      bus: this.deps.bus,
      errorBody: gatewayErrorBody,
    };
    const tls = this.deps.tls;
    const server: Server = tls
      ? createHttpsListener(
          context,
          { maxHeaderSize: MAX_HEADER_BYTES, cert: tls.certPem, key: tls.keyPem },
          listener,
        )
      : createHttpListener(context, { maxHeaderSize: MAX_HEADER_BYTES }, listener);
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: this.deps.host, port: this.config.port, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    for (const service of this.services) await service.flush();
  }

  /** Faults and latency changed in the workspace: applied without a restart. */
  updateBehaviour(config: SystemConfig): void {
    this.config = config;
    for (const service of this.services) {
      const next = config.services.find((s) => s.name === service.config.name);
      if (next) service.config = next;
    }
    this.faults.reset();
  }

  serviceFor(pathname: string): ODataService | undefined {
    let best: ODataService | undefined;
    for (const service of this.services) {
      const root = service.root;
      if (
        (pathname.startsWith(root) || pathname === root.slice(0, -1)) &&
        root.length > (best?.root.length ?? 0)
      )
        best = service;
    }
    return best;
  }

  /** One request, start to end; public so the OData benchmark can drive it without sockets. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = requestUrl(req.url);
    if (!url) {
      // An absolute-form target with a broken authority (`GET http://[ HTTP/1.1`) is the client's fault.
      const target = JSON.stringify((req.url ?? '').slice(0, 100));
      this.send(res, this.error(undefined, badRequest(`The request target ${target} is not a valid URL`)));
      return;
    }
    const service = this.serviceFor(url.pathname);
    const method = (
      typeof req.headers['x-http-method'] === 'string' ? req.headers['x-http-method'] : (req.method ?? 'GET')
    ).toUpperCase();
    const record = {
      client: null as string | null,
      user: null as string | null,
      fault: undefined as string | undefined,
      latencyMs: undefined as number | undefined,
    };
    const front = this.deps.front;
    let status: number;
    if (front?.active()) {
      status = await front.handle(req, res, (options) =>
        this.pipeline(req, url, service, method, record, options).catch((error: unknown) =>
          this.toResponse(error, service),
        ),
      );
    } else {
      const response = await this.pipeline(req, url, service, method, record).catch((error: unknown) =>
        this.toResponse(error, service),
      );
      this.send(res, req.method === 'HEAD' ? { ...response, body: '' } : response);
      status = response.status;
    }
    // Per request: with nobody listening (an embedded engine), not even the event is built.
    if (this.deps.bus.size === 0) return;
    this.deps.bus.emit({
      type: 'odata-request',
      at: now(),
      system: this.config.id,
      service: service?.config.name ?? null,
      method,
      url: (this.deps.redaction?.() ?? redactionFor(NO_EXTRA_RULES)).url(req.url ?? '/'),
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      client: record.client,
      user: record.user,
      ...(record.fault ? { fault: record.fault } : {}),
      ...(record.latencyMs ? { latencyMs: record.latencyMs } : {}),
    });
  }

  private async pipeline(
    req: IncomingMessage,
    url: URL,
    service: ODataService | undefined,
    method: string,
    record: { client: string | null; user: string | null; fault: string | undefined; latencyMs?: number },
    options?: SimulateOptions,
  ): Promise<ODataResponse> {
    const auth = await authenticate(req.headers, this.config, this.deps.caCertPem);
    if (!auth.ok) {
      return withHeaders(this.error(service, new ODataError(401, '/IWFND/CM_CONSUMER/101', auth.reason)), {
        'www-authenticate': `Basic realm="SAP NetWeaver Application Server [${this.config.id}/${this.config.clients[0] ?? '000'}]"`,
      });
    }
    record.user = auth.user;
    const client =
      url.searchParams.get('sap-client') ?? header(req, 'sap-client') ?? this.config.clients[0] ?? '000';
    if (!this.config.clients.includes(client))
      throw new ODataError(
        400,
        '/IWFND/CM_CONSUMER/102',
        `Client ${client} is not available in system ${this.config.id}`,
      );
    record.client = client;
    const entitySet = service ? firstSegment(url.pathname.slice(service.root.length)) : undefined;
    const latencyMs = this.faults.latencyMs(this.config, service?.config, entitySet);
    if (latencyMs > 0) record.latencyMs = Math.round(latencyMs);
    await sleep(latencyMs);
    const fault = this.faults.pick(
      [...this.config.faults, ...(service?.config.faults ?? [])],
      method,
      entitySet,
    );
    if (fault) {
      record.fault = fault.kind;
      return this.faultResponse(fault, req, service);
    }
    const csrf = this.checkCsrf(req, method, service, options);
    if (csrf.response) return csrf.response;
    const body = options?.body ?? (await readBody(req));
    const response = service
      ? await dispatch(service, { req, url, method, body, client, user: auth.user })
      : await this.restResponse(req, url, body);
    return csrf.headers ? withHeaders(response, csrf.headers) : response;
  }

  private checkCsrf(
    req: IncomingMessage,
    method: string,
    service: ODataService | undefined,
    options?: SimulateOptions,
  ): { response?: ODataResponse; headers?: Record<string, string> } {
    const token = header(req, 'x-csrf-token');
    if (token?.toLowerCase() === 'fetch' && options?.csrfToken)
      return { headers: { 'x-csrf-token': options.csrfToken } };
    if (options?.csrfChecked && token?.toLowerCase() !== 'fetch') return {};
    if (token?.toLowerCase() === 'fetch') {
      const issued = this.csrf.fetch(header(req, 'cookie'));
      return {
        headers: {
          'x-csrf-token': issued.token,
          ...(issued.setCookie ? { 'set-cookie': issued.setCookie } : {}),
        },
      };
    }
    if (!service || !MODIFYING.has(method) || this.csrf.valid(header(req, 'cookie'), token)) return {};
    return {
      response: withHeaders(
        this.error(service, new ODataError(403, '/IWFND/CM_CONSUMER/103', 'CSRF token validation failed')),
        { 'x-csrf-token': 'Required' },
      ),
    };
  }

  private faultResponse(
    fault: SystemConfig['faults'][number],
    req: IncomingMessage,
    service: ODataService | undefined,
  ): ODataResponse {
    switch (fault.kind) {
      case 'no-work-process':
        return {
          status: 503,
          headers: { 'content-type': 'text/html;charset=utf-8' },
          body: '<html><head><title>503 Service Unavailable</title></head><body><h1>503 Service Unavailable</h1><p>No work process is currently available.</p></body></html>',
        };
      case 'csrf-expired':
        this.csrf.expire(header(req, 'cookie'));
        return withHeaders(
          this.error(service, new ODataError(403, '/IWFND/CM_CONSUMER/103', 'CSRF token validation failed')),
          { 'x-csrf-token': 'Required' },
        );
      case 'locked':
        return this.error(
          service,
          new ODataError(
            409,
            fault.code === '/IWBEP/CM_MGW_RT/000' ? 'MC/601' : fault.code,
            fault.message === 'Simulated error' ? 'The object is locked by user OTHERUSER' : fault.message,
          ),
        );
      case 'error':
        return this.error(service, new ODataError(fault.status, fault.code, fault.message));
    }
  }

  private async restResponse(req: IncomingMessage, url: URL, body: Buffer): Promise<ODataResponse> {
    const response = this.rest ? await this.rest.respond(req, url, body) : undefined;
    return (
      response ??
      this.error(
        undefined,
        new ODataError(404, '/IWFND/MED/170', `No service found for path ${url.pathname}`),
      )
    );
  }

  private error(service: ODataService | undefined, error: ODataError): ODataResponse {
    return {
      status: error.status,
      headers: { 'content-type': 'application/json;charset=utf-8', ...error.headers },
      body: errorBody(error, service?.version ?? 'v2'),
    };
  }

  private toResponse(error: unknown, service: ODataService | undefined): ODataResponse {
    if (error instanceof ODataError) return this.error(service, error);
    this.deps.log('error', `System ${this.config.id}: ${(error as Error).stack ?? String(error)}`);
    return this.error(
      service,
      new ODataError(500, '/IWBEP/CM_MGW_RT/500', `Internal error: ${(error as Error).message}`),
    );
  }

  private send(res: ServerResponse, response: ODataResponse): void {
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    res.end(response.body);
  }
}

/** What the listener answers itself (a fault, a malformed, oversized or slow head): a Gateway-style error. */
function gatewayErrorBody(status: number, message: string): ErrorAnswer {
  const code = status >= 500 ? '/IWBEP/CM_MGW_RT/500' : '/IWBEP/CM_MGW_RT/021';
  return {
    contentType: 'application/json;charset=utf-8',
    body: errorBody(new ODataError(status, code, message), 'v2'),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function withHeaders(response: ODataResponse, headers: Record<string, string>): ODataResponse {
  return { ...response, headers: { ...response.headers, ...headers } };
}

function firstSegment(path: string): string | undefined {
  const match = /^([^/(?]+)/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    // Malformed percent-encoding (`%ff%fe`): the service answers it with a 400 naming the segment.
    return match[1];
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  // No Content-Length and no Transfer-Encoding: the request has no body (RFC 9112 6.3).
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)
    return NO_BODY;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new ODataError(413, '/IWBEP/CM_MGW_RT/413', `Request body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://system.invalid');
  } catch {
    return undefined;
  }
}
