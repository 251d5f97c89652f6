// Simulated on-premise systems and their OData services.
import { z } from 'zod';
import { systemRecordingSchema } from '../recording/workspace.js';
import { name, port } from '../workspace/primitives.js';

const milliseconds = z.number().int().min(0).max(600_000);

const fixed = z.object({ distribution: z.literal('fixed'), ms: milliseconds });
const uniform = z.object({ distribution: z.literal('uniform'), minMs: milliseconds, maxMs: milliseconds });
const normal = z.object({ distribution: z.literal('normal'), meanMs: milliseconds, stdDevMs: milliseconds });
const ordered = (l: { distribution: string; minMs?: number; maxMs?: number }): boolean =>
  l.distribution !== 'uniform' || (l.minMs ?? 0) <= (l.maxMs ?? 0);
const unordered = { message: 'minMs must not be greater than maxMs' };

export const latencySchema = z
  .discriminatedUnion('distribution', [fixed, uniform, normal])
  .refine(ordered, unordered)
  .describe('Added response time: fixed, uniform between minMs and maxMs, or normal around meanMs.');

const entitySet = {
  entitySet: z.string().min(1).describe('The entity set (first segment of the resource path), as in faults.'),
};
/** Latency of the requests to one entity set, added to the system's and the service's latency. */
export const entitySetLatencySchema = z
  .discriminatedUnion('distribution', [
    fixed.extend(entitySet),
    uniform.extend(entitySet),
    normal.extend(entitySet),
  ])
  .refine(ordered, unordered);

export const faultSchema = z
  .object({
    kind: z
      .enum(['error', 'no-work-process', 'csrf-expired', 'locked'])
      .describe(
        'error: an SAP error body with status/code/message; no-work-process: 503 from the ICM; csrf-expired: 403 x-csrf-token: Required; locked: the entity is locked by another user.',
      ),
    status: z.number().int().min(400).max(599).default(500),
    code: z.string().default('/IWBEP/CM_MGW_RT/000'),
    message: z.string().default('Simulated error'),
    rate: z.number().min(0).max(1).optional().describe('Share of matching requests that fail (0..1).'),
    sequence: z
      .array(z.number().int().min(1))
      .optional()
      .describe('Scripted: the 1-based numbers of the matching requests that fail, e.g. [2, 3].'),
    methods: z.array(z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'MERGE', 'DELETE'])).optional(),
    entitySet: z.string().optional().describe('Only requests to this entity set (service-level faults).'),
  })
  .refine((f) => f.rate !== undefined || f.sequence !== undefined, {
    message: 'a fault needs rate (0..1) or sequence (request numbers)',
  });

export const odataServiceSchema = z.object({
  name,
  odataVersion: z.enum(['v2', 'v4']),
  path: z
    .string()
    .startsWith('/')
    .endsWith('/', 'the service path ends with /')
    .optional()
    .describe(
      'Defaults to /sap/opu/odata/sap/<name>/ (V2) or /sap/opu/odata4/sap/<name>/srvd/sap/<name>/0001/ (V4).',
    ),
  metadata: z.string().min(1).describe('EDMX file (relative to the workspace file) or builtin:<name>.'),
  data: z
    .object({
      files: z
        .record(z.string(), z.string())
        .default({})
        .describe(
          'Entity set → JSON file (array, {"d":{"results":[…]}} or {"value":[…]}), relative to the workspace file.',
        ),
      generate: z
        .object({
          seed: z.number().int().default(1),
          rows: z.number().int().min(0).max(1_000_000).default(20),
          sets: z.record(z.string(), z.number().int().min(0).max(1_000_000)).optional(),
        })
        .optional()
        .describe('Deterministic rows generated from the metadata, added after the rows of files.'),
    })
    .prefault({}),
  pageSize: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'Server-driven paging: at most this many entities per response, with __next / @odata.nextLink.',
    ),
  functions: z
    .record(z.string(), z.object({ result: z.unknown() }))
    .default({})
    .describe(
      'Configured results of function imports / actions by name (otherwise generated from the return type).',
    ),
  hooks: z
    .string()
    .optional()
    .describe('A .js/.mjs/.ts module with custom logic (see emulator/systems/README.md).'),
  latency: latencySchema.optional(),
  entitySetLatency: z
    .array(entitySetLatencySchema)
    .default([])
    .refine((list) => new Set(list.map((l) => l.entitySet)).size === list.length, {
      message: 'each entity set has at most one latency',
    })
    .describe(
      'Latency per entity set, e.g. [{"entitySet": "A_BusinessPartner", "distribution": "fixed", "ms": 300}].',
    ),
  requireIfMatch: z
    .boolean()
    .default(false)
    .describe(
      'As SAP Gateway: updates and deletes of entity types with an ETag (ConcurrencyMode="Fixed", Core.OptimisticConcurrency) must send If-Match, else 428.',
    ),
  faults: z.array(faultSchema).default([]),
});

export const systemSchema = z.object({
  id: name,
  description: z.string().default(''),
  protocol: z.enum(['HTTP', 'HTTPS']).default('HTTP'),
  port: port.default(0).describe('Port the simulated system listens on; 0 picks a free one.'),
  users: z.array(z.object({ name: z.string().min(1), password: z.string().min(1) })).default([]),
  clients: z.array(z.string().regex(/^\d{3}$/, 'sap-client is three digits')).default(['100']),
  services: z.array(odataServiceSchema).default([]),
  rest: z
    .string()
    .optional()
    .describe(
      'A module exporting MSW request handlers (default export or `handlers`) for non-OData endpoints.',
    ),
  latency: latencySchema.optional(),
  faults: z.array(faultSchema).default([]),
  recording: systemRecordingSchema.prefault({}),
});

export type LatencyConfig = z.infer<typeof latencySchema>;
export type EntitySetLatencyConfig = z.infer<typeof entitySetLatencySchema>;
export type FaultConfig = z.infer<typeof faultSchema>;
export type ODataServiceConfig = z.infer<typeof odataServiceSchema>;
export type SystemConfig = z.infer<typeof systemSchema>;
