// Admin API contract of the connectivity area: the "Check a URL" tool and the traffic list/detail.
// Locations, mappings and resources are edited through the workspace (PUT /api/workspace), so they are
// validated by the one workspace schema. Paths are relative to the admin base URL.
import { z } from 'zod';
import { decisionSchema, proxyRequestEventSchema, socksConnectionEventSchema } from './events.js';

export const CONNECTIVITY_ROUTES = {
  checkUrl: { method: 'POST', path: '/api/connectivity/check' },
  traffic: { method: 'GET', path: '/api/connectivity/traffic' },
  trafficDetail: { method: 'GET', path: '/api/connectivity/traffic/:id' },
  clearTraffic: { method: 'DELETE', path: '/api/connectivity/traffic' },
} as const;

export const trafficDetailPath = (id: string): string =>
  CONNECTIVITY_ROUTES.trafficDetail.path.replace(':id', encodeURIComponent(id));

export const checkUrlRequestSchema = z
  .object({
    method: z
      .string()
      .regex(/^[A-Z]+$/, 'an HTTP method in capitals, e.g. GET')
      .default('GET'),
    url: z.string().min(1).max(8192),
    /** Location id; null or absent: the default location. */
    location: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();
export type CheckUrlRequest = z.input<typeof checkUrlRequestSchema>;

export const checkUrlResponseSchema = z.object({
  /** The status the HTTP proxy would answer before forwarding (200 = it would forward). */
  status: z.number().int(),
  decision: decisionSchema,
  /** Where the request would go (internal host:port), when allowed. */
  target: z.string().nullable(),
});
export type CheckUrlResponse = z.infer<typeof checkUrlResponseSchema>;

export const trafficEntrySchema = z.discriminatedUnion('type', [
  proxyRequestEventSchema,
  socksConnectionEventSchema,
]);
export type TrafficEntry = z.infer<typeof trafficEntrySchema>;

export const trafficQuerySchema = z.object({
  kind: z.enum(['http', 'socks']).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  /** Location id; `default` for the location without id. */
  location: z.string().optional(),
  /** Case-insensitive substring of method, URL or destination. */
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TrafficQuery = z.input<typeof trafficQuerySchema>;

export const trafficListSchema = z.object({
  /** Newest first. */
  items: z.array(trafficEntrySchema),
  /** How many exchanges the engine keeps (older ones drop out). */
  capacity: z.number().int(),
});
export type TrafficList = z.infer<typeof trafficListSchema>;

export const REDACTED = '<redacted>';

export const messagePreviewSchema = z.object({
  /** Header name/value pairs as sent; secrets replaced by <redacted>. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  /** The first bytes of the body as text (UTF-8, lossy); empty when there was none. */
  bodyPreview: z.string(),
  /** True when the body was longer than the preview. */
  bodyTruncated: z.boolean(),
});
export type MessagePreview = z.infer<typeof messagePreviewSchema>;

export const trafficDetailSchema = z.object({
  entry: trafficEntrySchema,
  request: messagePreviewSchema.nullable(),
  /** The response the client got (from the backend or from the proxy itself). */
  response: messagePreviewSchema.nullable(),
});
export type TrafficDetail = z.infer<typeof trafficDetailSchema>;
