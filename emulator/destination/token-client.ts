// Fetches OAuth tokens for destinations from their tokenServiceURL: the emulator's own XSUAA or any other
// server. Trusts the system CAs plus the emulator's CA; a failure is returned as text for
// authTokens[].error (never thrown), and that text never contains the client secret or a token.
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

export const TOKEN_TIMEOUT_MS = 10_000;
const MAX_BODY = 256 * 1024;

export interface TokenGrant {
  url: string;
  form: Record<string, string>;
  /** HTTP Basic client authentication instead of client_id/client_secret in the form. */
  basic?: { user: string; password: string };
}

export interface FetchedToken {
  access_token: string;
  token_type: string;
  expires_in: number | undefined;
  scope: string | undefined;
}

export type TokenResult = { ok: true; token: FetchedToken } | { ok: false; error: string };

export interface TokenClient {
  fetch(grant: TokenGrant): Promise<TokenResult>;
}

interface RawAnswer {
  status: number;
  body: string;
}

function post(grant: TokenGrant, caPem: string, timeoutMs: number): Promise<RawAnswer> {
  const url = new URL(grant.url);
  const body = new URLSearchParams(grant.form).toString();
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
  };
  if (grant.basic)
    headers.Authorization = `Basic ${Buffer.from(`${grant.basic.user}:${grant.basic.password}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const options = { method: 'POST', headers, timeout: timeoutMs, agent: false as const };
    const onResponse = (res: http.IncomingMessage): void => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.length > MAX_BODY) res.destroy(new Error('response larger than 256 KiB'));
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    };
    const req =
      url.protocol === 'https:'
        ? https.request(url, { ...options, ca: [...rootCertificates, caPem] }, onResponse)
        : http.request(url, options, onResponse);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** `error_description` or `error` of an RFC 6749 body, or the first characters of any other body. */
function describeBody(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const parts = [parsed.error, parsed.error_description].filter((p) => typeof p === 'string');
    if (parts.length > 0) return parts.join(': ');
  } catch {
    // not JSON: show the start of the text
  }
  return body.slice(0, 200).replace(/\s+/g, ' ').trim() || '(empty body)';
}

function parseToken(body: string): FetchedToken | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '') return undefined;
    return {
      access_token: parsed.access_token,
      token_type: typeof parsed.token_type === 'string' ? parsed.token_type : 'bearer',
      expires_in: typeof parsed.expires_in === 'number' ? parsed.expires_in : undefined,
      scope: typeof parsed.scope === 'string' ? parsed.scope : undefined,
    };
  } catch {
    return undefined;
  }
}

export function createTokenClient(caPem: () => string, timeoutMs = TOKEN_TIMEOUT_MS): TokenClient {
  return {
    async fetch(grant) {
      const where = `${new URL(grant.url).origin}${new URL(grant.url).pathname}`;
      let answer: RawAnswer;
      try {
        answer = await post(grant, caPem(), timeoutMs);
      } catch (error) {
        return {
          ok: false,
          error: `Retrieval of OAuth token from ${where} failed: ${(error as Error).message}`,
        };
      }
      if (answer.status !== 200)
        return {
          ok: false,
          error: `Retrieval of OAuth token from ${where} failed with HTTP ${answer.status}: ${describeBody(answer.body)}`,
        };
      const token = parseToken(answer.body);
      if (!token)
        return {
          ok: false,
          error: `Retrieval of OAuth token from ${where} failed: the answer has no access_token`,
        };
      return { ok: true, token };
    },
  };
}
