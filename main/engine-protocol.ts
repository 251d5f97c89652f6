// Messages between main and the engine's utility process. Both ends are our own code, but each side
// still parses what it receives: a half-started or crashing worker must fail loudly, not as undefined.
import { z } from 'zod';

export const startMessageSchema = z.object({
  type: z.literal('start'),
  adminToken: z.string().min(16),
  workspacePath: z.string().optional(),
  dataDir: z.string().optional(),
  ephemeralPorts: z.boolean().optional(),
});

export const mainToWorkerSchema = z.discriminatedUnion('type', [
  startMessageSchema,
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('ui-link'), id: z.number().int() }),
]);

export const workerToMainSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    urls: z.record(z.string(), z.string()),
    adminUrl: z.string().url(),
  }),
  z.object({
    type: z.literal('error'),
    code: z.string(),
    message: z.string(),
    hint: z.string().optional(),
  }),
  z.object({ type: z.literal('ui-link'), id: z.number().int(), url: z.string().url() }),
]);

export type StartMessage = z.infer<typeof startMessageSchema>;
export type MainToWorker = z.infer<typeof mainToWorkerSchema>;
export type WorkerToMain = z.infer<typeof workerToMainSchema>;
