// The admin API contract: every route, its request and response schema. The engine serves exactly
// these; the renderer's client is typed from them. Paths are relative to the admin base URL.
import { z } from 'zod';
import type { ErrorBody } from './errors.js';
import type { engineStatusSchema} from './events.js';
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
} as const;

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
