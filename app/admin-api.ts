// The admin API contract: every route, its request and response schema. The engine serves exactly
// these; the renderer's client is typed from them. Paths are relative to the admin base URL.
import { z } from 'zod';
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

export const BINDING_FORMATS = ['json', 'default-env', 'dotenv', 'shell'] as const;
export type BindingFormat = (typeof BINDING_FORMATS)[number];

/** Everything an app needs to run against the emulator (GET /api/bindings). Contains secrets. */
export interface BindingEnv {
  VCAP_SERVICES: Record<string, unknown>;
  VCAP_APPLICATION: Record<string, unknown>;
  /** The approuter's `destinations` environment format (default-env.json). */
  destinations: Record<string, unknown>[];
  /** The CA bundle for NODE_EXTRA_CA_CERTS: the existing or system bundle plus the emulator CA. */
  caBundle: string | null;
}

export const exportBindingsQuerySchema = z.object({ format: z.enum(BINDING_FORMATS).default('json') });

export interface ClientSummary {
  kind: 'xsuaa' | 'destination' | 'connectivity';
  binding: string;
  clientId: string;
  xsappname: string;
}

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

export interface TokenProblem {
  code:
    'malformed' | 'algorithm' | 'unknown_kid' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'audience';
  message: string;
}

export interface VerifyTokenResponse {
  valid: boolean;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  problems: TokenProblem[];
}

export interface IssueTokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
  jti: string;
  refresh_token?: string;
  claims: Record<string, unknown>;
}

export interface SigningKeyInfo {
  kid: string;
  createdAt: string;
  retiredAt: string | null;
  current: boolean;
  removedAt: string | null;
}

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
