// The admin API contract: every route, its request and response schema. The engine serves exactly
// these; the renderer's client is typed from them. Paths are relative to the admin base URL.
import { z } from 'zod';
import { BINDING_FORMATS } from './constants.js';
import type { ErrorBody } from './errors.js';
import type { engineStatusSchema } from './events.js';
import { workspaceSummarySchema } from './events.js';
import type { Workspace } from './workspace/schema.js';

export const ADMIN_SESSION_COOKIE = 'btp_emulator_session';
/** Query parameter of the one-time `ui` link (exchanged for a session cookie, like Jupyter's token). */
export const UI_TOKEN_PARAM = 'token';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeMs: z.number(),
});

export const workspaceResponseSchema = z.object({
  summary: workspaceSummarySchema,
  /** The validated workspace with defaults applied. */
  workspace: z.record(z.string(), z.unknown()),
  /** False when the workspace has no file (the demo): changes live until the engine stops. */
  persisted: z.boolean(),
});

export const replaceWorkspaceResponseSchema = workspaceResponseSchema;

export const ADMIN_ROUTES = {
  health: { method: 'GET', path: '/api/health' },
  status: { method: 'GET', path: '/api/status' },
  getWorkspace: { method: 'GET', path: '/api/workspace' },
  replaceWorkspace: { method: 'PUT', path: '/api/workspace' },
  workspaceSchema: { method: 'GET', path: '/api/workspace/schema' },
  events: { method: 'GET', path: '/api/events' },
  bindings: { method: 'GET', path: '/api/bindings' },
  exportBindings: { method: 'GET', path: '/api/bindings/export' },
  clients: { method: 'GET', path: '/api/xsuaa/clients' },
  issueToken: { method: 'POST', path: '/api/tokens' },
  verifyToken: { method: 'POST', path: '/api/tokens/verify' },
  signingKeys: { method: 'GET', path: '/api/xsuaa/keys' },
  rotateKeys: { method: 'POST', path: '/api/xsuaa/keys/rotate' },
} as const;

export { BINDING_FORMATS };
export type BindingFormat = (typeof BINDING_FORMATS)[number];

/** Everything an app needs to run against the emulator (GET /api/bindings). Contains secrets. */
export const bindingEnvSchema = z.object({
  VCAP_SERVICES: z.record(z.string(), z.unknown()),
  VCAP_APPLICATION: z.record(z.string(), z.unknown()),
  /** The approuter's `destinations` environment format (default-env.json). */
  destinations: z.array(z.record(z.string(), z.unknown())),
  /**
   * HTTP destinations of the subaccount that format cannot carry fully (credentials, location id,
   * sap-client…): left out of `destinations`, so the approuter asks the Destination service for them.
   */
  destinationsLeftToService: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  /** The CA bundle for NODE_EXTRA_CA_CERTS: the existing or system bundle plus the emulator CA. */
  caBundle: z.string().nullable(),
});
export type BindingEnv = z.infer<typeof bindingEnvSchema>;

export const exportBindingsQuerySchema = z.object({ format: z.enum(BINDING_FORMATS).default('json') });

export const clientSummarySchema = z.object({
  kind: z.enum(['xsuaa', 'destination', 'connectivity']),
  binding: z.string(),
  clientId: z.string(),
  xsappname: z.string(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const issueTokenRequestSchema = z
  .object({
    /** Binding name or client id. */
    client: z.string().min(1),
    /** A workspace user: a user token as if from the password grant; absent: client credentials. */
    user: z.string().min(1).optional(),
    scopes: z.array(z.string().min(1)).optional(),
    /** Seconds; negative makes an already-expired token (for negative tests). */
    expiresIn: z
      .number()
      .int()
      .min(-86400 * 365)
      .max(86400 * 365)
      .optional(),
  })
  .strict();
export type IssueTokenRequest = z.infer<typeof issueTokenRequestSchema>;

export const verifyTokenRequestSchema = z
  .object({
    token: z.string().min(1),
    /** Binding name or client id the token should be meant for; absent: no audience check. */
    audience: z.string().min(1).optional(),
  })
  .strict();
export type VerifyTokenRequest = z.infer<typeof verifyTokenRequestSchema>;

export const TOKEN_PROBLEM_CODES = [
  'malformed',
  'algorithm',
  'unknown_kid',
  'bad_signature',
  'expired',
  'not_yet_valid',
  'audience',
] as const;

export const tokenProblemSchema = z.object({
  code: z.enum(TOKEN_PROBLEM_CODES),
  message: z.string(),
});
export type TokenProblem = z.infer<typeof tokenProblemSchema>;

export const verifyTokenResponseSchema = z.object({
  valid: z.boolean(),
  header: z.record(z.string(), z.unknown()).nullable(),
  claims: z.record(z.string(), z.unknown()).nullable(),
  problems: z.array(tokenProblemSchema),
});
export type VerifyTokenResponse = z.infer<typeof verifyTokenResponseSchema>;

export const issueTokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number(),
  scope: z.string(),
  jti: z.string(),
  refresh_token: z.string().optional(),
  claims: z.record(z.string(), z.unknown()),
});
export type IssueTokenResponse = z.infer<typeof issueTokenResponseSchema>;

export const signingKeyInfoSchema = z.object({
  kid: z.string(),
  createdAt: z.string(),
  /** From when the key signs new tokens; later than createdAt for a staged rotation. */
  activatesAt: z.string(),
  /** When a newer key took over; null while current or pending. */
  retiredAt: z.string().nullable(),
  current: z.boolean(),
  /** When a retired key leaves the JWKS; null for keys still in use. */
  removedAt: z.string().nullable(),
});
export type SigningKeyInfo = z.infer<typeof signingKeyInfoSchema>;

export const rotateKeysRequestSchema = z
  .object({
    /** Sign with the new key at once instead of after the JWKS propagation time. */
    immediate: z.boolean().optional(),
  })
  .strict();
export type RotateKeysRequest = z.infer<typeof rotateKeysRequestSchema>;
/** The new (or still pending) key. */
export const rotateKeysResponseSchema = signingKeyInfoSchema;

export type AdminRouteName = keyof typeof ADMIN_ROUTES;

export type HealthResponse = z.infer<typeof healthResponseSchema>;
export type StatusResponse = z.infer<typeof engineStatusSchema>;
export interface WorkspaceResponse {
  summary: z.infer<typeof workspaceSummarySchema>;
  workspace: Workspace;
  persisted: boolean;
}
export type AdminErrorBody = ErrorBody;

/** The `--json` ready line of `btp-emulator start`: a stable contract for other tools. */
export const readyLineSchema = z.object({
  event: z.literal('ready'),
  urls: z.record(z.string(), z.string()),
  ui: z.string(),
  adminToken: z.string(),
  caCert: z.string().nullable(),
  workspace: z.string().nullable(),
  dataDir: z.string(),
  pid: z.number().int(),
});
export type ReadyLine = z.infer<typeof readyLineSchema>;
