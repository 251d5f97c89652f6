// Engine events of the connectivity area. Each is a z.object with a literal `type`; app/events.ts joins every
// area's list into the one engine event union. One event per proxied request or SOCKS5 connection: it feeds
// the Traffic page, the admin event stream and the audit log. Never a secret in here.
import { z } from 'zod';

/** Which check decided: in the order the proxy applies them. */
export const DECISION_STAGES = [
  'request',
  'auth',
  'principal',
  'location',
  'mapping',
  'resource',
  'backend',
  'forwarded',
] as const;

export const decisionSchema = z.object({
  allowed: z.boolean(),
  stage: z.enum(DECISION_STAGES),
  /** One sentence: why it was allowed or denied. */
  reason: z.string(),
  /** `virtualHost:port → internal:port` of the mapping that decided, if any. */
  mapping: z.string().nullable(),
  /** `/path` (exact) or `/path*` (prefix) of the resource that decided, if any. */
  resource: z.string().nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

const at = z.string();

export const proxyRequestEventSchema = z.object({
  type: z.literal('proxy-request'),
  at,
  /** Key of the exchange in the traffic list (GET /api/connectivity/traffic/:id). */
  id: z.string(),
  method: z.string(),
  /** The virtual URL as the client sent it (query included, secret values redacted). */
  url: z.string(),
  /** Location id; null for the default location. */
  location: z.string().nullable(),
  status: z.number().int(),
  decision: decisionSchema,
  /** Client (technical) user of the proxy token and the propagated user, if any. */
  client: z.string().nullable(),
  user: z.string().nullable(),
  /** internal host:port the request went to, when it was forwarded. */
  target: z.string().nullable(),
  timings: z.object({
    /** Until the response was complete. */
    totalMs: z.number(),
    /** Until the backend's response headers arrived; null when not forwarded. */
    backendMs: z.number().nullable(),
  }),
  sizes: z.object({ requestBytes: z.number().int(), responseBytes: z.number().int() }),
});

export const socksConnectionEventSchema = z.object({
  type: z.literal('socks-connection'),
  at,
  id: z.string(),
  /** host:port the client asked for (the virtual side). */
  destination: z.string(),
  location: z.string().nullable(),
  /** SOCKS5 reply code sent (0 = succeeded). */
  reply: z.number().int(),
  decision: decisionSchema,
  client: z.string().nullable(),
  target: z.string().nullable(),
  timings: z.object({ totalMs: z.number() }),
  sizes: z.object({ bytesUp: z.number().int(), bytesDown: z.number().int() }),
});

export const connectivityEventSchemas = [proxyRequestEventSchema, socksConnectionEventSchema] as const;

export type ProxyRequestEvent = z.infer<typeof proxyRequestEventSchema>;
export type SocksConnectionEvent = z.infer<typeof socksConnectionEventSchema>;
