// Engine events of the destination area. Each is a z.object with a literal `type`; app/events.ts joins every
// area's list into the one engine event union. Never a secret in here: no property values, no tokens.
import { z } from 'zod';

const at = z.string();
export const destinationLevelSchema = z.enum(['subaccount', 'instance']);

export const destinationResolvedEventSchema = z.object({
  type: z.literal('destination-resolved'),
  at,
  name: z.string(),
  /** Where it was found; null when no level has it (the 404). */
  level: destinationLevelSchema.nullable(),
  authentication: z.string().nullable(),
  /** found: returned; not-found: 404; token-error: returned with authTokens[].error. */
  outcome: z.enum(['found', 'not-found', 'token-error']),
  /** Client (and user, for exchanged tokens) of the caller's destination-service token. */
  client: z.string().nullable(),
  user: z.string().nullable(),
  /** The authTokens error text, if any (token service status and error code, never a secret). */
  error: z.string().nullable(),
});

export const destinationChangedEventSchema = z.object({
  type: z.literal('destination-changed'),
  at,
  name: z.string(),
  level: destinationLevelSchema,
  change: z.enum(['created', 'updated', 'deleted']),
  /** rest: through the Destination service API; admin: from the UI or admin API. */
  via: z.enum(['rest', 'admin']),
});

export const destinationEventSchemas = [
  destinationResolvedEventSchema,
  destinationChangedEventSchema,
] as const;
