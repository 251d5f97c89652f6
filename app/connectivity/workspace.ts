// The Cloud Connector part of the workspace: locations, system mappings, resources (sap-contract §6).
import { z } from 'zod';
import { hostName, port } from '../workspace/primitives.js';

export const resourceSchema = z.object({
  path: z.string().startsWith('/', 'must start with /'),
  mode: z
    .enum(['exact', 'prefix'])
    .default('prefix')
    .describe('exact = "path only"; prefix = "path and all sub-paths" (a plain string prefix).'),
  enabled: z.boolean().default(true),
  websocket: z.boolean().default(false),
});

export const systemMappingSchema = z.object({
  virtualHost: hostName,
  virtualPort: port.min(1),
  internalHost: z
    .string()
    .regex(
      /^(system:[A-Za-z0-9_.\-!|]+|[A-Za-z0-9]([A-Za-z0-9\-.]*[A-Za-z0-9])?)$/,
      'must be a host name, an IPv4 address, or system:<id> of a simulated system',
    )
    .describe('A host, or system:<id> for a simulated system of this workspace.'),
  internalPort: port.min(1).optional(),
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP']).default('HTTP'),
  backendTrust: z.enum(['verify', 'ignore']).default('verify'),
  hostInHeader: z.enum(['virtual', 'internal']).default('virtual'),
  principalType: z.enum(['None', 'X509']).default('None'),
  resources: z
    .array(resourceSchema)
    .default([{ path: '/', mode: 'prefix', enabled: true, websocket: false }]),
});

export const locationSchema = z.object({
  id: z.string().max(64).optional().describe('Location id; leave out for the default Cloud Connector.'),
  connected: z.boolean().default(true),
  principalPropagation: z.object({ subjectPattern: z.string().default('CN=${name}') }).prefault({}),
  systemMappings: z.array(systemMappingSchema).default([]),
});

export const cloudConnectorSchema = z.object({
  locations: z.array(locationSchema).default([]),
});
