// Admin routes of the Recordings page and `btp-emulator record|replay` (contract: app/recording/api.ts).
// They sit behind the admin guards. Sessions are files in the data folder (session-store.ts); modes are
// workspace settings changed through ctx.replaceWorkspace; the runtime's live state comes from the view.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  dataFilesRequestSchema,
  importRequestSchema,
  RECORDING_ROUTES,
  recordMappingSchema,
  startRecordingSchema,
  startReplaySchema,
  type EntryDetail,
  type ImportResponse,
  type RecordingOverview,
  type SessionDetail,
  type SessionSummary,
  type SystemRecordingState,
} from '../../app/recording/api.js';
import { sessionName } from '../../app/recording/workspace.js';
import { EmulatorError } from '../../app/errors.js';
import { toJsonPath } from '../../app/workspace/parse.js';
import type { EngineContext } from '../core/plugin.js';
import { sessionToDataFiles } from './data-files.js';
import {
  bad,
  changeRecording,
  defaultSessionName,
  findSystem,
  recordMappingChange,
  requireLive,
} from './mode-changes.js';
import { Redactor } from './redact.js';
import type { RecordingRuntimeView } from './runtime-view.js';
import { SessionStore } from './session-store.js';

/** Uploaded HARs are JSON bodies; browser recordings of a long session easily pass the default 10 MB. */
const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

const sessionParams = z.object({ session: sessionName });
const entryParams = z.object({ session: sessionName, index: z.coerce.number().int().min(0) });
const systemParams = z.object({ system: z.string().min(1) });

