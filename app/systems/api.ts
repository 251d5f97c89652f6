// Admin API contract of the Systems page: list systems and services, browse and edit entity sets,
// reset data, read an EDMX and import it as a new service. Faults and latency are workspace fields and
// change through PUT /api/workspace like every other setting.
import { z } from 'zod';
import { name } from '../workspace/primitives.js';

export const SYSTEMS_ROUTES = {
  list: { method: 'GET', path: '/api/systems' },
  rows: { method: 'GET', path: '/api/systems/:system/services/:service/sets/:set' },
  createRow: { method: 'POST', path: '/api/systems/:system/services/:service/sets/:set' },
  updateRow: { method: 'PATCH', path: '/api/systems/:system/services/:service/sets/:set' },
  deleteRow: { method: 'DELETE', path: '/api/systems/:system/services/:service/sets/:set' },
  reset: { method: 'POST', path: '/api/systems/:system/services/:service/reset' },
  inspectEdmx: { method: 'POST', path: '/api/systems/edmx/inspect' },
  importService: { method: 'POST', path: '/api/systems/:system/services' },
} as const;

export const entitySetSummarySchema = z.object({
  name: z.string(),
  entityType: z.string(),
  keys: z.array(z.string()),
  properties: z.array(z.object({ name: z.string(), type: z.string(), nullable: z.boolean() })),
  navigations: z.array(z.object({ name: z.string(), target: z.string().nullable(), many: z.boolean() })),
});

export const serviceSummarySchema = z.object({
  name: z.string(),
  odataVersion: z.enum(['v2', 'v4']),
  path: z.string(),
  /** http://127.0.0.1:<port><path> — the system's own listener. */
  url: z.string().nullable(),
  /** The same service through each Cloud Connector mapping to this system (virtual host:port). */
  virtualUrls: z.array(z.string()),
  entitySets: z.array(entitySetSummarySchema),
  operations: z.array(z.string()),
  error: z.string().optional(),
});

export const systemSummarySchema = z.object({
  id: z.string(),
  description: z.string(),
  protocol: z.enum(['HTTP', 'HTTPS']),
  port: z.number().int().nullable(),
  state: z.enum(['running', 'failed', 'stopped']),
  error: z.string().optional(),
  clients: z.array(z.string()),
  users: z.array(z.string()),
  services: z.array(serviceSummarySchema),
});

export const rowsQuerySchema = z.object({
  client: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  top: z.coerce.number().int().min(0).max(1000).default(50),
  skip: z.coerce.number().int().min(0).default(0),
  filter: z.string().optional(),
  orderby: z.string().optional(),
});

export const rowsResponseSchema = z.object({
  count: z.number().int(),
  /** Rows in OData V4 JSON value form (dates as ISO strings). */
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const rowWriteSchema = z.object({
  client: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  /** Key values of the row to change or delete (absent for create). */
  key: z.record(z.string(), z.unknown()).optional(),
  values: z.record(z.string(), z.unknown()).default({}),
});

export const resetRequestSchema = z.object({
  client: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
});

/** The largest EDMX the admin API takes (inspect and import), in bytes of UTF-8: its size as a file. */
export const EDMX_MAX_BYTES = 16 * 1024 * 1024;
/**
 * The request body limit of those routes: the EDMX as a JSON string, where escaping at most doubles a
 * byte (`"`, `\`, line breaks), plus the other fields. One limit end to end: any EDMX up to
 * EDMX_MAX_BYTES fits, and the routes refuse a larger one in such a body themselves (413, as here).
 */
export const EDMX_BODY_LIMIT = 2 * EDMX_MAX_BYTES + 64 * 1024;
/** What a too large EDMX is told, whichever check found it. */
export const EDMX_TOO_LARGE = `The EDMX is larger than ${EDMX_MAX_BYTES / 1024 / 1024} MiB, the most the admin API takes.`;

const edmxXml = z.string().min(1).max(EDMX_MAX_BYTES);
export const inspectEdmxRequestSchema = z.object({ xml: edmxXml });
export const inspectEdmxResponseSchema = z.object({
  odataVersion: z.enum(['v2', 'v4']),
  namespace: z.string(),
  entitySets: z.array(entitySetSummarySchema),
  operations: z.array(z.string()),
});

/** Adds a service from an EDMX to a system: the file is saved and the workspace gains the service. */
export const importServiceRequestSchema = z.object({
  xml: edmxXml,
  name,
  /** Checked against the EDMX when given; detected from it otherwise. */
  odataVersion: z.enum(['v2', 'v4']).optional(),
  /** Generated rows (seed and rows per entity set); without it the default of 20 rows, seed 1. */
  generate: z
    .object({
      seed: z.number().int().default(1),
      rows: z.number().int().min(0).max(1_000_000).default(20),
    })
    .optional(),
});
export const importServiceResponseSchema = z.object({
  /** Where the EDMX was saved (absolute path). */
  file: z.string(),
  /** The service's `metadata` in the workspace (relative to the workspace file when there is one). */
  metadata: z.string(),
  /** The system after the restart with the new service (its services, or the error it failed with). */
  system: systemSummarySchema,
});

export type EntitySetSummary = z.infer<typeof entitySetSummarySchema>;
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;
export type SystemSummary = z.infer<typeof systemSummarySchema>;
export type RowsQuery = z.infer<typeof rowsQuerySchema>;
export type RowsResponse = z.infer<typeof rowsResponseSchema>;
export type RowWrite = z.infer<typeof rowWriteSchema>;
export type InspectEdmxResponse = z.infer<typeof inspectEdmxResponseSchema>;
export type ImportServiceRequest = z.input<typeof importServiceRequestSchema>;
export type ImportServiceResponse = z.infer<typeof importServiceResponseSchema>;
