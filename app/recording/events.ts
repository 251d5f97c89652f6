// Engine events of the recording area (joined into the engine event union by app/events.ts).
import { z } from 'zod';

const at = z.string();

export const recordingEventSchemas = [
  z.object({
    type: z.literal('recording-entry'),
    at,
    system: z.string(),
    session: z.string(),
    /** 0-based position of the entry in its session. */
    index: z.number().int(),
    method: z.string(),
    url: z.string(),
    status: z.number().int(),
  }),
  z.object({
    type: z.literal('replay-request'),
    at,
    system: z.string(),
    method: z.string(),
    url: z.string(),
    status: z.number().int(),
    /** hit: from a session; token: a CSRF fetch answered by the replayer; miss: strict error; simulated / recorded: the onMiss fallback answered. */
    outcome: z.enum(['hit', 'token', 'miss', 'simulated', 'recorded']),
    session: z.string().nullable(),
    index: z.number().int().nullable(),
  }),
  z.object({
    type: z.literal('recording-mode'),
    at,
    system: z.string(),
    mode: z.enum(['simulate', 'live', 'record', 'replay']),
    session: z.string().nullable(),
  }),
] as const;
