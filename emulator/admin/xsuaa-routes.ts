// Admin routes for bindings and tokens. They hand out secrets (client secrets, tokens) and so sit
// behind the same guards as every /api route (auth.ts); nothing here is logged.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  ADMIN_ROUTES,
  exportBindingsQuerySchema,
  issueTokenRequestSchema,
  rotateKeysRequestSchema,
  verifyTokenRequestSchema,
  type BindingEnv,
  type ClientSummary,
  type IssueTokenRequest,
  type IssueTokenResponse,
  type SigningKeyInfo,
  type VerifyTokenRequest,
  type VerifyTokenResponse,
} from '../../app/admin-api.js';
import { EmulatorError } from '../../app/errors.js';
import { toJsonPath } from '../../app/workspace/parse.js';
import { formatBindings } from '../bindings/formats.js';

export interface XsuaaAdminApi {
  bindingEnv(): BindingEnv;
  clients(): ClientSummary[];
  issueToken(request: IssueTokenRequest): Promise<IssueTokenResponse>;
  verifyToken(request: VerifyTokenRequest): VerifyTokenResponse;
  signingKeys(): SigningKeyInfo[];
  rotateKeys(request: { immediate?: boolean }): Promise<SigningKeyInfo>;
}

export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new EmulatorError('EMU_ERR_ADMIN_BAD_REQUEST', 'The request body is invalid.', {
    issues: result.error.issues.map((i) => ({ path: toJsonPath(i.path), message: i.message })),
  });
}

export function installXsuaaRoutes(app: FastifyInstance, api: XsuaaAdminApi): void {
  app.get(ADMIN_ROUTES.bindings.path, () => api.bindingEnv());
  app.get(ADMIN_ROUTES.exportBindings.path, (request: FastifyRequest, reply) => {
    const { format } = parseBody(exportBindingsQuerySchema, request.query);
    const type = format === 'json' || format === 'default-env' ? 'application/json' : 'text/plain';
    return reply.type(`${type}; charset=utf-8`).send(formatBindings(api.bindingEnv(), format));
  });
  app.get(ADMIN_ROUTES.clients.path, () => api.clients());
  app.post(ADMIN_ROUTES.issueToken.path, (request: FastifyRequest) =>
    api.issueToken(parseBody(issueTokenRequestSchema, request.body)),
  );
  app.post(ADMIN_ROUTES.verifyToken.path, (request: FastifyRequest) =>
    api.verifyToken(parseBody(verifyTokenRequestSchema, request.body)),
  );
  app.get(ADMIN_ROUTES.signingKeys.path, () => api.signingKeys());
  app.post(ADMIN_ROUTES.rotateKeys.path, (request: FastifyRequest) =>
    api.rotateKeys(parseBody(rotateKeysRequestSchema, request.body ?? {})),
  );
}
