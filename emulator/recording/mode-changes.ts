// The workspace changes behind the mode routes (record, stop, replay, record a mapping). Each checks
// against the running workspace first, so a refusal names the field and the fix instead of surfacing as
// a schema error, then edits the workspace as the user wrote it (ctx.replaceWorkspace).
import { EmulatorError, type ErrorIssue } from '../../app/errors.js';
import type { z } from 'zod';
import type { systemRecordingSchema } from '../../app/recording/workspace.js';
import type { SystemConfig } from '../../app/systems/workspace.js';
import type { Workspace, WorkspaceInput } from '../../app/workspace/schema.js';

type RecordingInput = z.input<typeof systemRecordingSchema>;
type SystemInput = NonNullable<WorkspaceInput['systems']>[number];

export const bad = (message: string, issues: ErrorIssue[] = []): EmulatorError =>
  new EmulatorError('EMU_ERR_ADMIN_BAD_REQUEST', message, { issues });

export function findSystem(ws: Workspace, id: string): SystemConfig {
  const system = ws.systems.find((s) => s.id === id);
  if (system) return system;
  const known = ws.systems.map((s) => s.id).join(', ') || 'none';
  throw new EmulatorError(
    'EMU_ERR_SYSTEM_NOT_FOUND',
    `No system "${id}" in the workspace (systems: ${known}).`,
  );
}

/** `<system>-<yyyymmdd-hhmmss>`, a valid session name whatever characters the system id has. */
export function defaultSessionName(systemId: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = systemId.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `${/^[A-Za-z0-9]/.test(base) ? base : `s${base}`}-${stamp}`;
}

/** Changes one system's recording settings in the raw workspace. */
export function changeRecording(
  raw: WorkspaceInput,
  id: string,
  change: (recording: RecordingInput) => RecordingInput,
): WorkspaceInput {
  const system = raw.systems?.find((s) => s.id === id);
  if (!system)
    throw new EmulatorError(
      'EMU_ERR_SYSTEM_NOT_FOUND',
      `System "${id}" was removed from the workspace meanwhile.`,
    );
  system.recording = change({ ...system.recording });
  return raw;
}

export function requireLive(ws: Workspace, system: SystemConfig, what: string): void {
  if (system.recording.live) return;
  throw bad(
    `System "${system.id}" has no recording.live.url, which ${what} needs: set the URL of the real system it stands for (PUT /api/workspace), or record a Cloud Connector mapping (POST /api/recordings/mappings/record).`,
    [{ path: `$.systems[${ws.systems.indexOf(system)}].recording.live.url`, message: 'required' }],
  );
}

export interface MappingTarget {
  location: string | null;
  virtualHost: string;
  virtualPort: number;
}

const sameMapping =
  (target: MappingTarget) =>
  (m: { virtualHost: string; virtualPort: number }): boolean =>
    m.virtualHost.toLowerCase() === target.virtualHost.toLowerCase() && m.virtualPort === target.virtualPort;

/**
 * A system that stands for the real host of a mapping, recording it, and the mapping pointed at it.
 * Returns the new system's id and the change to apply.
 */
export function recordMappingChange(
  ws: Workspace,
  target: MappingTarget,
  session: string | undefined,
): { id: string; mutate: (raw: WorkspaceInput) => WorkspaceInput } {
  const where = target.location === null ? 'the default location' : `location "${target.location}"`;
  const location = ws.cloudConnector.locations.find((l) => (l.id ?? null) === target.location);
  if (!location) {
    const known = ws.cloudConnector.locations.map((l) => l.id ?? '(default)').join(', ') || 'none';
    throw bad(`No Cloud Connector ${where} (locations: ${known}).`, [
      { path: '$.location', message: 'unknown location' },
    ]);
  }
  const mapping = location.systemMappings.find(sameMapping(target));
  if (!mapping) {
    const known =
      location.systemMappings.map((m) => `${m.virtualHost}:${m.virtualPort}`).join(', ') || 'none';
    throw bad(
      `No system mapping ${target.virtualHost}:${target.virtualPort} in ${where} (mappings: ${known}).`,
      [{ path: '$.virtualHost', message: 'no such mapping' }],
    );
  }
  const label = `${mapping.virtualHost}:${mapping.virtualPort}`;
  if (mapping.internalHost.startsWith('system:')) {
    const id = mapping.internalHost.slice('system:'.length);
    throw bad(
      `The mapping ${label} already points to the emulator's system "${id}", not to a real host: record that system instead (POST /api/recordings/systems/${encodeURIComponent(id)}/record).`,
    );
  }
  if (mapping.protocol === 'TCP')
    throw bad(
      `The mapping ${label} is a TCP mapping (SOCKS5); only HTTP and HTTPS mappings can be recorded.`,
    );
  const scheme = mapping.protocol === 'HTTPS' ? 'https' : 'http';
  const url = `${scheme}://${mapping.internalHost}:${mapping.internalPort}`;
  const id = uniqueId(ws, mapping.virtualHost);
  const system: SystemInput = {
    id,
    description: `Stands for ${url}, the real host of Cloud Connector mapping ${label}.`,
    recording: {
      mode: 'record',
      session: session ?? defaultSessionName(id),
      live: { url, trust: mapping.backendTrust },
    },
  };
  const mutate = (raw: WorkspaceInput): WorkspaceInput => {
    const rawLocation = raw.cloudConnector?.locations?.find((l) => (l.id ?? null) === target.location);
    const rawMapping = rawLocation?.systemMappings?.find(sameMapping(target));
    if (!rawMapping) throw bad(`The mapping ${label} was removed from the workspace meanwhile.`);
    rawMapping.internalHost = `system:${id}`;
    // A system mapping takes the system's own port; a leftover internal port would win over it.
    delete rawMapping.internalPort;
    raw.systems = [...(raw.systems ?? []), system];
    return raw;
  };
  return { id, mutate };
}

function uniqueId(ws: Workspace, host: string): string {
  const taken = new Set(ws.systems.map((s) => s.id));
  const base = host.slice(0, 120);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
