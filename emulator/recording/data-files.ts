// A recorded session → data files of a simulated service: one JSON array per entity set, written beside
// the workspace (data/<system>/<service>/<Set>.json; the data folder for the built-in demo), checked by
// loading them as the service would, and optionally set as the service's data.files.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EmulatorError } from '../../app/errors.js';
import type { DataFilesResponse } from '../../app/recording/api.js';
import type { ODataServiceConfig, SystemConfig } from '../../app/systems/workspace.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { writeFileAtomic } from '../core/atomic-file.js';
import type { EngineContext } from '../core/plugin.js';
import { DataFileError, readDataFile } from '../systems/data/load.js';
import type { EdmModel } from '../systems/edm/model.js';
import { defaultServicePath } from '../systems/service.js';
import { loadMetadata } from '../systems/system-loader.js';
import { collectEntities, type FileRow } from './entity-collector.js';
import type { SessionStore } from './session-store.js';

export interface DataFilesRequest {
  session: string;
  system: string;
  service: string;
  apply: boolean;
}

type Context = Pick<EngineContext, 'dataDir' | 'workspace' | 'workspacePath' | 'replaceWorkspace' | 'log'>;

/** A folder name from an id (system ids may hold `!` and `|`, which some file systems refuse). */
const folderName = (id: string): string => id.replace(/[^A-Za-z0-9_.-]/g, '_');

function locate(
  ctx: Context,
  request: DataFilesRequest,
): { system: SystemConfig; service: ODataServiceConfig } {
  const systems = ctx.workspace().systems;
  const system = systems.find((s) => s.id === request.system);
  if (!system)
    throw new EmulatorError(
      'EMU_ERR_SYSTEM_NOT_FOUND',
      `No system "${request.system}" in the workspace (systems: ${systems.map((s) => s.id).join(', ') || 'none'}).`,
    );
  const service = system.services.find((s) => s.name === request.service);
  if (!service)
    throw new EmulatorError(
      'EMU_ERR_SYSTEM_NOT_FOUND',
      `System "${system.id}" has no service "${request.service}" (services: ${system.services.map((s) => s.name).join(', ') || 'none'}).`,
    );
  return { system, service };
}

async function modelOf(service: ODataServiceConfig, baseDir: string | null): Promise<EdmModel> {
  try {
    return (await loadMetadata(service.metadata, baseDir)).model;
  } catch (error) {
    throw new EmulatorError(
      'EMU_ERR_ADMIN_BAD_REQUEST',
      `Cannot read the metadata of service ${service.name}: ${(error as Error).message}`,
    );
  }
}

/** One row per line: committable, and a changed row is a one-line diff. */
async function writeRows(file: string, rows: readonly FileRow[]): Promise<void> {
  const text = `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
  await writeFileAtomic(file, text);
}

export async function sessionToDataFiles(
  ctx: Context,
  store: SessionStore,
  request: DataFilesRequest,
): Promise<DataFilesResponse> {
  const { system, service } = locate(ctx, request);
  const workspaceFile = ctx.workspacePath();
  const baseDir = workspaceFile === null ? null : path.dirname(workspaceFile);
  const model = await modelOf(service, baseDir);
  const root = defaultServicePath(service);
  const entries = await store.entries(request.session);
  const collected = collectEntities(entries, { system: system.id, root, model });
  if (collected.sets.size === 0) {
    throw new EmulatorError(
      'EMU_ERR_ADMIN_BAD_REQUEST',
      `Session "${request.session}" has no entities of ${system.id}/${service.name}: none of its ${entries.length} entries is a successful JSON read (GET or $batch) under ${root} of system ${system.id}${collected.reads ? ` with entities (${collected.reads} reads without any)` : ''}.`,
    );
  }
  const relative = path.posix.join('data', folderName(system.id), folderName(service.name));
  const folder = path.join(baseDir ?? ctx.dataDir, ...relative.split('/'));
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const files: DataFilesResponse['files'] = [];
  const references: Record<string, string> = {};
  for (const [setName, rows] of collected.sets) {
    const file = path.join(folder, `${setName}.json`);
    await writeRows(file, rows);
    await verify(file, model, setName);
    files.push({ entitySet: setName, path: file, rows: rows.length });
    references[setName] = baseDir === null ? file : `${relative}/${setName}.json`;
  }
  report(ctx, request, collected.withoutKey, collected.dropped);
  if (request.apply) {
    await ctx.replaceWorkspace((raw) => withDataFiles(raw, system.id, service.name, references));
    warnPersisted(ctx, system, service, Object.keys(references));
  }
  return { files };
}

/** The file loads as service data, exactly as the simulated service will load it. */
async function verify(file: string, model: EdmModel, setName: string): Promise<void> {
  try {
    await readDataFile(file, model.entitySets.get(setName)!);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    throw new EmulatorError(
      'EMU_ERR_INTERNAL',
      `The data file written for ${setName} does not load: ${error.message}`,
    );
  }
}

function withDataFiles(
  raw: WorkspaceInput,
  systemId: string,
  serviceName: string,
  references: Record<string, string>,
): WorkspaceInput {
  const service = raw.systems?.find((s) => s.id === systemId)?.services?.find((s) => s.name === serviceName);
  if (!service)
    throw new EmulatorError(
      'EMU_ERR_SYSTEM_NOT_FOUND',
      `System "${systemId}" or its service "${serviceName}" was removed from the workspace meanwhile.`,
    );
  service.data = { ...service.data, files: { ...service.data?.files, ...references } };
  return raw;
}

function report(ctx: Context, request: DataFilesRequest, withoutKey: number, dropped: Set<string>): void {
  const parts = [
    ...(withoutKey ? [`${withoutKey} entities without their key were skipped`] : []),
    ...(dropped.size
      ? [`values dropped: ${[...dropped].slice(0, 10).join('; ')}${dropped.size > 10 ? '; …' : ''}`]
      : []),
  ];
  if (parts.length)
    ctx.log(
      'warn',
      `Data files from session ${request.session} for ${request.system}/${request.service}: ${parts.join('; ')}.`,
    );
}

/** Changed rows kept in the data folder win over data files: say so rather than silently serve them. */
function warnPersisted(
  ctx: Context,
  system: SystemConfig,
  service: ODataServiceConfig,
  sets: string[],
): void {
  const shadowed = system.clients.flatMap((client) =>
    sets
      .map((set) => path.join(ctx.dataDir, 'systems', system.id, service.name, client, `${set}.json`))
      .filter((file) => existsSync(file)),
  );
  if (shadowed.length)
    ctx.log(
      'warn',
      `Changed rows of ${system.id}/${service.name} persisted in the data folder take precedence over the new data files (${shadowed.join(', ')}); reset the service data on the Systems page to serve the recorded rows.`,
    );
}
