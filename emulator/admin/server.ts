// The admin listener: REST + Server-Sent Events for the UI and tools, and the built UI itself.
// Trust decisions live in auth.ts; this file never sends a stack trace, only catalogued error bodies.
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  ADMIN_ROUTES,
  UI_TOKEN_PARAM,
  type HealthResponse,
  type WorkspaceResponse,
} from '../../app/admin-api.js';
import { EmulatorError } from '../../app/errors.js';
import { UI_CONTENT_SECURITY_POLICY } from '../../app/security.js';
import type { EngineStatus } from '../../app/events.js';
import { workspaceJsonSchema } from '../../app/workspace/json-schema.js';
import { hostPort } from '../core/addresses.js';
import type { EventBus } from '../core/event-bus.js';
import { listenError } from '../core/listen.js';
import {
  describeRequest,
  fastifyListenerOptions,
  reportFault,
  type ErrorAnswer,
  type ListenerContext,
} from '../core/listener-guard.js';
import type { AdminAuth } from './auth.js';
import { openEventStream } from './event-stream.js';
import { installXsuaaRoutes, type XsuaaAdminApi } from './xsuaa-routes.js';

export interface AdminBackend {
  readonly version: string;
  readonly startedAtMs: number;
  readonly bus: EventBus;
  status(): EngineStatus;
  workspace(): WorkspaceResponse;
  replaceWorkspace(body: unknown): Promise<WorkspaceResponse>;
  readonly xsuaaApi: XsuaaAdminApi;
  installPluginRoutes(app: FastifyInstance): void;
}

export interface AdminServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startAdminServer(
  backend: AdminBackend,
  auth: AdminAuth,
  /** `host` is where to listen, `publicHost` the host of the URL handed out. */
  options: { host: string; publicHost: string; port: number; uiDir: string | null },
): Promise<AdminServer> {
  const listener: ListenerContext = { name: 'admin', bus: backend.bus };
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: 10 * 1024 * 1024,
    ...fastifyListenerOptions({ ...listener, errorBody: adminErrorBody }),
  });
  const closeStreams = new Set<() => void>();
  installGuards(app, auth);
  installErrorHandling(app, listener);
  installRoutes(app, backend, closeStreams);
  installXsuaaRoutes(app, backend.xsuaaApi);
  backend.installPluginRoutes(app);
  await installUi(app, options.uiDir);

  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    throw listenError(error as NodeJS.ErrnoException, 'admin', options.host, options.port);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  auth.setPort(port);
  return {
    port,
    url: `http://${hostPort(options.publicHost, port)}`,
    close: async () => {
      for (const close of closeStreams) close();
      await app.close();
    },
  };
}

function installGuards(app: FastifyInstance, auth: AdminAuth): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Content-Security-Policy', UI_CONTENT_SECURITY_POLICY);
    if (!auth.isAllowedHost(request.headers.host)) {
      throw new EmulatorError(
        'EMU_ERR_ADMIN_ORIGIN',
        `Host "${request.headers.host ?? ''}" is not this admin listener.`,
      );
    }
    // A target like `//` or `http://` is no path here: parsing it would throw (and answer 500).
    const url = URL.parse(request.url, 'http://local');
    if (url === null) {
      throw new EmulatorError(
        'EMU_ERR_ADMIN_BAD_REQUEST',
        `The request target "${request.url.slice(0, 100)}" is not a path.`,
      );
    }
    if (url.pathname.startsWith('/api/')) {
      reply.header('Cache-Control', 'no-store');
      if (!auth.isAllowedOrigin(request.headers.origin)) {
        throw new EmulatorError(
          'EMU_ERR_ADMIN_ORIGIN',
          `Origin "${request.headers.origin ?? ''}" may not use the admin API.`,
        );
      }
      if (!auth.isAuthorized(request.headers)) {
        throw new EmulatorError('EMU_ERR_ADMIN_UNAUTHORIZED', 'Missing or wrong admin token or session.');
      }
      return;
    }
    const uiToken = url.searchParams.get(UI_TOKEN_PARAM);
    if (uiToken !== null) {
      // The one-time link: trade it for a session cookie, then drop the token from the address bar.
      const session = auth.redeemUiToken(uiToken);
      if (session) reply.header('Set-Cookie', auth.sessionCookie(session));
      url.searchParams.delete(UI_TOKEN_PARAM);
      // One leading slash: `//host/…` would be a redirect to another site.
      return reply.redirect(`/${url.pathname.replace(/^\/+/, '')}${url.search}`, 302);
    }
  });
}

