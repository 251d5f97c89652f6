// Edits of the Cloud Connector part of the workspace as pure functions: the page applies one, sends
// the whole workspace (PUT /api/workspace) and the engine validates it with the one schema.
import type { z } from 'zod';
import type { Location, Resource, SystemMapping, Workspace } from '../../../app/workspace/schema.js';
import { resourceSchema, systemMappingSchema } from '../../../app/workspace/schema.js';

export type CloudConnector = Workspace['cloudConnector'];

export const locationLabel = (l: Pick<Location, 'id'>): string =>
  l.id === undefined ? 'Default location (no id)' : `Location "${l.id}"`;

function withLocation(cc: CloudConnector, index: number, change: (l: Location) => Location): CloudConnector {
  return { ...cc, locations: cc.locations.map((l, i) => (i === index ? change(l) : l)) };
}

export const setConnected = (cc: CloudConnector, li: number, connected: boolean): CloudConnector =>
  withLocation(cc, li, (l) => ({ ...l, connected }));

export const addLocation = (cc: CloudConnector, id: string | undefined): CloudConnector => ({
  ...cc,
  locations: [
    ...cc.locations,
    {
      ...(id ? { id } : {}),
      connected: true,
      principalPropagation: { subjectPattern: 'CN=${name}' },
      systemMappings: [],
    },
  ],
});

export const removeLocation = (cc: CloudConnector, li: number): CloudConnector => ({
  ...cc,
  locations: cc.locations.filter((_, i) => i !== li),
});

export const addMapping = (cc: CloudConnector, li: number, mapping: SystemMapping): CloudConnector =>
  withLocation(cc, li, (l) => ({ ...l, systemMappings: [...l.systemMappings, mapping] }));

export const removeMapping = (cc: CloudConnector, li: number, mi: number): CloudConnector =>
  withLocation(cc, li, (l) => ({ ...l, systemMappings: l.systemMappings.filter((_, i) => i !== mi) }));

function withMapping(
  cc: CloudConnector,
  li: number,
  mi: number,
  change: (m: SystemMapping) => SystemMapping,
): CloudConnector {
  return withLocation(cc, li, (l) => ({
    ...l,
    systemMappings: l.systemMappings.map((m, i) => (i === mi ? change(m) : m)),
  }));
}

export const addResource = (cc: CloudConnector, li: number, mi: number, resource: Resource): CloudConnector =>
  withMapping(cc, li, mi, (m) => ({ ...m, resources: [...m.resources, resource] }));

export const removeResource = (cc: CloudConnector, li: number, mi: number, ri: number): CloudConnector =>
  withMapping(cc, li, mi, (m) => ({ ...m, resources: m.resources.filter((_, i) => i !== ri) }));

export const setResourceEnabled = (
  cc: CloudConnector,
  li: number,
  mi: number,
  ri: number,
  enabled: boolean,
): CloudConnector =>
  withMapping(cc, li, mi, (m) => ({
    ...m,
    resources: m.resources.map((r, i) => (i === ri ? { ...r, enabled } : r)),
  }));

export interface MappingForm {
  virtualHost: string;
  virtualPort: string;
  internalHost: string;
  internalPort: string;
  protocol: SystemMapping['protocol'];
  backendTrust: SystemMapping['backendTrust'];
  hostInHeader: SystemMapping['hostInHeader'];
  principalType: SystemMapping['principalType'];
}

export const emptyMappingForm = (): MappingForm => ({
  virtualHost: '',
  virtualPort: '',
  internalHost: '',
  internalPort: '',
  protocol: 'HTTP',
  backendTrust: 'verify',
  hostInHeader: 'virtual',
  principalType: 'None',
});

/** Field → message, from the same schema the engine validates with. */
export type FieldErrors = Record<string, string>;

function errorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? 'form')] ??= issue.message;
  return out;
}

const toPort = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

export function parseMappingForm(
  form: MappingForm,
): { ok: true; mapping: SystemMapping } | { ok: false; errors: FieldErrors } {
  const parsed = systemMappingSchema.safeParse({
    ...form,
    virtualHost: form.virtualHost.trim(),
    internalHost: form.internalHost.trim(),
    virtualPort: toPort(form.virtualPort),
    internalPort: toPort(form.internalPort),
  });
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  if (!parsed.data.internalHost.startsWith('system:') && parsed.data.internalPort === undefined)
    return { ok: false, errors: { internalPort: 'required for a real host' } };
  return { ok: true, mapping: parsed.data };
}

export function parseResource(
  path: string,
  mode: Resource['mode'],
  websocket: boolean,
): { ok: true; resource: Resource } | { ok: false; errors: FieldErrors } {
  const parsed = resourceSchema.safeParse({ path: path.trim(), mode, websocket, enabled: true });
  return parsed.success ? { ok: true, resource: parsed.data } : { ok: false, errors: errorsOf(parsed.error) };
}
