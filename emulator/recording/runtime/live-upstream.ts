// The way to the real system a simulated one stands for (live, record and record-on-miss modes).
// Trusts the system's root CAs, the emulator CA and the workspace's caFile (unless trust is "ignore"),
// and reaches the host directly or through live.proxy; credentials in the proxy URL never reach a log.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isIP } from 'node:net';
import { checkServerIdentity, rootCertificates, type PeerCertificate } from 'node:tls';
import type * as UndiciModule from 'undici';
import type { Dispatcher, request as undiciRequest } from 'undici';
import type { LiveSystemConfig } from '../../../app/recording/workspace.js';

/**
 * Request headers that belong to one hop, or that the client library recomputes for the next one.
 * `Host` is not among them: the Cloud Connector mapping already chose it (the virtual host by default,
 * as a real Cloud Connector sends it), so the real system builds its URLs (`__metadata.uri`, `__next`,
 * `Location`) for the host the client uses, and a replayed session serves working links.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'expect',
]);

export type HeaderList = [string, string][];

export interface LiveRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: HeaderList;
  body: Buffer;
}

export interface LiveResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  body: Readable;
}

/** Headers as the client sent them, minus those of the hop (and those the Connection header names). */
export function forwardableHeaders(rawHeaders: readonly string[]): HeaderList {
  const named = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (rawHeaders[i]!.toLowerCase() === 'connection')
      for (const token of rawHeaders[i + 1]!.split(',')) named.add(token.trim().toLowerCase());
  const out: HeaderList = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const lower = rawHeaders[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(lower) && !named.has(lower)) out.push([rawHeaders[i]!, rawHeaders[i + 1]!]);
  }
  return out;
}

/** `http://user:secret@proxy:8080` → `http://proxy:8080`, for messages. */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.origin;
}

export class LiveUpstream {
  /** `scheme://host[:port]` of the real system. */
  readonly origin: string;
  /** TLS server name: the real host, whatever Host header the request carries. */
  private readonly servername: string | undefined;

  private constructor(
    readonly config: LiveSystemConfig,
    private readonly dispatcher: Dispatcher,
    private readonly request: typeof undiciRequest,
  ) {
    const url = new URL(config.url);
    this.origin = url.origin;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    this.servername = url.protocol === 'https:' && isIP(host) === 0 ? host : undefined;
  }

  /** Reads caFile (relative to the workspace file) and prepares the connection pool; throws a clear error. */
  static async create(
    config: LiveSystemConfig,
    options: { caCertPem: string; baseDir: string | null },
  ): Promise<LiveUpstream> {
    const ca = [...rootCertificates, options.caCertPem];
    if (config.caFile) {
      const file = path.resolve(options.baseDir ?? process.cwd(), config.caFile);
      try {
        ca.push(await readFile(file, 'utf8'));
      } catch (error) {
        throw new Error(`live.caFile ${file} cannot be read: ${(error as Error).message}`, { cause: error });
      }
    }
    // undici names the TLS server after the Host header, which is the virtual host here: certificates
    // are checked for the real host instead.
    const realHost = new URL(config.url).hostname.replace(/^\[|\]$/g, '');
    const tls = {
      ca,
      rejectUnauthorized: config.trust === 'verify',
      checkServerIdentity: (_servername: string, cert: PeerCertificate) =>
        checkServerIdentity(realHost, cert),
    };
    const common = {
      connectTimeout: config.timeoutMs,
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
      allowH2: false,
    };
    // Loaded with the first live system only: an engine without one never pays for undici.
    // undici is CommonJS: where a bundle inlines it (the CLI), its namespace has only `default`.
    const loaded: unknown = await import('undici');
    const { Agent, ProxyAgent, request } = ((loaded as { default?: unknown }).default ??
      loaded) as typeof UndiciModule;
    const dispatcher = config.proxy
      ? new ProxyAgent({ ...common, uri: config.proxy, requestTls: tls })
      : new Agent({ ...common, connect: tls });
    return new LiveUpstream(config, dispatcher, request);
  }

  /** Sends one request; the response body streams. Rejects on connection, TLS and timeout errors. */
  async send(live: LiveRequest): Promise<LiveResponse> {
    const response = await this.request(`${this.origin}${live.path}`, {
      dispatcher: this.dispatcher,
      method: live.method,
      headers: live.headers.flat(),
      // undici would take the server name from a Host header; certificates are checked for the real host.
      ...(this.servername ? { servername: this.servername } : {}),
      body: live.body.length > 0 ? live.body : undefined,
    });
    const headers: HeaderList = [];
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.push([name, v]);
    }
    return { status: response.statusCode, statusText: response.statusText, headers, body: response.body };
  }

  /** A redirect to the real system becomes one to the simulated system that stands for it. */
  rewriteLocation(location: string, ownOrigin: string): string {
    let target: URL;
    try {
      target = new URL(location);
    } catch {
      return location; // relative: already right
    }
    return target.origin === this.origin
      ? `${ownOrigin}${target.pathname}${target.search}${target.hash}`
      : location;
  }

  /** What went wrong, as the status a gateway answers and a sentence naming live.url (and the proxy). */
  describeError(error: unknown): { status: number; message: string } {
    const code = errorCode(error);
    const url = this.config.url;
    const via = this.config.proxy ? ` through the proxy ${withoutCredentials(this.config.proxy)}` : '';
    const prefix = `The live system ${url} is not reachable${via}`;
    const detail = errorMessage(error);
    if (code === 'ECONNREFUSED') return { status: 502, message: `${prefix}: the connection was refused` };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return { status: 502, message: `${prefix}: its host name is not known` };
    if (code === 'UND_ERR_CONNECT_TIMEOUT')
      return {
        status: 504,
        message: `${prefix}: no connection within ${this.config.timeoutMs} ms (live.timeoutMs)`,
      };
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
      return {
        status: 504,
        message: `The live system ${url} did not answer within ${this.config.timeoutMs} ms (live.timeoutMs)`,
      };
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code))
      return {
        status: 502,
        message: `${prefix}: its certificate is not trusted (${code}); name its CA in live.caFile or set live.trust to "ignore"`,
      };
    if (this.config.proxy && /proxy|407/i.test(detail))
      return { status: 502, message: `${prefix}: the proxy refused (${detail})` };
    return { status: 502, message: `${prefix}: ${code ? `${code} ` : ''}${detail}`.trim() };
  }

  close(): Promise<void> {
    return this.dispatcher.close().catch(() => undefined);
  }

  destroy(): Promise<void> {
    return this.dispatcher.destroy().catch(() => undefined);
  }
}

/** The innermost code: undici wraps socket errors (ECONNREFUSED, certificate errors) in its own. */
function errorCode(error: unknown): string {
  let current: unknown = error;
  let found = '';
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (!found && typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR_PRX_CONN')
      found = code;
    if (code === 'ECONNREFUSED' || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code ?? '')) return code!;
    current = current.cause;
  }
  return found;
}

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
