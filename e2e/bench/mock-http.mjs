// In-memory HTTP request/response pairs for the OData benchmark's in-process table: each engine's own
// request handler (ours: the system's front door; fe-mockserver-core: its router) is called with the
// same minimal objects, so the figures are the engine's cost without sockets, measured alike for both.
import { Readable } from 'node:stream';

class MockResponse {
  statusCode = 200;
  headersSent = false;
  /** @type {Record<string, unknown>} */
  headers = {};
  /** @type {(Buffer | string)[]} */
  chunks = [];
  /** @type {() => void} */
  #done = () => undefined;
  finished = new Promise((resolve) => (this.#done = resolve));

  setHeader(name, value) {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
  getHeader(name) {
    return this.headers[name.toLowerCase()];
  }
  hasHeader(name) {
    return name.toLowerCase() in this.headers;
  }
  removeHeader(name) {
    delete this.headers[name.toLowerCase()];
  }
  writeHead(status, headers) {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers ?? {})) this.setHeader(name, value);
    this.headersSent = true;
    return this;
  }
  write(chunk) {
    this.headersSent = true;
    if (chunk !== undefined && chunk !== null) this.chunks.push(chunk);
    return true;
  }
  end(chunk) {
    this.write(chunk);
    this.#done();
    return this;
  }
  body() {
    return Buffer.concat(this.chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString();
  }
}

/** A GET request without a body, as node:http would hand it to a listener. */
function mockRequest(url) {
  const req = Readable.from([]);
  return Object.assign(req, {
    method: 'GET',
    url,
    originalUrl: url,
    httpVersion: '1.1',
    headers: { host: '127.0.0.1', accept: 'application/json' },
  });
}

/**
 * One request through `handler(req, res)` (which may also take a `next`); resolves when the response
 * ends, with the time from the call to the end.
 */
export async function inject(handler, url) {
  const req = mockRequest(url);
  const res = new MockResponse();
  const started = performance.now();
  const fail = (status, error) => {
    res.statusCode = status;
    res.end(error ? String(error) : 'no route');
  };
  const result = handler(req, res, (error) => fail(404, error));
  if (typeof result?.then === 'function') await result.catch((error) => fail(500, error));
  await res.finished;
  return { ms: performance.now() - started, status: res.statusCode, body: res.body() };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * p50/p99 of `samples` requests, after one warm-up request unless `warmUp` is false; the first
 * request's body gives the result count.
 */
export async function measureInjected(handler, url, samples, warmUp = true) {
  const first = await inject(handler, url);
  if (first.status !== 200) throw new Error(`${url}: HTTP ${first.status} ${first.body.slice(0, 300)}`);
  const times = warmUp ? [] : [first.ms];
  for (let i = times.length; i < samples; i++) {
    const r = await inject(handler, url);
    if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  const p = (q) => (times.length === 0 ? null : percentile(times, q));
  return { p50: p(50), p99: p(99), firstMs: first.ms, body: first.body };
}

/**
 * Serves `measureInjected` to the parent over stdin/stdout: one JSON line per command
 * `{"url": "...", "samples": n, "warmUp": bool}`, answered by one JSON line `{p50, p99, firstMs, body}`
 * or `{error}`.
 */
export function serveMeasurements(handler, input = process.stdin, output = process.stdout) {
  let queue = Promise.resolve();
  let buffered = '';
  input.setEncoding('utf8');
  input.on('data', (text) => {
    buffered += text;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      queue = queue.then(() => answer(handler, line, output));
    }
  });
}

async function answer(handler, line, output) {
  let reply;
  try {
    const { url, samples, warmUp } = JSON.parse(line);
    reply = await measureInjected(handler, url, samples, warmUp);
  } catch (error) {
    reply = { error: String(error) };
  }
  output.write(`${JSON.stringify(reply)}\n`);
}