/** What the listener itself answers (client errors, slow heads, a fault outside fastify): catalogued bodies. */
function adminErrorBody(status: number, message: string): ErrorAnswer {
  const code =
    status >= 500
      ? 'EMU_ERR_INTERNAL'
      : status === 408
        ? 'EMU_ERR_REQUEST_TIMEOUT'
        : 'EMU_ERR_ADMIN_BAD_REQUEST';
  return {
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(new EmulatorError(code, message).toJSON()),
  };
}

function installErrorHandling(app: FastifyInstance, listener: ListenerContext): void {
  app.setErrorHandler((error: FastifyError | EmulatorError, request, reply) => {
    if (error instanceof EmulatorError) return reply.status(error.status).send(error.toJSON());
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send(tooLarge(request).toJSON());
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const e = new EmulatorError('EMU_ERR_ADMIN_BAD_REQUEST', error.message);
      return reply.status(status).send(e.toJSON());
    }
    reportFault(listener, describeRequest(request.method, request.url), error);
    return reply
      .status(500)
      .send(new EmulatorError('EMU_ERR_INTERNAL', 'Internal error in the admin API.').toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new EmulatorError(
      'EMU_ERR_ADMIN_NOT_FOUND',
      `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`,
    );
    return reply.status(404).send(e.toJSON());
  });
}

/**
 * A body over the route's limit, refused from its Content-Length before it is read. A route may say
 * what the limit means for its input (`config.tooLarge`, e.g. the EDMX routes); the rest name bytes.
 */
function tooLarge(request: FastifyRequest): EmulatorError {
  const { bodyLimit, config } = request.routeOptions;
  const said = (config as { tooLarge?: unknown } | undefined)?.tooLarge;
  return new EmulatorError(
    'EMU_ERR_ADMIN_TOO_LARGE',
    typeof said === 'string'
      ? said
      : `The request body is larger than ${bodyLimit} bytes, the most ${request.method} ${request.url.split('?')[0] ?? ''} takes.`,
  );
}

function installRoutes(app: FastifyInstance, backend: AdminBackend, closeStreams: Set<() => void>): void {
  app.get(ADMIN_ROUTES.health.path, (): HealthResponse => ({
    status: 'ok',
    version: backend.version,
    uptimeMs: Date.now() - backend.startedAtMs,
  }));
  app.get(ADMIN_ROUTES.status.path, () => backend.status());
  app.get(ADMIN_ROUTES.getWorkspace.path, () => backend.workspace());
  app.put(ADMIN_ROUTES.replaceWorkspace.path, async (request: FastifyRequest) =>
    backend.replaceWorkspace(request.body),
  );
  app.get(ADMIN_ROUTES.workspaceSchema.path, () => workspaceJsonSchema());
  app.get(ADMIN_ROUTES.events.path, (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const close = openEventStream(request.raw, reply.raw, backend.bus, () => backend.status(), {
      ...(reply.getHeaders() as Record<string, string>),
    });
    closeStreams.add(close);
    request.raw.once('close', () => closeStreams.delete(close));
  });
}

async function installUi(app: FastifyInstance, uiDir: string | null): Promise<void> {
  if (uiDir !== null && existsSync(path.join(uiDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: uiDir, index: ['index.html'], wildcard: true });
    return;
  }
  app.get('/', (_request, reply) => {
    const e = new EmulatorError(
      'EMU_ERR_UI_NOT_BUILT',
      `The UI is not built${uiDir ? ` (no index.html in ${uiDir})` : ''}.`,
    );
    return reply.status(503).type('text/plain; charset=utf-8').send(`${e.code}: ${e.message}\n${e.hint}\n`);
  });
}

/** Finds dist/renderer from wherever the engine runs: the bundle in dist/, or sources under vitest. */
export function defaultUiDir(fromUrl: string): string | null {
  let dir = path.dirname(new URL(fromUrl).pathname);
  for (let i = 0; i < 5; i++) {
    for (const candidate of [path.join(dir, 'renderer'), path.join(dir, 'dist', 'renderer')]) {
      if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    }
    dir = path.dirname(dir);
  }
  return null;
}
