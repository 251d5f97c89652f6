// Recorded sessions in the workspace: per system, whether it is simulated, passed through to the real
// system it stands for (live), recorded, or replayed from sessions; plus the workspace-wide redaction
// and replay-matching rules. Sessions are HAR files in the data folder: <data>/recordings/<name>.har.
import { z } from 'zod';

export const sessionName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits and _ . - (a file name without .har)');

export const liveSystemSchema = z
  .object({
    url: z
      .string()
      .regex(/^https?:\/\/[^/?#@\s]+\/?$/i, 'an http:// or https:// base URL: scheme, host and port only')
      .describe('The real system this one stands for, e.g. https://s4h.corp.example:44300.'),
    trust: z
      .enum(['verify', 'ignore'])
      .default('verify')
      .describe('HTTPS: verify the certificate (system roots, the emulator CA and caFile) or not.'),
    caFile: z.string().optional().describe('Extra PEM CA certificates, relative to the workspace file.'),
    proxy: z
      .string()
      .regex(/^http:\/\/[^/?#\s]+\/?$/i, 'an http:// proxy URL: http://[user:password@]host:port')
      .optional()
      .describe('Upstream corporate proxy to reach the real system through.'),
    timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  })
  .describe('Where record, live and record-on-miss modes send requests.');

export const systemRecordingSchema = z
  .object({
    mode: z
      .enum(['simulate', 'live', 'record', 'replay'])
      .default('simulate')
      .describe(
        'simulate: the simulated services answer; live: pass through to live.url; record: pass through and write each exchange to a session; replay: answer from sessions.',
      ),
    live: liveSystemSchema.optional(),
    session: sessionName
      .optional()
      .describe('Record mode: the session written to (appended if it exists); default <system>-<timestamp>.'),
    replay: z
      .object({
        sessions: z.array(sessionName).default([]).describe('Sessions answered from, in this order.'),
        onMiss: z
          .enum(['strict', 'simulate', 'record'])
          .default('strict')
          .describe(
            'strict: an OData error naming the nearest recorded requests; simulate: the simulated services answer; record: pass through to live.url and add the exchange to the session.',
          ),
      })
      .prefault({}),
  })
  .superRefine((r, ctx) => {
    const needsLive =
      r.mode === 'live' || r.mode === 'record' || (r.mode === 'replay' && r.replay.onMiss === 'record');
    if (needsLive && !r.live)
      ctx.addIssue({
        code: 'custom',
        path: ['live'],
        message: `mode "${r.mode}"${r.mode === 'replay' ? ' with onMiss "record"' : ''} needs live.url`,
      });
    if (r.mode === 'replay' && r.replay.sessions.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['replay', 'sessions'],
        message: 'replay mode needs at least one session',
      });
  });

export const recordingSchema = z.object({
  redact: z
    .object({
      headers: z.array(z.string()).default([]).describe('More header names to redact (case-insensitive).'),
      queryParams: z.array(z.string()).default([]),
      formFields: z.array(z.string()).default([]).describe('Form and JSON body fields.'),
      keepSecrets: z
        .boolean()
        .default(false)
        .describe('true stores credentials in clear. Only for sessions that never leave this machine.'),
    })
    .prefault({}),
  match: z
    .object({
      ignoreQueryParams: z
        .array(z.string())
        .default([])
        .describe('Volatile query parameters, e.g. _ or sap-cache.'),
      ignoreHeaders: z.array(z.string()).default([]).describe('Headers whose value must not decide a match.'),
      headers: z
        .array(z.string())
        .default([])
        .describe('Headers whose value does decide a match (e.g. accept).'),
    })
    .prefault({}),
});

export type LiveSystemConfig = z.output<typeof liveSystemSchema>;
export type SystemRecordingConfig = z.output<typeof systemRecordingSchema>;
export type RecordingConfig = z.output<typeof recordingSchema>;
