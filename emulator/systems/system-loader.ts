// Workspace system config → ready ODataService instances: metadata parsed (builtin or file), data
// sources resolved against the workspace folder, hooks loaded. Problems name the service and file.
import { readFile } from 'node:fs/promises';
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
}

export async function loadMetadata(
  reference: string,
  baseDir: string | null,
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
      xml = await readFile(file, 'utf8');
    } catch (error) {
      throw new SystemConfigError(`Cannot read metadata file ${file}: ${(error as Error).message}`);
    }
  }
  try {
    return { xml, model: parseEdmx(xml) };
  } catch (error) {
    if (error instanceof EdmxError) throw new SystemConfigError(`Metadata ${reference}: ${error.message}`);
    throw error;
  }
}

export async function loadService(
  system: SystemConfig,
  config: ODataServiceConfig,
  options: LoadOptions,
): Promise<ODataService> {
  const where = `System ${system.id}, service ${config.name}`;
  const { model } = await loadMetadata(config.metadata, options.baseDir).catch((error: unknown) => {
    throw new SystemConfigError(`${where}: ${(error as Error).message}`);
  });
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
