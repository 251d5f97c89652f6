// POST /api/systems/:system/services: an EDMX becomes a service of a system. The EDMX is checked with the
// engine's own parser first (so what is saved can be served), saved as services/<name>.edmx next to the
// workspace file (in the data folder for the built-in demo, which has no file), and the service is
// added through the workspace like any other change: validated, saved, and the system restarted with it.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { EmulatorError } from '../../app/errors.js';
import type { ImportServiceResponse } from '../../app/systems/api.js';
import type { importServiceRequestSchema } from '../../app/systems/api.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import type { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-file.js';
import type { EngineContext } from '../core/plugin.js';
import { EdmxError } from './edm/edmx-error.js';
import type { EdmModel } from './edm/model.js';
import { parseEdmx } from './edm/parse-edmx.js';
import type { MetadataCache } from './system-loader.js';

type ImportRequest = z.output<typeof importServiceRequestSchema>;

/** The parsed EDMX, or EMU_ERR_EDMX_INVALID naming the line and element to fix. */
export function readEdmx(xml: string): EdmModel {
  try {
    return parseEdmx(xml);
  } catch (error) {
    if (error instanceof EdmxError)
      throw new EmulatorError('EMU_ERR_EDMX_INVALID', `The EDMX cannot be served: ${error.message}`);
    throw error;
  }
}

/** A file name for the service: its name with anything but letters, digits, `_ . -` replaced. */
export const edmxFileName = (service: string): string =>
  `${service.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_')}.edmx`;

export async function importService(
  ctx: EngineContext,
  systemId: string,
  request: ImportRequest,
  summary: () => ImportServiceResponse['system'] | undefined,
  models?: MetadataCache,
): Promise<ImportServiceResponse> {
  const system = ctx.workspace().systems.find((s) => s.id === systemId);
  if (!system) throw new EmulatorError('EMU_ERR_SYSTEM_NOT_FOUND', `The workspace has no system ${systemId}`);
  if (system.services.some((s) => s.name === request.name))
    throw new EmulatorError(
      'EMU_ERR_SERVICE_EXISTS',
      `System ${systemId} already has a service ${request.name}`,
    );
  // Parsed once (by the inspection before, or here): the system's restart below takes this model
  // instead of parsing the file again.
  const model = models?.takeInspected(request.xml) ?? readEdmx(request.xml);
  if (request.odataVersion && request.odataVersion !== model.version)
    throw new EmulatorError(
      'EMU_ERR_EDMX_INVALID',
      `The EDMX is OData ${model.version.toUpperCase()}, not ${request.odataVersion.toUpperCase()} (edmx:Edmx Version)`,
    );
  const workspaceFile = ctx.workspacePath();
  const folder = path.join(workspaceFile ? path.dirname(workspaceFile) : ctx.dataDir, 'services');
  const file = path.join(folder, edmxFileName(request.name));
  const created = await saveEdmx(file, request.xml);
  await models?.remember(file, request.xml, model);
  const metadata = workspaceFile
    ? path.relative(path.dirname(workspaceFile), file).split(path.sep).join('/')
    : file;
  const service = {
    name: request.name,
    odataVersion: model.version,
    metadata,
    ...(request.generate ? { data: { generate: request.generate } } : {}),
  };
  try {
    await ctx.replaceWorkspace((raw) => withService(raw, systemId, service));
  } catch (error) {
    if (created) await rm(file, { force: true });
    models?.forget(file);
    throw error;
  }
  const after = summary();
  if (!after) throw new EmulatorError('EMU_ERR_SYSTEM_NOT_FOUND', `System ${systemId} is not running`);
  ctx.log(
    'info',
    `Service ${request.name} (OData ${model.version.toUpperCase()}) added to system ${systemId} from ${file}`,
  );
  return { file, metadata, system: after };
}

/** Writes the EDMX (atomically); an existing file is reused only when it holds the same EDMX. */
async function saveEdmx(file: string, xml: string): Promise<boolean> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined) {
    if (existing === xml) return false;
    throw new EmulatorError(
      'EMU_ERR_SERVICE_EXISTS',
      `${file} already exists with another EDMX (another system's service?); choose another service name`,
    );
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, xml);
  return true;
}

function withService(
  raw: WorkspaceInput,
  systemId: string,
  service: { name: string; odataVersion: 'v2' | 'v4'; metadata: string },
): WorkspaceInput {
  const systems = (raw.systems ?? []).map((s) =>
    s.id === systemId ? { ...s, services: [...(s.services ?? []), service] } : s,
  );
  return { ...raw, systems };
}
