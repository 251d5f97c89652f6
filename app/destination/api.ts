// Admin API contract of the destination area (the Destinations page): list, save, delete and "Check
// connection". Saves go through the one workspace validation, so the UI shows the same per-property
// problems as the Destination service REST API. Paths are relative to the admin base URL.
import { z } from 'zod';
import { destinationLevelSchema } from './events.js';
import { certificateSchema, destinationSchema } from './workspace.js';

export const DESTINATION_ROUTES = {
  list: { method: 'GET', path: '/api/destinations' },
  save: { method: 'PUT', path: '/api/destinations/:level/:name' },
  remove: { method: 'DELETE', path: '/api/destinations/:level/:name' },
  check: { method: 'POST', path: '/api/destinations/:level/:name/check' },
} as const;

export type DestinationLevel = z.infer<typeof destinationLevelSchema>;

/** `/api/destinations/<level>/<name>` with the name encoded (names may hold `!`, `|`, `.`). */
export function destinationPath(
  route: (typeof DESTINATION_ROUTES)['save' | 'remove' | 'check'],
  level: DestinationLevel,
  name: string,
): string {
  return route.path.replace(':level', level).replace(':name', encodeURIComponent(name));
}

export const destinationParamsSchema = z.object({ level: destinationLevelSchema, name: z.string().min(1) });

/** Destinations as stored (secrets included: the admin API is trusted) and certificate names. */
export const destinationListSchema = z.object({
  subaccount: z.array(destinationSchema),
  instance: z.array(destinationSchema),
  certificates: z.object({
    subaccount: z.array(certificateSchema.pick({ Name: true, Type: true })),
    instance: z.array(certificateSchema.pick({ Name: true, Type: true })),
  }),
  /** Where the emulated Destination service listens (the binding's `uri`); null while stopped. */
  serviceUrl: z.string().nullable(),
});
export type DestinationList = z.infer<typeof destinationListSchema>;

/**
 * The body of a save: the destination's properties. A Name different from the path's renames it;
 * the path's name not existing yet creates it. Validated as a whole workspace afterwards.
 */
export const saveDestinationRequestSchema = z.record(z.string(), z.unknown());

export const CHECK_OUTCOMES = ['ok', 'failed'] as const;

export const checkResultSchema = z.object({
  outcome: z.enum(CHECK_OUTCOMES),
  /** The cockpit's wording, e.g. `Connection to "S4" established. Response returned: "200: OK"`. */
  message: z.string(),
  /** The HTTP status the check received (from the backend or the proxy), when it got one. */
  status: z.number().int().nullable(),
  /** Which step decided: internet request, proxy, location, mapping, resource or backend. */
  stage: z.enum(['configuration', 'internet', 'proxy', 'location', 'mapping', 'resource', 'backend']),
  /** One more sentence for the developer (the emulator's own reason). */
  detail: z.string().nullable(),
  /** The URL requested and, for OnPremise, the location id used. */
  url: z.string().nullable(),
  location: z.string().nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;
