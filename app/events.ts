// Typed engine events: one source for the admin event stream, the UI and (later) the audit log.
import { z } from 'zod';
import { connectivityEventSchemas } from './connectivity/events.js';
import { destinationEventSchemas } from './destination/events.js';
import { recordingEventSchemas } from './recording/events.js';
import { systemsEventSchemas } from './systems/events.js';
import { SERVICE_IDS } from './constants.js';

export { SERVICE_IDS };
export const serviceIdSchema = z.enum(SERVICE_IDS);

export const serviceStateSchema = z.enum(['starting', 'running', 'stopping', 'stopped', 'failed']);

export const serviceStatusSchema = z.object({
  id: serviceIdSchema,
  title: z.string(),
  state: serviceStateSchema,
  /** Base URL clients use; null while not listening. */
  url: z.string().nullable(),
  port: z.number().int().nullable(),
  host: z.string(),
  error: z.string().optional(),
});

export const workspaceSummarySchema = z.object({
  name: z.string(),
  /** Absolute path of the workspace file, or null for the built-in demo. */
  path: z.string().nullable(),
  source: z.enum(['file', 'demo']),
  schemaVersion: z.number().int(),
  /** Migrations applied when the file was loaded (it is saved in the current version on the next write). */
  migrated: z.array(z.string()),
});

export const engineStatusSchema = z.object({
  version: z.string(),
  startedAt: z.string(),
  pid: z.number().int(),
  dataDir: z.string(),
  caCert: z.string().nullable(),
  workspace: workspaceSummarySchema,
  services: z.array(serviceStatusSchema),
});

const at = z.string();
export const engineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), at, status: engineStatusSchema }),
  z.object({ type: z.literal('service-state'), at, service: serviceStatusSchema }),
  z.object({ type: z.literal('workspace-replaced'), at, workspace: workspaceSummarySchema }),
  z.object({
    type: z.literal('log'),
    at,
    level: z.enum(['debug', 'info', 'warn', 'error']),
    message: z.string(),
    code: z.string().optional(),
  }),
  z.object({ type: z.literal('engine-stopping'), at }),
  z.object({
    type: z.literal('token-issued'),
    at,
    grant: z.string(),
    clientId: z.string(),
    binding: z.string(),
    user: z.string().nullable(),
    scopes: z.array(z.string()),
    jti: z.string(),
    expiresAt: z.string(),
    listener: z.enum(['http', 'https', 'admin', 'cli']),
  }),
  z.object({
    type: z.literal('token-failed'),
    at,
    grant: z.string().nullable(),
    clientId: z.string().nullable(),
    status: z.number().int(),
    error: z.string(),
    description: z.string(),
    listener: z.enum(['http', 'https']),
  }),
  z.object({ type: z.literal('keys-rotated'), at, kid: z.string() }),
  ...connectivityEventSchemas,
  ...destinationEventSchemas,
  ...systemsEventSchemas,
  ...recordingEventSchemas,
]);

export type ServiceId = z.infer<typeof serviceIdSchema>;
export type ServiceState = z.infer<typeof serviceStateSchema>;
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;
export type EngineStatus = z.infer<typeof engineStatusSchema>;
export type EngineEvent = z.infer<typeof engineEventSchema>;
export type EngineEventType = EngineEvent['type'];
export type EngineEventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;

export const SERVICE_TITLES: Record<ServiceId, string> = {
  admin: 'Admin API & UI',
  xsuaa: 'XSUAA',
  xsuaaTls: 'XSUAA (TLS, uaadomain)',
  destination: 'Destination service',
  proxy: 'Connectivity proxy (HTTP)',
  socks5: 'Connectivity proxy (SOCKS5)',
};
