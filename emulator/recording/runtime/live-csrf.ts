// Record-on-miss talks to the real system on behalf of a client that holds the replayer's CSRF token,
// not the real system's. So the runtime keeps its own CSRF session with the real system (cookies and
// token, per client credentials): it fetches a token before a modifying request, renews it once on
// `403 x-csrf-token: Required`, and never shows the real token to the client.
import type { HeaderList, LiveRequest, LiveUpstream } from './live-upstream.js';

const MODIFYING = new Set(['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']);
const MAX_SESSIONS = 64;

export interface BufferedExchange {
  sent: LiveRequest;
  status: number;
  statusText: string;
  headers: HeaderList;
  body: Buffer;
  started: Date;
  waitMs: number;
  receiveMs: number;
}

const get = (headers: HeaderList, name: string): string | undefined =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1];

class LiveCsrf {
  readonly cookies = new Map<string, string>();
  token: string | undefined;

  remember(headers: HeaderList): void {
    for (const [name, value] of headers) {
      if (name.toLowerCase() !== 'set-cookie') continue;
      const pair = value.split(';')[0]!;
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  /** The client's cookies with this session's cookies in place of same-named ones. */
  cookieHeader(client: string | undefined): HeaderList {
    const merged = new Map<string, string>();
    for (const part of (client ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) merged.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    for (const [k, v] of this.cookies) merged.set(k, v);
    return merged.size === 0 ? [] : [['cookie', [...merged].map(([k, v]) => `${k}=${v}`).join('; ')]];
  }
}

export class LiveCsrfSessions {
  private readonly sessions = new Map<string, LiveCsrf>();

  private session(authorization: string | undefined): LiveCsrf {
    const key = authorization ?? '';
    let session = this.sessions.get(key);
    if (!session) {
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      session = new LiveCsrf();
      this.sessions.set(key, session);
    }
    return session;
  }

  /**
   * Sends a request as the client meant it, with this session's CSRF token and cookies; `tokenPath` is
   * where a token is fetched (the service root). Resolves to the exchange that answered the client.
   */
  async send(live: LiveUpstream, request: LiveRequest, tokenPath: string): Promise<BufferedExchange> {
    const csrf = this.session(get(request.headers, 'authorization'));
    const fetching = get(request.headers, 'x-csrf-token')?.toLowerCase() === 'fetch';
    const modifying = MODIFYING.has(request.method.toUpperCase());
    const clientCookie = get(request.headers, 'cookie');
    const base = request.headers.filter(([n]) => !['x-csrf-token', 'cookie'].includes(n.toLowerCase()));
    const build = (): LiveRequest => {
      const token: HeaderList = fetching
        ? [['x-csrf-token', 'Fetch']]
        : modifying && csrf.token
          ? [['x-csrf-token', csrf.token]]
          : [];
      return { ...request, headers: [...base, ...csrf.cookieHeader(clientCookie), ...token] };
    };
    const fetchToken = async (): Promise<void> => {
      const probe = await exchange(live, csrf, {
        method: 'HEAD',
        path: tokenPath,
        headers: [
          ...base.filter(([n]) => n.toLowerCase() !== 'content-type'),
          ...csrf.cookieHeader(clientCookie),
          ['x-csrf-token', 'Fetch'],
        ],
        body: Buffer.alloc(0),
      });
      csrf.token = get(probe.headers, 'x-csrf-token');
    };
    if (modifying && !csrf.token) await fetchToken();
    let answer = await exchange(live, csrf, build());
    if (
      modifying &&
      answer.status === 403 &&
      get(answer.headers, 'x-csrf-token')?.toLowerCase() === 'required'
    ) {
      await fetchToken();
      answer = await exchange(live, csrf, build());
    }
    if (fetching) csrf.token = get(answer.headers, 'x-csrf-token') ?? csrf.token;
    return answer;
  }
}

async function exchange(live: LiveUpstream, csrf: LiveCsrf, sent: LiveRequest): Promise<BufferedExchange> {
  const started = new Date();
  const t0 = performance.now();
  const response = await live.send(sent);
  const t1 = performance.now();
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  csrf.remember(response.headers);
  return {
    sent,
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: Buffer.concat(chunks),
    started,
    waitMs: t1 - t0,
    receiveMs: performance.now() - t1,
  };
}
