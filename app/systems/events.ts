// Engine events of the systems area. Each is a z.object with a literal `type`; app/events.ts joins every
// area's list into the one engine event union.
import { z } from 'zod';

const at = z.string();

export const systemsEventSchemas = [
  z.object({
    type: z.literal('odata-request'),
    at,
    system: z.string(),
    /** Service name, or null for REST (MSW) endpoints and unmatched paths. */
    service: z.string().nullable(),
    method: z.string(),
    /** Path and query as requested, secret query values redacted (the recordings' rules). */
    url: z.string(),
    status: z.number().int(),
    durationMs: z.number(),
    client: z.string().nullable(),
    user: z.string().nullable(),
    /** Set when an injected fault shaped the response. */
    fault: z.string().optional(),
    /** Simulated latency added to this request (system + service + entity set), when there was any. */
    latencyMs: z.number().optional(),
  }),
  z.object({
    type: z.literal('system-data-reset'),
    at,
    system: z.string(),
    service: z.string(),
    client: z.string().nullable(),
  }),
] as const;
