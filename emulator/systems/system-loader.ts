// Workspace system config → ready ODataService instances: metadata parsed (builtin or file), data
// sources resolved against the workspace folder, hooks loaded. Problems name the service and file.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ODataServiceConfig, SystemConfig } from '../../app/systems/workspace.js';
import { BUILTIN_METADATA } from './builtin/index.js';
import { EdmxError } from './edm/edmx-error.js';
import type { EdmModel } from './edm/model.js';
import { parseEdmx } from './edm/parse-edmx.js';
import { loadHooks } from './http/hooks.js';
import { defaultServicePath, ODataService, resolveFile } from './service.js';

export class SystemConfigError extends Error {
  override name = 'SystemConfigError';
}

export interface LoadOptions {
  /** Folder of the workspace file (relative paths), or null for the demo. */
  baseDir: string | null;
  /** Data folder root for persisted changes, or undefined to keep them in memory. */
  dataDir: string | undefined;
  /** Models already parsed from unchanged files (a system restart, an import). */
  models?: MetadataCache;
}

const INSPECTED_MS = 60_000;

interface ParsedFile {
  mtimeMs: number;
  size: number;
  metadata: { xml: string; model: EdmModel };
}

/**
 * Parsed EDMX files while they are unchanged (same size and modification time). Adding a service
 * restarts its system, which loads every service again: without this, an imported 9 MB EDMX was parsed
 * once by the import and again by the restart, and every other large service of that system again too.
 * Holds only what the running services use (`retain`), so it costs no memory of its own.
 */
export class MetadataCache {
  private readonly files = new Map<string, ParsedFile>();
  private inspected: { model: EdmModel; timer: NodeJS.Timeout } | undefined;

  /**
   * The model of an EDMX just inspected, for the import of the same text that usually follows (the UI
   * inspects, then imports): kept for one such text and a minute at most.
   */
  rememberInspected(model: EdmModel): void {
    if (this.inspected) clearTimeout(this.inspected.timer);
    const timer = setTimeout(() => (this.inspected = undefined), INSPECTED_MS);
    timer.unref();
    this.inspected = { model, timer };
  }

  /** The inspected model when `xml` is the text it was parsed from; it is not kept any longer. */
  takeInspected(xml: string): EdmModel | undefined {
    const model = this.inspected?.model;
    if (!model || model.xml !== xml) return undefined;
    clearTimeout(this.inspected!.timer);
    this.inspected = undefined;
    return model;
  }

  /** The file's metadata, parsed only when it is not known in its current state. */
  async load(file: string): Promise<{ xml: string; model: EdmModel }> {
    const now = await stat(file);
    const known = this.files.get(file);
    if (known && known.mtimeMs === now.mtimeMs && known.size === now.size) return known.metadata;
    const metadata = parseMetadata(await readFile(file, 'utf8'), file);
    this.files.set(file, { mtimeMs: now.mtimeMs, size: now.size, metadata });
    return metadata;
  }

  /** A model parsed from the text just written to `file` (the import parsed it to check it). */
  async remember(file: string, xml: string, model: EdmModel): Promise<void> {
    const now = await stat(file);
    this.files.set(file, { mtimeMs: now.mtimeMs, size: now.size, metadata: { xml, model } });
  }

  forget(file: string): void {
    this.files.delete(file);
  }

  /** Forgets every file but these (the running services' files). */
  retain(files: Iterable<string>): void {
    const keep = new Set(files);
    for (const file of [...this.files.keys()]) if (!keep.has(file)) this.files.delete(file);
  }
}

function parseMetadata(xml: string, reference: string): { xml: string; model: EdmModel } {
  try {
    return { xml, model: parseEdmx(xml) };
  } catch (error) {
    if (error instanceof EdmxError) throw new SystemConfigError(`Metadata ${reference}: ${error.message}`);
    throw error;
  }
}

