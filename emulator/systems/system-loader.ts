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
