// Simulated on-premise systems and their OData services.
import { z } from 'zod';
import { name, port } from '../workspace/primitives.js';

export const odataServiceSchema = z.object({
  name,
  odataVersion: z.enum(['v2', 'v4']),
  path: z.string().startsWith('/').optional().describe('Defaults to /sap/opu/odata/sap/<name>/ (V2).'),
  metadata: z.string().min(1).describe('EDMX file (relative to the workspace file) or builtin:<name>.'),
  data: z
    .object({
      files: z.record(z.string(), z.string()).default({}),
      generate: z
        .object({ seed: z.number().int().default(1), rows: z.number().int().min(0).default(20) })
        .optional(),
    })
    .prefault({}),
});

export const systemSchema = z.object({
  id: name,
  description: z.string().default(''),
  protocol: z.enum(['HTTP', 'HTTPS']).default('HTTP'),
  port: port.default(0).describe('Port the simulated system listens on; 0 picks a free one.'),
  users: z.array(z.object({ name: z.string().min(1), password: z.string().min(1) })).default([]),
  clients: z.array(z.string().regex(/^\d{3}$/, 'sap-client is three digits')).default(['100']),
  services: z.array(odataServiceSchema).default([]),
});
