// "Check connection" as the cockpit does it, but through the emulated path: an Internet destination gets a
// real GET request; an OnPremise one goes through the connectivity proxy like a real client (connectivity
// token, location id header), and the proxy's refusal is reported in the cockpit's words.
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { CheckResult } from '../../app/destination/api.js';
import type { Destination } from '../../app/workspace/schema.js';

export const CHECK_TIMEOUT_MS = 10_000;
const MAX_BODY = 4096;

/** The cockpit's texts for on-premise failures (sap-contract §3); the location text is unconfirmed. */
export const COCKPIT = {
  mapping: 'Backend is not available in the list of defined system mappings in Cloud Connector',
  resource: 'Resource is not accessible in Cloud Connector or backend is not reachable',
  backend: 'Backend is not reachable from Cloud Connector',
  location: 'Cloud Connector is not connected to the subaccount',
  proxy: 'The connectivity proxy is not running',
} as const;

export interface CheckDeps {
  /** Where the connectivity proxy listens, or null when it is not running. */
  proxy(): { host: string; port: number } | null;
  /** A client-credentials token of the connectivity binding. */
  connectivityToken(): Promise<string>;
  caPem(): string;
  timeoutMs?: number;
}

interface Answer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: URL, options: http.RequestOptions, caPem: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage): void => {
      let body = '';
      const done = (): void =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body,
        });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        // The status and the first lines say all a check needs: never download a whole service.
        if (body.length >= MAX_BODY) {
          done();
          res.destroy();
        }
      });
      res.on('end', done);
      res.on('error', reject);
    };
    // GET, not HEAD: the proxy explains a refusal in its body, which a HEAD answer has not.
    const base = { ...options, method: 'GET', timeout: timeoutMs, agent: false as const };
    const req =
      url.protocol === 'https:' && options.host === undefined
        ? https.request(url, { ...base, ca: [...rootCertificates, caPem] }, onResponse)
        : options.host === undefined
          ? http.request(url, base, onResponse)
          : http.request(base, onResponse);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

type Stage = CheckResult['stage'];

function result(stage: Stage, fields: Partial<CheckResult> & Pick<CheckResult, 'outcome'>): CheckResult {
  return { message: '', status: null, detail: null, url: null, location: null, ...fields, stage };
}

const established = (name: string, answer: Answer): string =>
  `Connection to "${name}" established. Response returned: "${answer.status}: ${answer.statusText}"`;

const failed = (name: string, reason: string): string =>
  `Connection to "${name}" failed. Failure reason: "${reason}"`;

/** The proxy marks its own answers with X-Btp-Emulator-Error; anything else came from the backend. */
function proxyStage(answer: Answer): Exclude<Stage, 'configuration' | 'internet'> | null {
  const code = answer.headers['x-btp-emulator-error'];
  if (typeof code !== 'string') return null;
  if (code === 'EMU_ERR_PROXY_DENIED') return /resource/i.test(answer.body) ? 'resource' : 'mapping';
  if (code === 'EMU_ERR_PROXY_LOCATION') return 'location';
  if (code === 'EMU_ERR_PROXY_BACKEND' || code === 'EMU_ERR_PROXY_TIMEOUT') return 'backend';
  return 'proxy';
}

/**
 * The destination URL as the proxy's request target, path and query as written: `new URL` resolves dot
 * segments and backslashes, and the check must report what the proxy decides for the configured URL
 * (a path it refuses is a path a client that sends the URL as written is refused for). Only what cannot
 * stand in a request line (spaces, non-ASCII) is percent-encoded, as a client would; the fragment is
 * dropped, as clients do.
 */
export function requestTarget(url: string, parsed: URL): string {
  const text = url.trim();
  const authority = text.indexOf('//');
  if (authority < 0) return parsed.href.replace(/#.*$/s, '');
  let end = authority + 2;
  while (end < text.length && !'/\\?#'.includes(text[end]!)) end++;
  const rest = text.slice(end).replace(/#.*$/s, '');
  const encoded = rest.replace(/[^\x21-\x7e]/gu, (c) =>
    [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  return `${parsed.protocol}//${parsed.host}${encoded}`;
}

async function checkOnPremise(d: Destination, deps: CheckDeps): Promise<CheckResult> {
  const url = d.URL ?? '';
  const location = d.CloudConnectorLocationId ?? null;
  const base = { url, location };
  const proxy = deps.proxy();
  const down = (detail: string): CheckResult =>
    result('proxy', { ...base, outcome: 'failed', message: failed(d.Name, COCKPIT.proxy), detail });
  if (!proxy) return down('Start the connectivity proxy (issue 4) to check on-premise destinations.');
  const target = new URL(url);
  const path = requestTarget(url, target);
  const headers: Record<string, string> = {
    Host: target.host,
    'Proxy-Authorization': `Bearer ${await deps.connectivityToken()}`,
  };
  if (location) headers['SAP-Connectivity-SCC-Location_ID'] = location;
  let answer: Answer;
  try {
    answer = await request(
      target,
      { host: proxy.host, port: proxy.port, path, headers },
      deps.caPem(),
      deps.timeoutMs ?? CHECK_TIMEOUT_MS,
    );
  } catch (error) {
    return down(`${proxy.host}:${proxy.port}: ${(error as Error).message}`);
  }
  const stage = proxyStage(answer);
  const detail = answer.body.split('\n')[0]?.trim() || null;
  if (stage === null)
    return result('backend', {
      ...base,
      outcome: 'ok',
      status: answer.status,
      message: established(d.Name, answer),
    });
  const words =
    stage === 'proxy' ? `The connectivity proxy refused the check (${answer.status})` : COCKPIT[stage];
  return result(stage, {
    ...base,
    outcome: 'failed',
    status: answer.status,
    message: failed(d.Name, words),
    detail,
  });
}

async function checkInternet(d: Destination, deps: CheckDeps): Promise<CheckResult> {
  const url = d.URL ?? '';
  try {
    const answer = await request(new URL(url), {}, deps.caPem(), deps.timeoutMs ?? CHECK_TIMEOUT_MS);
    return result('internet', {
      url,
      outcome: 'ok',
      status: answer.status,
      message: established(d.Name, answer),
    });
  } catch (error) {
    const reason = (error as Error).message;
    return result('internet', { url, outcome: 'failed', message: failed(d.Name, reason), detail: reason });
  }
}

export async function checkConnection(d: Destination, deps: CheckDeps): Promise<CheckResult> {
  if (d.Type !== 'HTTP')
    return result('configuration', {
      outcome: 'failed',
      message: `Check connection is available for HTTP destinations only ("${d.Name}" is ${d.Type}).`,
    });
  return d.ProxyType === 'OnPremise' ? checkOnPremise(d, deps) : checkInternet(d, deps);
}