export async function loadMetadata(
  reference: string,
  baseDir: string | null,
  models?: MetadataCache,
): Promise<{ xml: string; model: EdmModel }> {
  let xml: string;
  if (reference.startsWith('builtin:')) {
    const builtin = BUILTIN_METADATA[reference.slice(8)];
    if (!builtin)
      throw new SystemConfigError(
        `Unknown built-in metadata ${reference} (known: ${Object.keys(BUILTIN_METADATA)
          .map((n) => `builtin:${n}`)
          .join(', ')})`,
      );
    xml = builtin;
  } else {
    const file = resolveFile(reference, baseDir);
    try {
      if (models) return await models.load(file);
      xml = await readFile(file, 'utf8');
    } catch (error) {
      if (error instanceof SystemConfigError) throw error;
      throw new SystemConfigError(`Cannot read metadata file ${file}: ${(error as Error).message}`);
    }
  }
  return parseMetadata(xml, reference);
}

export async function loadService(
  system: SystemConfig,
  config: ODataServiceConfig,
  options: LoadOptions,
): Promise<ODataService> {
  const where = `System ${system.id}, service ${config.name}`;
  const { model } = await loadMetadata(config.metadata, options.baseDir, options.models).catch(
    (error: unknown) => {
      throw new SystemConfigError(`${where}: ${(error as Error).message}`);
    },
  );
  if (model.version !== config.odataVersion) {
    throw new SystemConfigError(
      `${where}: odataVersion is ${config.odataVersion} but the metadata is OData ${model.version.toUpperCase()}`,
    );
  }
  const files = Object.fromEntries(
    Object.entries(config.data.files).map(([set, file]) => [set, resolveFile(file, options.baseDir)]),
  );
  for (const set of Object.keys(files)) {
    if (!model.entitySets.has(set))
      throw new SystemConfigError(`${where}: data file for unknown entity set ${set}`);
  }
  const hooks = await loadHooks(config.hooks ? resolveFile(config.hooks, options.baseDir) : undefined).catch(
    (error: unknown) => {
      throw new SystemConfigError(`${where}: cannot load hooks: ${(error as Error).message}`);
    },
  );
  const generate =
    config.data.generate ?? (Object.keys(files).length === 0 ? { seed: 1, rows: 20 } : undefined);
  const folderFor = (client: string): string | undefined =>
    options.dataDir ? path.join(options.dataDir, 'systems', system.id, config.name, client) : undefined;
  const service = new ODataService(
    config,
    model,
    defaultServicePath(config),
    { files, generate },
    folderFor,
    hooks,
  );
  service.defaultClient = system.clients[0] ?? '000';
  return service;
}

/**
 * What the first segment of a request path can name in a service, so what latencies and faults may
 * name: entity sets, function and action imports, $metadata and $batch. A name outside these would
 * never match a request; it is refused when the system starts instead of silently doing nothing.
 */
function requestTargets(model: EdmModel): Set<string> {
  return new Set([...model.entitySets.keys(), ...model.operations.keys(), '$metadata', '$batch']);
}

function listOf(names: Set<string>): string {
  const all = [...names];
  return `it has ${all.slice(0, 12).join(', ')}${all.length > 12 ? `, and ${all.length - 12} more` : ''}`;
}

function checkServiceBehaviour(where: string, config: ODataServiceConfig, model: EdmModel): void {
  const known = requestTargets(model);
  config.entitySetLatency.forEach(({ entitySet }, i) => {
    if (!known.has(entitySet))
      throw new SystemConfigError(
        `${where}: entitySetLatency[${i}] names ${entitySet}, which this service does not have (${listOf(known)})`,
      );
  });
  config.faults.forEach(({ entitySet }, i) => {
    if (entitySet !== undefined && !known.has(entitySet))
      throw new SystemConfigError(
        `${where}: faults[${i}].entitySet names ${entitySet}, which this service does not have (${listOf(known)})`,
      );
  });
}

/**
 * Latencies and faults against the loaded services: each service's own, and the system-wide faults,
 * whose entity set one of the services must have. Throws SystemConfigError naming the entry.
 */
export function checkBehaviour(system: SystemConfig, services: readonly ODataService[]): void {
  for (const config of system.services) {
    const service = services.find((s) => s.config.name === config.name);
    if (service) checkServiceBehaviour(`System ${system.id}, service ${config.name}`, config, service.model);
  }
  system.faults.forEach(({ entitySet }, i) => {
    if (entitySet === undefined) return;
    if (services.some((service) => requestTargets(service.model).has(entitySet))) return;
    throw new SystemConfigError(
      `System ${system.id}: faults[${i}].entitySet names ${entitySet}, which none of its OData services has` +
        (services.length === 0 ? ' (it has none)' : ''),
    );
  });
}
