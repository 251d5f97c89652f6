// Recording settings given for one run (`btp-emulator record|replay`): laid over the workspace as
// loaded and validated with it, but never written to the workspace file. A later save (UI, admin API,
// a plug-in) writes the file's own settings back for an overridden system, unless that save changed the
// system's recording itself: then the change is the user's, is saved, and the override ends.
import { isDeepStrictEqual } from 'node:util';
import { EmulatorError } from '../../app/errors.js';
import type { SystemRecordingConfig } from '../../app/recording/workspace.js';
import { checkWorkspace, type ParsedWorkspace } from '../../app/workspace/parse.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import type { RecordingOverrides } from '../types.js';
import type { LoadedWorkspace } from './workspace-store.js';

interface RawSystems {
  systems?: { id?: unknown; recording?: unknown }[];
}

interface Layer {
  /** The recording settings as the file has them (undefined: absent). */
  original: unknown;
  /** The settings in force for this run, defaults filled in. */
  applied: SystemRecordingConfig | undefined;
}

export class RunOverrides {
  private readonly layers = new Map<string, Layer>();

  constructor(private readonly overrides: RecordingOverrides = {}) {}

  /** The workspace with the overrides applied; an unknown system or an invalid result throws. */
  apply(loaded: LoadedWorkspace): LoadedWorkspace {
    const entries = Object.entries(this.overrides);
    if (entries.length === 0) return loaded;
    const raw = structuredClone(loaded.raw) as RawSystems;
    for (const [id, recording] of entries) {
      const system = raw.systems?.find((s) => s.id === id);
      if (!system) {
        const known = raw.systems?.map((s) => String(s.id)).join(', ') || 'none';
        const where = loaded.summary.path ?? 'the built-in demo workspace';
        throw new EmulatorError(
          'EMU_ERR_SYSTEM_NOT_FOUND',
          `No system "${id}" in ${where} (systems: ${known}).`,
        );
      }
      this.layers.set(id, { original: structuredClone(system.recording), applied: undefined });
      system.recording = structuredClone(recording);
    }
    const file = loaded.summary.path;
    const parsed = checkWorkspace(raw, file === null ? {} : { file });
    for (const [id, layer] of this.layers)
      layer.applied = parsed.workspace.systems.find((s) => s.id === id)?.recording;
    return { workspace: parsed.workspace, raw: parsed.raw as WorkspaceInput, summary: loaded.summary };
  }

  /**
   * What to write to the file for a new workspace, and `commit` to call once it is written (it ends
   * the overrides the new workspace changed).
   */
  forSave(parsed: ParsedWorkspace): { raw: unknown; commit: () => void } {
    if (this.layers.size === 0) return { raw: parsed.raw, commit: () => undefined };
    const raw = structuredClone(parsed.raw) as RawSystems;
    const ended: string[] = [];
    for (const [id, layer] of this.layers) {
      const index = parsed.workspace.systems.findIndex((s) => s.id === id);
      const system = raw.systems?.[index];
      if (
        index < 0 ||
        !system ||
        !isDeepStrictEqual(parsed.workspace.systems[index]!.recording, layer.applied)
      ) {
        ended.push(id);
        continue;
      }
      if (layer.original === undefined) delete system.recording;
      else system.recording = structuredClone(layer.original);
    }
    return {
      raw,
      commit: () => {
        for (const id of ended) this.layers.delete(id);
      },
    };
  }
}
