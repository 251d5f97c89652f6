// Admin API contract of the Recordings page and `btp-emulator record|replay`. Modes live in the
// workspace (systems[].recording), so the mode routes below are conveniences that change the workspace
// the same way PUT /api/workspace would, and the change is saved.
import { z } from 'zod';
import { sessionName } from './workspace.js';

/** What stands in a session file, an export or the UI where a secret was. */
export const REDACTED = '[redacted]';

export const RECORDING_ROUTES = {
  /** Sessions in the data folder and every system's recording state. */
  overview: { method: 'GET', path: '/api/recordings' },
  /** One session's timeline. */
  session: { method: 'GET', path: '/api/recordings/sessions/:session' },
  /** One entry in full (already redacted on disk unless keepSecrets). */
  entry: { method: 'GET', path: '/api/recordings/sessions/:session/entries/:index' },
  deleteSession: { method: 'DELETE', path: '/api/recordings/sessions/:session' },
  /** The session as a HAR 1.2 download, redacted with the workspace rules (even if keepSecrets). */
  exportSession: { method: 'GET', path: '/api/recordings/sessions/:session/export' },
  /** Import a HAR from browsers' developer tools, Playwright or another emulator. */
  importSession: { method: 'POST', path: '/api/recordings/import' },
  /** Turn a session's responses into data files for a simulated service. */
  toDataFiles: { method: 'POST', path: '/api/recordings/sessions/:session/data-files' },
  startRecording: { method: 'POST', path: '/api/recordings/systems/:system/record' },
  /** Back to live (if the system has live.url) or simulate. */
  stop: { method: 'POST', path: '/api/recordings/systems/:system/stop' },
  startReplay: { method: 'POST', path: '/api/recordings/systems/:system/replay' },
  /** Requests replay could not answer, newest first, with the nearest candidates and why each differs. */
  misses: { method: 'GET', path: '/api/recordings/systems/:system/misses' },
  /**
   * Switch a Cloud Connector mapping that names a real host to recording: a system standing for that
   * host is added (live.url from the mapping, mode record) and the mapping points to it.
   */
  recordMapping: { method: 'POST', path: '/api/recordings/mappings/record' },
} as const;

export const recordingModeSchema = z.enum(['simulate', 'live', 'record', 'replay']);

export const sessionSummarySchema = z.object({
  name: z.string(),
  entries: z.number().int(),
  bytes: z.number().int(),
  created: z.string().nullable(),
  modified: z.string(),
  systems: z.array(z.string()),
  /** A system is writing to it right now. */
  recording: z.boolean(),
  /** Systems replaying from it right now. */
  replayedBy: z.array(z.string()),
  /** Set when the file could not be read (the reason, with the file path). */
  error: z.string().optional(),
});

export const systemRecordingStateSchema = z.object({
  system: z.string(),
  mode: recordingModeSchema,
  /** live.url without user info. */
  liveUrl: z.string().nullable(),
  /** Record mode: the session written to. */
  session: z.string().nullable(),
  replaySessions: z.array(z.string()),
  onMiss: z.enum(['strict', 'simulate', 'record']),
  /** Counters since the mode last changed. */
  recorded: z.number().int(),
  hits: z.number().int(),
  misses: z.number().int(),
  /** Set when the mode cannot work as configured: a session that cannot be read, an unreadable caFile. */
  error: z.string().optional(),
});

export const recordingOverviewSchema = z.object({
  sessions: z.array(sessionSummarySchema),
  systems: z.array(systemRecordingStateSchema),
});

export const odataInfoSchema = z.object({
  service: z.string().nullable(),
  entitySet: z.string().nullable(),
  operation: z.string(),
});

export const entrySummarySchema = z.object({
  index: z.number().int(),
  startedDateTime: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int(),
  timeMs: z.number(),
  system: z.string().nullable(),
  location: z.string().nullable(),
  odata: odataInfoSchema.nullable(),
  replayKey: z.string().nullable(),
  /** Times this entry was served by the current replay. */
  served: z.number().int(),
});

export const sessionDetailSchema = z.object({
  name: z.string(),
  entries: z.array(entrySummarySchema),
});

/** GET entry: the HAR entry as stored (request/response with headers and bodies). */
export const entryDetailSchema = z.object({
  index: z.number().int(),
  entry: z.record(z.string(), z.unknown()),
});

export const importRequestSchema = z.object({
  name: sessionName,
  /** The HAR document (the parsed JSON of a .har file). */
  har: z.unknown(),
  /** Entries are attributed to this system (needed to replay them). */
  system: z.string().optional(),
});

export const importResponseSchema = z.object({
  name: z.string(),
  imported: z.number().int(),
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});

export const dataFilesRequestSchema = z.object({
  system: z.string(),
  service: z.string(),
  /** Add the files to the service's data.files in the workspace (default true). */
  apply: z.boolean().default(true),
});

export const dataFilesResponseSchema = z.object({
  files: z.array(z.object({ entitySet: z.string(), path: z.string(), rows: z.number().int() })),
});

export const startRecordingSchema = z.object({ session: sessionName.optional() });

export const startReplaySchema = z.object({
  sessions: z.array(sessionName).min(1),
  onMiss: z.enum(['strict', 'simulate', 'record']).default('strict'),
});

export const recordMappingSchema = z.object({
  /** null = the default location (no id). */
  location: z.string().nullable(),
  virtualHost: z.string(),
  virtualPort: z.number().int(),
  session: sessionName.optional(),
});

export const missSchema = z.object({
  at: z.string(),
  method: z.string(),
  url: z.string(),
  /** The request as matching saw it (normalised). */
  request: z.string(),
  candidates: z.array(
    z.object({
      session: z.string(),
      index: z.number().int(),
      request: z.string(),
      differences: z.array(z.object({ what: z.string(), detail: z.string() })),
    }),
  ),
});

export const missesResponseSchema = z.object({ misses: z.array(missSchema) });

export type RecordingMode = z.infer<typeof recordingModeSchema>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type SystemRecordingState = z.infer<typeof systemRecordingStateSchema>;
export type RecordingOverview = z.infer<typeof recordingOverviewSchema>;
export type EntrySummary = z.infer<typeof entrySummarySchema>;
export type SessionDetail = z.infer<typeof sessionDetailSchema>;
export type EntryDetail = z.infer<typeof entryDetailSchema>;
export type ImportResponse = z.infer<typeof importResponseSchema>;
export type DataFilesResponse = z.infer<typeof dataFilesResponseSchema>;
export type Miss = z.infer<typeof missSchema>;