/** Zod-checked input; a 400 whose message already names the first field and reason. */
function input<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'URL'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: toJsonPath(i.path), message: i.message }));
  const first = issues[0]!;
  throw new EmulatorError(
    'EMU_ERR_ADMIN_BAD_REQUEST',
    `The request ${where} is invalid: ${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
    { issues },
  );
}

export function installRecordingRoutes(
  app: FastifyInstance,
  ctx: EngineContext,
  view: RecordingRuntimeView,
): void {
  const store = new SessionStore(ctx.dataDir);
  const redactor = (): Redactor => new Redactor(ctx.workspace().recording.redact);

  const summaries = async (): Promise<SessionSummary[]> => {
    const writing = view.writingSessions();
    const replaying = view.replayingSessions();
    return (await store.list()).map((s) => ({
      ...s,
      recording: writing.has(s.name),
      replayedBy: [...(replaying.get(s.name) ?? [])],
    }));
  };

  const stateOf = (id: string): SystemRecordingState => {
    const live = view.systemStates().find((s) => s.system === id);
    if (live) return live;
    const { recording } = findSystem(ctx.workspace(), id);
    return {
      system: id,
      mode: recording.mode,
      liveUrl: recording.live?.url ?? null,
      session: recording.mode === 'record' ? (recording.session ?? null) : null,
      replaySessions: recording.replay.sessions,
      onMiss: recording.replay.onMiss,
      recorded: 0,
      hits: 0,
      misses: 0,
    };
  };

  const freshSession = async (systemId: string): Promise<string> => {
    const base = defaultSessionName(systemId);
    let name = base;
    for (let n = 2; await store.exists(name); n++) name = `${base}-${n}`;
    return name;
  };

  app.get(RECORDING_ROUTES.overview.path, async (): Promise<RecordingOverview> => ({
    sessions: await summaries(),
    systems: view.systemStates(),
  }));

  app.get(RECORDING_ROUTES.session.path, async (request: FastifyRequest): Promise<SessionDetail> => {
    const { session } = input(sessionParams, request.params, 'URL');
    const timeline = await store.timeline(session);
    const served = view.servedCounts(session);
    return {
      name: session,
      entries: timeline.map((e, index) => ({ index, ...e, served: served.get(index) ?? 0 })),
    };
  });

  app.get(RECORDING_ROUTES.entry.path, async (request: FastifyRequest): Promise<EntryDetail> => {
    const { session, index } = input(entryParams, request.params, 'URL');
    const entry = await store.entry(session, index);
    return { index, entry: entry as unknown as Record<string, unknown> };
  });

  app.delete(RECORDING_ROUTES.deleteSession.path, async (request: FastifyRequest) => {
    const { session } = input(sessionParams, request.params, 'URL');
    const writer = view.writingSessions().get(session);
    if (writer !== undefined)
      throw new EmulatorError(
        'EMU_ERR_SESSION_BUSY',
        `System "${writer}" is recording into session "${session}": stop recording before deleting it.`,
      );
    const replayers = view.replayingSessions().get(session) ?? [];
    if (replayers.length > 0)
      throw new EmulatorError(
        'EMU_ERR_SESSION_BUSY',
        `Session "${session}" is replayed by ${replayers.map((s) => `"${s}"`).join(', ')}: stop replay before deleting it.`,
      );
    await store.remove(session);
    await view.sessionsChanged([session]);
    return { deleted: session };
  });

  app.get(RECORDING_ROUTES.exportSession.path, async (request: FastifyRequest, reply: FastifyReply) => {
    const { session } = input(sessionParams, request.params, 'URL');
    const text = await store.exportText(session, redactor());
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${session}.har"`)
      .send(text);
  });

  app.post(
    RECORDING_ROUTES.importSession.path,
    { bodyLimit: IMPORT_BODY_LIMIT },
    async (request: FastifyRequest): Promise<ImportResponse> => {
      const body = input(importRequestSchema, request.body, 'body');
      if (body.system !== undefined && !ctx.workspace().systems.some((s) => s.id === body.system))
        throw bad(`No system "${body.system}" in the workspace to attribute the entries to.`, [
          { path: '$.system', message: 'unknown system' },
        ]);
      const outcome = await store.importDocument(body.name, body.har, {
        source: `The uploaded HAR for session "${body.name}"`,
        redactor: redactor(),
        ...(body.system === undefined ? {} : { system: body.system }),
      });
      await view.sessionsChanged([body.name]);
      return { name: outcome.name, imported: outcome.imported, skipped: outcome.skipped };
    },
  );

  app.post(RECORDING_ROUTES.toDataFiles.path, async (request: FastifyRequest) => {
    const { session } = input(sessionParams, request.params, 'URL');
    const body = input(dataFilesRequestSchema, request.body, 'body');
    return sessionToDataFiles(ctx, store, { session, ...body });
  });

  app.post(RECORDING_ROUTES.startRecording.path, async (request: FastifyRequest) => {
    const { system: id } = input(systemParams, request.params, 'URL');
    const body = input(startRecordingSchema, request.body ?? {}, 'body');
    const ws = ctx.workspace();
    requireLive(ws, findSystem(ws, id), 'recording');
    const session = body.session ?? (await freshSession(id));
    await ctx.replaceWorkspace((raw) => changeRecording(raw, id, (r) => ({ ...r, mode: 'record', session })));
    return stateOf(id);
  });

  app.post(RECORDING_ROUTES.stop.path, async (request: FastifyRequest) => {
    const { system: id } = input(systemParams, request.params, 'URL');
    const mode = findSystem(ctx.workspace(), id).recording.live ? 'live' : 'simulate';
    await ctx.replaceWorkspace((raw) => changeRecording(raw, id, (r) => ({ ...r, mode })));
    return stateOf(id);
  });

  app.post(RECORDING_ROUTES.startReplay.path, async (request: FastifyRequest) => {
    const { system: id } = input(systemParams, request.params, 'URL');
    const body = input(startReplaySchema, request.body, 'body');
    const ws = ctx.workspace();
    const system = findSystem(ws, id);
    if (body.onMiss === 'record') requireLive(ws, system, 'onMiss "record"');
    const missing: string[] = [];
    for (const name of body.sessions) if (!(await store.exists(name))) missing.push(name);
    if (missing.length)
      throw new EmulatorError(
        'EMU_ERR_SESSION_NOT_FOUND',
        `No session ${missing.map((m) => `"${m}"`).join(', ')} in ${store.dir}: nothing to replay from.`,
        {
          issues: missing.map((m) => ({
            path: `$.sessions[${body.sessions.indexOf(m)}]`,
            message: 'no such session',
          })),
        },
      );
    await ctx.replaceWorkspace((raw) =>
      changeRecording(raw, id, (r) => ({
        ...r,
        mode: 'replay',
        replay: { sessions: body.sessions, onMiss: body.onMiss },
      })),
    );
    return stateOf(id);
  });

  app.get(RECORDING_ROUTES.misses.path, (request: FastifyRequest) => {
    const { system: id } = input(systemParams, request.params, 'URL');
    findSystem(ctx.workspace(), id);
    return { misses: view.misses(id) };
  });

  app.post(RECORDING_ROUTES.recordMapping.path, async (request: FastifyRequest) => {
    const body = input(recordMappingSchema, request.body, 'body');
    const { id, mutate } = recordMappingChange(ctx.workspace(), body, body.session);
    await ctx.replaceWorkspace(mutate);
    return stateOf(id);
  });
}
