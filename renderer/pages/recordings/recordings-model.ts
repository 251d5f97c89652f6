// Pure helpers of the Recordings page: labels, sizes, the timeline filter and pages, the Cloud Connector
// mappings that can be recorded, session names from file names, and the workspace edit for live.url.
import type { EntrySummary, RecordingMode } from '../../../app/recording/api.js';
import { liveSystemSchema, sessionName } from '../../../app/recording/workspace.js';
import type { Workspace } from '../../../app/workspace/schema.js';

export const MODE_LABELS: Record<RecordingMode, string> = {
  simulate: 'Simulated',
  live: 'Live',
  record: 'Recording',
  replay: 'Replaying',
};

export const ON_MISS_LABELS = {
  strict: 'Strict: an OData error naming the nearest recorded requests',
  simulate: 'Simulate: the simulated services answer',
  record: 'Record: pass through to the real system and add the exchange',
} as const;

export type OnMiss = keyof typeof ON_MISS_LABELS;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "read A_BusinessPartner", "batch", "metadata API_BUSINESS_PARTNER"; empty when not OData. */
export function odataLabel(entry: Pick<EntrySummary, 'odata'>): string {
  const odata = entry.odata;
  if (!odata) return '';
  const target = odata.entitySet ?? odata.service;
  return target ? `${odata.operation} ${target}` : odata.operation;
}

/** Path and query of a URL (what tells entries of one system apart); the URL itself when it does not parse. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** Every word of the filter must occur in the method, URL, status, OData operation, service, set or system. */
export function filterEntries(entries: readonly EntrySummary[], filter: string): EntrySummary[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = [
      entry.method,
      entry.url,
      safeDecode(entry.url),
      String(entry.status),
      entry.odata?.operation,
      entry.odata?.service,
      entry.odata?.entitySet,
      entry.system,
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const PAGE_SIZE = 100;

export interface PageInfo {
  page: number;
  pages: number;
  from: number;
  to: number;
}

/** The page clamped to what exists (a filter can shrink the list under the current page). */
export function pageInfo(total: number, requested: number, size = PAGE_SIZE): PageInfo {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(0, requested), pages - 1);
  return { page, pages, from: total === 0 ? 0 : page * size + 1, to: Math.min(total, (page + 1) * size) };
}

/** A Cloud Connector mapping that forwards to a real host (not `system:<id>`), which can be recorded. */
export interface RealHostMapping {
  location: string | null;
  virtualHost: string;
  virtualPort: number;
  target: string;
}

export function realHostMappings(ws: Workspace): RealHostMapping[] {
  return ws.cloudConnector.locations.flatMap((location) =>
    location.systemMappings
      .filter((m) => !m.internalHost.startsWith('system:') && m.protocol !== 'TCP')
      .map((m) => ({
        location: location.id ?? null,
        virtualHost: m.virtualHost,
        virtualPort: m.virtualPort,
        target: `${m.protocol.toLowerCase()}://${m.internalHost}${m.internalPort ? `:${m.internalPort}` : ''}`,
      })),
  );
}

/** A valid session name from a file name ("My trace (2).har" → "My_trace_2"), or '' when nothing is left. */
export function sessionNameFromFile(fileName: string): string {
  const base = fileName.replace(/\.(har|json)$/i, '');
  const cleaned = base
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/_+$/, '')
    .slice(0, 128);
  return cleaned;
}

/** The schema's message for a session name the engine would refuse; null when it is fine. */
export function sessionNameProblem(name: string): string | null {
  const parsed = sessionName.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a valid session name');
}

export function liveUrlProblem(url: string): string | null {
  const parsed = liveSystemSchema.shape.url.safeParse(url);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a valid URL');
}

export const sameUrl = (a: string | null, b: string): boolean =>
  a !== null && a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

/** The workspace with live.url (and trust) of a system set; its other live settings stay. */
export function withLiveUrl(
  ws: Workspace,
  system: string,
  url: string,
  trust: 'verify' | 'ignore',
): Workspace {
  return {
    ...ws,
    systems: ws.systems.map((s) =>
      s.id === system
        ? {
            ...s,
            recording: {
              ...s.recording,
              live: { timeoutMs: 60_000, ...s.recording.live, url, trust },
            },
          }
        : s,
    ),
  };
}
