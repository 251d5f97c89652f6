// Pure helpers of the Systems page: form text ↔ OData values by EDM type, and the workspace edits
// for latency and faults of a system or one of its services.
import type { EntitySetSummary } from '../../../app/systems/api.js';
import type {
  EntitySetLatencyConfig,
  FaultConfig,
  LatencyConfig,
  Workspace,
} from '../../../app/workspace/schema.js';

export type Property = EntitySetSummary['properties'][number];

const NUMERIC = new Set([
  'Edm.Byte',
  'Edm.SByte',
  'Edm.Int16',
  'Edm.Int32',
  'Edm.Int64',
  'Edm.Decimal',
  'Edm.Double',
  'Edm.Single',
]);

/** The text an input shows for a value. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Form text → the JSON value the engine expects for the property, or an error in words. */
export function fromText(
  property: Property,
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text === '') {
    if (property.type === 'Edm.String') return { ok: true, value: '' };
    return property.nullable
      ? { ok: true, value: null }
      : { ok: false, error: `${property.name} is required` };
  }
  if (property.type === 'Edm.Boolean') {
    if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
    return { ok: false, error: `${property.name} is true or false` };
  }
  if (NUMERIC.has(property.type)) {
    const value = Number(text);
    if (!Number.isFinite(value)) return { ok: false, error: `${property.name} is a number` };
    return { ok: true, value };
  }
  return { ok: true, value: text };
}

/** The values of `texts` that differ from `row`, converted; or the first problem. */
export function changedValues(
  properties: readonly Property[],
  row: Record<string, unknown>,
  texts: Record<string, string>,
): { ok: true; values: Record<string, unknown> } | { ok: false; error: string } {
  const values: Record<string, unknown> = {};
  for (const property of properties) {
    const text = texts[property.name];
    if (text === undefined || text === toText(row[property.name])) continue;
    const parsed = fromText(property, text);
    if (!parsed.ok) return parsed;
    values[property.name] = parsed.value;
  }
  return { ok: true, values };
}

export function keyOf(set: EntitySetSummary, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(set.keys.map((key) => [key, row[key]]));
}

export function keyLabel(set: EntitySetSummary, row: Record<string, unknown>): string {
  return set.keys.map((key) => toText(row[key])).join(', ');
}

/**
 * Latency and faults of a system (service undefined) or of one of its services; a service also has
 * latency per entity set and whether updates and deletes must send If-Match.
 */
export interface Tuning {
  latency?: LatencyConfig;
  faults: FaultConfig[];
  entitySetLatency?: EntitySetLatencyConfig[];
  requireIfMatch?: boolean;
}

export function tuningOf(ws: Workspace, system: string, service?: string): Tuning | null {
  const sys = ws.systems.find((s) => s.id === system);
  if (!sys) return null;
  if (service === undefined) return { latency: sys.latency, faults: sys.faults };
  const target = sys.services.find((s) => s.name === service);
  return target
    ? {
        latency: target.latency,
        faults: target.faults,
        entitySetLatency: target.entitySetLatency,
        requireIfMatch: target.requireIfMatch,
      }
    : null;
}

export function withTuning(
  ws: Workspace,
  system: string,
  service: string | undefined,
  tuning: Tuning,
): Workspace {
  const apply = <T extends { latency?: LatencyConfig; faults: FaultConfig[] }>(target: T): T => {
    const { latency: _drop, ...rest } = target;
    return { ...rest, faults: tuning.faults, ...(tuning.latency ? { latency: tuning.latency } : {}) } as T;
  };
  const forService = <T extends Workspace['systems'][number]['services'][number]>(target: T): T => ({
    ...apply(target),
    entitySetLatency: tuning.entitySetLatency ?? target.entitySetLatency,
    requireIfMatch: tuning.requireIfMatch ?? target.requireIfMatch,
  });
  return {
    ...ws,
    systems: ws.systems.map((s) => {
      if (s.id !== system) return s;
      if (service === undefined) return apply(s);
      return { ...s, services: s.services.map((v) => (v.name === service ? forService(v) : v)) };
    }),
  };
}

export function describeLatency(latency: LatencyConfig | undefined): string {
  if (!latency) return 'none';
  if (latency.distribution === 'fixed') return `${latency.ms} ms`;
  if (latency.distribution === 'uniform') return `${latency.minMs}–${latency.maxMs} ms (uniform)`;
  return `${latency.meanMs} ± ${latency.stdDevMs} ms (normal)`;
}

export function describeSetLatency(latency: EntitySetLatencyConfig): string {
  return `${latency.entitySet}: ${describeLatency(latency)}`;
}

export function describeFault(fault: FaultConfig): string {
  const when =
    fault.sequence !== undefined
      ? `requests ${fault.sequence.join(', ')}`
      : `${Math.round((fault.rate ?? 0) * 100)}% of requests`;
  const scope = [fault.methods?.join('/'), fault.entitySet].filter(Boolean).join(' ');
  const what = fault.kind === 'error' ? `${fault.status} ${fault.message}` : fault.kind;
  return `${what}: ${when}${scope ? ` to ${scope}` : ''}`;
}
