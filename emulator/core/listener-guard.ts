// Every listener's last line of defence (architecture.md: "no input ends the process"). A handler that
// throws or rejects costs its own request a 500 (or its socket) and puts an error event on the bus;
// malformed, oversized and slow request heads get their status with Connection: close; and no 'error'
// event of a socket, response or server is left without a listener (an unhandled one ends the process).
import http, { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { now, type EventBus } from './event-bus.js';

/** Time a client has to send a complete request head (or SOCKS5 handshake), like nginx's client_header_timeout. */
export const HEAD_DEADLINE_MS = 30_000;
let headDeadlineMs = HEAD_DEADLINE_MS;

/** The deadline listeners created (and proxy connections accepted) now get. */
export function headDeadline(): number {
  return headDeadlineMs;
}

/** Test seam: a shorter deadline for listeners created from now on; returns the function that restores it. */
export function setHeadDeadline(ms: number): () => void {
  headDeadlineMs = ms;
  return () => {
    headDeadlineMs = HEAD_DEADLINE_MS;
  };
}

/**
 * After an error answer that closes the connection, what the client still sends is read and dropped
 * for this long: closing with unread bytes sends a reset, which can destroy the answer before the
 * client has read it (RFC 9112 §9.6).
 */
const LINGER_MS = 2_000;

export interface ListenerContext {
  /** Names the listener in events: `xsuaa`, `admin`, `proxy`, `system S4D`… */
  readonly name: string;
  readonly bus: EventBus;
}

export interface ErrorAnswer {
  contentType: string;
  body: string;
}

export interface HttpListenerContext extends ListenerContext {
  /** The listener's own error body (OAuth, OData, BTP's `{ErrorMessage}`…); plain text when absent. */
  readonly errorBody?: (status: number, message: string) => ErrorAnswer;
}

const plainText = (_status: number, message: string): ErrorAnswer => ({
  contentType: 'text/plain; charset=utf-8',
  body: `${message}\n`,
});

export const INTERNAL_ERROR_MESSAGE = 'Internal error of the emulator; its log names the cause.';

/** `METHOD /path` for events: without query, fragment or user info (they may carry secrets), clipped. */
export function describeRequest(method: string | undefined, target: string | undefined): string {
  let path = target ?? '';
  const cut = path.search(/[?#]/);
  if (cut >= 0) path = path.slice(0, cut);
  path = path.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
  return `${method ?? '?'} ${clip(path)}`;
}

const clip = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** The error event for a fault in a listener's own code: which listener, which request, what failed. */
export function reportFault(ctx: ListenerContext, request: string, error: unknown): void {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  ctx.bus.emit({
    type: 'log',
    at: now(),
    level: 'error',
    code: 'EMU_ERR_INTERNAL',
    message: `${ctx.name}: ${request} failed: ${clip(reason)}`,
  });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A request listener whose throws and rejections become a 500 (or a cut connection) and an event. */
export function guardHandler(ctx: HttpListenerContext, handler: Handler): http.RequestListener {
  const errorBody = ctx.errorBody ?? plainText;
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown): void => {
    reportFault(ctx, describeRequest(req.method, req.url), error);
    if (res.headersSent || res.writableEnded) {
      res.destroy();
      return;
    }
    try {
      // Headers the handler set before it failed (a length, an encoding) would misframe this answer.
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      const { contentType, body } = errorBody(500, INTERNAL_ERROR_MESSAGE);
      res.writeHead(500, {
        'Content-Type': contentType,
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
        Connection: 'close',
      });
      res.end(body);
    } catch {
      res.destroy();
    }
  };
  return (req, res) => {
    // A write after the end (a handler bug) is an 'error' on the response; unhandled it ends the process.
    res.on('error', (error) => fail(req, res, error));
    try {
      const result = handler(req, res);
      if (result instanceof Promise) result.catch((error: unknown) => fail(req, res, error));
    } catch (error) {
      fail(req, res, error);
    }
  };
}

export interface HttpListenerOptions {
  maxHeaderSize?: number;
  keepAliveTimeout?: number;
}

/** A node:http server for a listener: guarded handler, head deadline, client errors answered. */
export function createHttpListener(
  ctx: HttpListenerContext,
  options: HttpListenerOptions,
  handler: Handler,
): http.Server {
  const server = http.createServer(serverOptions(options), guardHandler(ctx, handler));
  return hardenHttpServer(server, ctx, options);
}

/** The same over TLS; the handshake gets the head deadline too (Node's default is 120 s). */
export function createHttpsListener(
  ctx: HttpListenerContext,
  options: HttpListenerOptions & { cert: string; key: string },
  handler: Handler,
): https.Server {
  const server = https.createServer(
    { ...serverOptions(options), cert: options.cert, key: options.key, handshakeTimeout: headDeadline() },
    guardHandler(ctx, handler),
  );
  return hardenHttpServer(server, ctx, options);
}

/**
 * For fastify: the server comes from createHttpListener, which answers client errors itself (fastify's
 * own clientError handler would write a second answer to the same socket).
 */
export function fastifyListenerOptions(ctx: HttpListenerContext, keepAliveTimeout = 72_000) {
  return {
    serverFactory: (handler: Handler) => createHttpListener(ctx, { keepAliveTimeout }, handler),
    clientErrorHandler: (): void => undefined,
  };
}

function serverOptions(options: HttpListenerOptions): http.ServerOptions {
  const deadline = headDeadline();
  return {
    // Node measures it from the first byte of each request (from the connection for the first one)
    // and answers 408 through 'clientError'; it checks every connectionsCheckingInterval.
    headersTimeout: deadline,
    requestTimeout: Math.max(deadline, 300_000),
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(deadline / 4))),
    keepAliveTimeout: options.keepAliveTimeout ?? 5_000,
    ...(options.maxHeaderSize === undefined ? {} : { maxHeaderSize: options.maxHeaderSize }),
  };
}

function hardenHttpServer<T extends http.Server | https.Server>(
  server: T,
  ctx: HttpListenerContext,
  options: HttpListenerOptions,
): T {
  const maxHeaderSize = options.maxHeaderSize ?? http.maxHeaderSize;
  server.on('clientError', clientErrorHandler(ctx.errorBody ?? plainText, maxHeaderSize));
  watchServer(server, ctx);
  return server;
}

function clientErrorHandler(
  errorBody: (status: number, message: string) => ErrorAnswer,
  maxHeaderSize: number,
): (error: NodeJS.ErrnoException, socket: Duplex) => void {
  const answered = new WeakSet<Duplex>();
  return (error, socket) => {
    // The parser keeps failing on every later chunk of the same connection: answer once.
    if (answered.has(socket)) return;
    answered.add(socket);
    const status = clientErrorStatus(error.code);
    const inFlight = (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
    if (status === 0 || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const message =
      status === 408
        ? `The request line and headers did not arrive within ${headDeadline() / 1000} s.`
        : status === 431
          ? `The request line and headers are over ${maxHeaderSize} bytes.`
          : `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`;
    const { contentType, body } = errorBody(status, message);
    endAndLinger(
      socket,
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: ${contentType}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

/** 0: not an HTTP-level problem (a reset, a TLS handshake that failed or timed out): just close. */
function clientErrorStatus(code: string | undefined): number {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  return code?.startsWith('HPE_') ? 400 : 0;
}

/** Sends the last bytes of a connection, then reads and drops what still comes (see lingerClose). */
export function endAndLinger(socket: Duplex, text: string): void {
  lingerClose(socket);
  socket.end(text);
  socket.resume();
}

/**
 * The connection's last answer is on its way: the socket is destroyed once the client closes too, or
 * after LINGER_MS at most (a client that keeps trickling bytes after it was refused holds nothing).
 */
export function lingerClose(socket: Duplex): void {
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.once('end', () => socket.destroy());
  socket.on('error', () => socket.destroy());
}

/** Errors of a listening server (EMFILE while accepting…) become events instead of a process exit. */
export function watchServer(server: Server, ctx: ListenerContext): void {
  server.once('listening', () =>
    server.on('error', (error) => reportFault(ctx, 'accepting connections', error)),
  );
}

/** A raw TCP listener: every socket has an 'error' listener, a throwing handler closes just that socket. */
export function createTcpListener(ctx: ListenerContext, handler: (socket: Socket) => void): Server {
  const server = net.createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => socket.destroy());
    try {
      handler(socket);
    } catch (error) {
      reportFault(ctx, 'accepting a connection', error);
      socket.destroy();
    }
  });
  watchServer(server, ctx);
  return server;
}
