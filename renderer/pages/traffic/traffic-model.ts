// What the Traffic list shows per exchange, derived from the typed entries of the admin API.
import type { TrafficEntry, TrafficQuery } from '../../../app/connectivity/api.js';

export interface TrafficRow {
  id: string;
  at: string;
  kind: 'HTTP' | 'SOCKS5';
  what: string;
  status: string;
  location: string;
  allowed: boolean;
  reason: string;
  ms: number;
}

export function toRow(entry: TrafficEntry): TrafficRow {
  const common = {
    id: entry.id,
    at: entry.at,
    location: entry.location ?? 'default',
    allowed: entry.decision.allowed,
    reason: entry.decision.reason,
    ms: entry.timings.totalMs,
  };
  return entry.type === 'proxy-request'
    ? { ...common, kind: 'HTTP', what: `${entry.method} ${entry.url}`, status: String(entry.status) }
    : { ...common, kind: 'SOCKS5', what: `CONNECT ${entry.destination}`, status: `reply ${entry.reply}` };
}

/** The same filter the engine applies, for entries that arrive live on the event stream. */
export function matches(entry: TrafficEntry, query: TrafficQuery): boolean {
  if (query.kind === 'http' && entry.type !== 'proxy-request') return false;
  if (query.kind === 'socks' && entry.type !== 'socks-connection') return false;
  if (query.outcome !== undefined && entry.decision.allowed !== (query.outcome === 'allowed')) return false;
  if (
    query.location !== undefined &&
    query.location !== '' &&
    (entry.location ?? 'default') !== query.location
  )
    return false;
  const q = query.q?.toLowerCase() ?? '';
  if (q === '') return true;
  const row = toRow(entry);
  return `${row.what} ${row.status}`.toLowerCase().includes(q) || row.reason.toLowerCase().includes(q);
}

export const LIVE_LIMIT = 200;

/** Newest first, at most LIVE_LIMIT, no duplicates. */
export function prepend(entries: readonly TrafficEntry[], entry: TrafficEntry): TrafficEntry[] {
  if (entries.some((e) => e.id === entry.id)) return [...entries];
  return [entry, ...entries].slice(0, LIVE_LIMIT);
}
