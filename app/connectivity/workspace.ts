// The Cloud Connector part of the workspace: locations, system mappings, resources (sap-contract §6),
// plus the connectivity proxy's own settings (timeouts, audit log).
import { z } from 'zod';
import { hostName, port } from '../workspace/primitives.js';

export const resourceSchema = z.object({
  path: z
    .string()
    .startsWith('/', 'must start with /')
    .refine(
      (p) => !p.includes('?') && !p.includes('#'),
      'a resource is a URL path without query or fragment',
    ),
  mode: z
    .enum(['exact', 'prefix'])
    .default('prefix')
    .describe('exact = "path only"; prefix = "path and all sub-paths" (a plain string prefix).'),
  enabled: z.boolean().default(true).describe('false = suspended: requests to it are denied.'),
  websocket: z.boolean().default(false).describe('Allow WebSocket upgrade requests on this resource.'),
});

export const systemMappingSchema = z.object({
  virtualHost: hostName.describe(
    'The host the cloud side uses (the destination URL host); may be fictitious.',
  ),
  virtualPort: port.min(1),
  internalHost: z
    .string()
    .regex(
      /^(system:[A-Za-z0-9_.\-!|]+|[A-Za-z0-9]([A-Za-z0-9\-.]*[A-Za-z0-9])?)$/,
      'must be a host name, an IPv4 address, or system:<id> of a simulated system',
    )
    .describe('A host, or system:<id> for a simulated system of this workspace.'),
  internalPort: port.min(1).optional().describe('Required for a real host; a simulated system has its own.'),
  protocol: z
    .enum(['HTTP', 'HTTPS', 'TCP'])
    .default('HTTP')
    .describe('Backend protocol: HTTP/HTTPS through the HTTP proxy, TCP through SOCKS5.'),
  backendTrust: z
    .enum(['verify', 'ignore'])
    .default('verify')
    .describe('HTTPS only: verify the backend certificate (system roots + the emulator CA) or not.'),
  hostInHeader: z
    .enum(['virtual', 'internal'])
    .default('virtual')
    .describe('Host header sent to the backend; with internal, the virtual host goes in X-Forwarded-Host.'),
  principalType: z
    .enum(['None', 'X509'])
    .default('None')
    .describe('X509: a propagated user reaches the backend as a short-lived certificate (SSL_CLIENT_CERT).'),
  resources: z
    .array(resourceSchema)
    .default([{ path: '/', mode: 'prefix', enabled: true, websocket: false }]),
});

export const locationSchema = z.object({
  id: z
    .string()
    .min(1, 'leave the id out for the default location')
    .max(64)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional()
    .describe('Location id; leave out for the default Cloud Connector.'),
  connected: z.boolean().default(true).describe('false: the proxy answers 503 / SOCKS 03 for this location.'),
  principalPropagation: z.object({ subjectPattern: z.string().default('CN=${name}') }).prefault({}),
  systemMappings: z.array(systemMappingSchema).default([]),
});

export const proxySettingsSchema = z.object({
  connectTimeoutMs: z.number().int().min(100).max(120_000).default(5_000),
  /** Until the backend's response headers arrive. */
  responseTimeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  /** Between two chunks of a body, either way. */
  idleTimeoutMs: z.number().int().min(100).max(600_000).default(60_000),
});

export const auditSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  maxFileBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .default(10 * 1024 * 1024)
    .describe('A file is rotated when it reaches this size, and at midnight (UTC).'),
  keepFiles: z.number().int().min(1).max(1000).default(10),
});

export const cloudConnectorSchema = z
  .object({
    locations: z.array(locationSchema).default([]),
    proxy: proxySettingsSchema.prefault({}),
    audit: auditSettingsSchema.prefault({}),
  })
  .superRefine(checkMappings);

/** A mapping is found by location + virtual host:port, so two with the same key would be ambiguous. */
function checkMappings(cc: { locations: z.output<typeof locationSchema>[] }, ctx: z.RefinementCtx): void {
  cc.locations.forEach((location, li) => {
    const seen = new Set<string>();
    location.systemMappings.forEach((m, mi) => {
      const key = `${m.virtualHost.toLowerCase()}:${m.virtualPort}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['locations', li, 'systemMappings', mi, 'virtualHost'],
          message: `duplicate virtual host ${key} in this location`,
        });
      seen.add(key);
      const paths = new Set<string>();
      m.resources.forEach((r, ri) => {
        if (paths.has(r.path))
          ctx.addIssue({
            code: 'custom',
            path: ['locations', li, 'systemMappings', mi, 'resources', ri, 'path'],
            message: `duplicate resource path ${r.path}`,
          });
        paths.add(r.path);
      });
    });
  });
}

export type ProxySettings = z.output<typeof proxySettingsSchema>;
export type AuditSettings = z.output<typeof auditSettingsSchema>;
export type CloudConnector = z.output<typeof cloudConnectorSchema>;
