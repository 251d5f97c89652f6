// Destinations and certificates in the workspace: lookups on the validated workspace, and changes to the
// raw workspace (as the user wrote it) that the engine then validates, saves and swaps in.
import { EmulatorError } from '../../app/errors.js';
import type { DestinationLevel } from '../../app/destination/api.js';
import type { Destination, Workspace, WorkspaceInput } from '../../app/workspace/schema.js';

export type Level = DestinationLevel;
export const LEVELS: readonly Level[] = ['subaccount', 'instance'];

export interface Certificate {
  Name: string;
  Type: string;
  Content: string;
}

export interface Found {
  level: Level;
  destination: Destination;
}

/** BTP's find order: the service instance's destinations first, then the subaccount's. */
export function findDestination(ws: Workspace, name: string): Found | undefined {
  for (const level of ['instance', 'subaccount'] as const) {
    const destination = ws.destinations[level].find((d) => d.Name === name);
    if (destination) return { level, destination };
  }
  return undefined;
}

/** A certificate for a destination of `level`: the same level first, then the subaccount. */
export function findCertificate(ws: Workspace, level: Level, name: string): Certificate | undefined {
  const { certificates } = ws.destinations;
  const own = level === 'instance' ? certificates.instance.find((c) => c.Name === name) : undefined;
  return own ?? certificates.subaccount.find((c) => c.Name === name);
}

type RawItem = Record<string, unknown>;
interface RawDestinations {
  subaccount?: RawItem[];
  instance?: RawItem[];
  certificates?: { subaccount?: RawItem[]; instance?: RawItem[] };
}

export type Collection = 'destinations' | 'certificates';

/** The raw list of a collection and level, created on first write so a minimal file stays minimal until then. */
function rawList(raw: WorkspaceInput, collection: Collection, level: Level): RawItem[] {
  const container = raw as { destinations?: RawDestinations };
  const destinations = (container.destinations ??= {});
  if (collection === 'destinations') return (destinations[level] ??= []);
  const certificates = (destinations.certificates ??= {});
  return (certificates[level] ??= []);
}

const noun = (collection: Collection): string =>
  collection === 'destinations' ? 'destination' : 'certificate';

export interface Write {
  collection: Collection;
  level: Level;
  /** create: must not exist; update: must exist; upsert: either. */
  mode: 'create' | 'update' | 'upsert';
  /** The name the item has now (for a rename); defaults to the item's Name. */
  currentName?: string;
  item: RawItem;
}

/** Applies writes in order to a copy of the raw workspace; a conflict throws before anything is saved. */
export function applyWrites(raw: WorkspaceInput, writes: readonly Write[]): WorkspaceInput {
  for (const w of writes) {
    const list = rawList(raw, w.collection, w.level);
    const name = String(w.item.Name);
    const current = w.currentName ?? name;
    const index = list.findIndex((d) => d.Name === current);
    if (index < 0 && w.mode === 'update') throw unknown(w.collection, w.level, current);
    if (w.mode === 'create' && index >= 0) throw exists(w.collection, w.level, name);
    if (current !== name && list.some((d) => d.Name === name)) throw exists(w.collection, w.level, name);
    if (index >= 0) list[index] = w.item;
    else list.push(w.item);
  }
  return raw;
}

export function applyDelete(
  raw: WorkspaceInput,
  collection: Collection,
  level: Level,
  name: string,
): WorkspaceInput {
  const list = rawList(raw, collection, level);
  const index = list.findIndex((d) => d.Name === name);
  if (index < 0) throw unknown(collection, level, name);
  list.splice(index, 1);
  return raw;
}

export function unknown(collection: Collection, level: Level, name: string): EmulatorError {
  return new EmulatorError('EMU_ERR_DESTINATION_UNKNOWN', `No ${level} ${noun(collection)} named "${name}".`);
}

function exists(collection: Collection, level: Level, name: string): EmulatorError {
  return new EmulatorError(
    'EMU_ERR_DESTINATION_EXISTS',
    `A ${level} ${noun(collection)} named "${name}" already exists.`,
  );
}
