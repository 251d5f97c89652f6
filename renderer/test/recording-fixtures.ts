// A fake of the engine's recording admin API (app/recording/api.ts) for the Recordings page tests: it
// keeps state like the engine (modes change, sessions appear and go), records every write request, and
// can be told to fail a route with an engine error body.
import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  RECORDING_ROUTES,
  type EntrySummary,
  type Miss,
  type SessionSummary,
  type SystemRecordingState,
} from '../../app/recording/api.js';
import { AT, BASE_URL } from './engine-fixtures.js';
import { errorBody } from './xsuaa-fixtures.js';

type RouteName = keyof typeof RECORDING_ROUTES;

export interface SeenRequest {
  route: RouteName;
  params: Record<string, string>;
  body: unknown;
}

const BP = '/sap/opu/odata/sap/API_BUSINESS_PARTNER';

export function systemState(
  system: string,
  overrides: Partial<SystemRecordingState> = {},
): SystemRecordingState {
  return {
    system,
    mode: 'simulate',
    liveUrl: null,
    session: null,
    replaySessions: [],
    onMiss: 'strict',
    recorded: 0,
    hits: 0,
    misses: 0,
    ...overrides,
  };
}

export function sessionSummary(name: string, overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    name,
    entries: 0,
    bytes: 0,
    created: AT,
    modified: AT,
    systems: [],
    recording: false,
    replayedBy: [],
    ...overrides,
  };
}

/** Entry i of a session of system ERP: reads of A_BusinessPartner, every 10th a create, every 25th a $batch. */
export function entrySummary(index: number, overrides: Partial<EntrySummary> = {}): EntrySummary {
  const create = index % 10 === 9;
  const batch = index % 25 === 24;
  return {
    index,
    startedDateTime: new Date(Date.parse(AT) + index * 1000).toISOString(),
    method: create || batch ? 'POST' : 'GET',
    url: batch
      ? `http://erp.virtual:8000${BP}/$batch`
      : `http://erp.virtual:8000${BP}/A_BusinessPartner${create ? '' : `('${1000000 + index}')`}`,
    status: create ? 201 : batch ? 202 : 200,
    timeMs: 12.4,
    system: 'ERP',
    location: null,
    odata: {
      service: 'API_BUSINESS_PARTNER',
      entitySet: batch ? null : 'A_BusinessPartner',
      operation: batch ? 'batch' : create ? 'create' : 'read',
    },
    replayKey: `GET ${BP}/A_BusinessPartner('${1000000 + index}')`,
    served: 0,
    ...overrides,
  };
}

/** A stored HAR entry as the engine writes it: secrets redacted, emulator fields prefixed with _. */
export function harEntry(index: number): Record<string, unknown> {
  const summary = entrySummary(index);
  return {
    startedDateTime: summary.startedDateTime,
    time: 12.4,
    request: {
      method: 'GET',
      url: summary.url,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'accept', value: 'application/json' },
        { name: 'authorization', value: '[redacted]' },
        { name: 'cookie', value: 'SAP_SESSIONID=[redacted]; sap-usercontext=sap-client=100' },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'content-type', value: 'application/json' },
        { name: 'x-csrf-token', value: '[redacted]' },
      ],
      cookies: [],
      content: {
        size: 80,
        mimeType: 'application/json',
        text: JSON.stringify({ d: { BusinessPartner: String(1000000 + index), LastName: 'Smith' } }),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: 80,
    },
    cache: {},
    timings: { send: 0, wait: 12, receive: 0 },
    _system: 'ERP',
    _location: null,
    _destination: 'ERP_DEST',
    _odata: summary.odata,
    _replayKey: summary.replayKey,
  };
}

export const MISS: Miss = {
  at: AT,
  method: 'GET',
  url: `http://erp.virtual:8000${BP}/A_BusinessPartner('9999')`,
  request: `GET ${BP}/A_BusinessPartner('9999')`,
  candidates: [
    {
      session: 'erp-1',
      index: 0,
      request: `GET ${BP}/A_BusinessPartner('1000000')`,
      differences: [
        {
          what: 'path',
          detail: `path ${BP}/A_BusinessPartner('9999'), recorded ${BP}/A_BusinessPartner('1000000')`,
        },
        { what: 'header', detail: 'header accept is application/xml, recorded application/json' },
      ],
    },
  ],
};

export class FakeRecordingApi {
  systems: SystemRecordingState[] = [
    systemState('S4D'),
    systemState('ERP', { mode: 'live', liveUrl: 'http://127.0.0.1:8000' }),
  ];
  sessions: SessionSummary[] = [
    sessionSummary('erp-1', { entries: 3, bytes: 5120, systems: ['ERP'] }),
    sessionSummary('broken', { error: 'Unexpected end of JSON input in /data/recordings/broken.har' }),
  ];
  entries = new Map<string, EntrySummary[]>([['erp-1', [0, 1, 2].map((i) => entrySummary(i))]]);
  misses = new Map<string, Miss[]>();
  readonly seen: SeenRequest[] = [];
  readonly #failures = new Map<RouteName, { status: number; body: unknown }>();

  /** The next request to `route` gets this engine error. */
  fail(route: RouteName, status: number, code: string, message: string): void {
    this.#failures.set(route, { status, body: errorBody(code, message) });
  }

  writes(route: RouteName): SeenRequest[] {
    return this.seen.filter((r) => r.route === route);
  }

  handlers(): HttpHandler[] {
    const on = (
      route: RouteName,
      answer: (params: Record<string, string>, body: unknown) => Response | Promise<Response>,
    ): HttpHandler => {
      const { method, path } = RECORDING_ROUTES[route];
      const verb = method.toLowerCase() as 'get' | 'post' | 'delete';
      return http[verb](`${BASE_URL}${path}`, async ({ request, params }) => {
        const text = method === 'GET' ? '' : await request.text();
        const body: unknown = text === '' ? undefined : JSON.parse(text);
        const values = params as Record<string, string>;
        this.seen.push({ route, params: values, body });
        const failure = this.#failures.get(route);
        if (failure) {
          this.#failures.delete(route);
          return HttpResponse.json(failure.body as object, { status: failure.status });
        }
        return answer(values, body);
      });
    };
    return [
      on('overview', () => HttpResponse.json({ sessions: this.sessions, systems: this.systems })),
      on('session', ({ session }) => this.#session(session!)),
      on('entry', ({ index }) => HttpResponse.json({ index: Number(index), entry: harEntry(Number(index)) })),
      on('deleteSession', ({ session }) => {
        this.sessions = this.sessions.filter((s) => s.name !== session);
        return new HttpResponse(null, { status: 204 });
      }),
      on('exportSession', ({ session }) =>
        HttpResponse.text(
          JSON.stringify({ log: { version: '1.2', entries: [harEntry(0)], _session: session } }),
        ),
      ),
      on('importSession', (_params, body) => this.#import(body as { name: string; har: unknown })),
      on('toDataFiles', () =>
        HttpResponse.json({
          files: [
            {
              entitySet: 'A_BusinessPartner',
              path: 'data/API_BUSINESS_PARTNER/A_BusinessPartner.json',
              rows: 3,
            },
          ],
        }),
      ),
      on('startRecording', ({ system }, body) => {
        const session = (body as { session?: string }).session ?? `${system}-20260101-100000`;
        if (!this.sessions.some((s) => s.name === session))
          this.sessions = [
            ...this.sessions,
            sessionSummary(session, { systems: [system!], recording: true }),
          ];
        this.entries.set(session, this.entries.get(session) ?? []);
        this.#setState(system!, { mode: 'record', session, recorded: 0 });
        return HttpResponse.json(this.systems.find((s) => s.system === system));
      }),
      on('stop', ({ system }) => {
        const state = this.systems.find((s) => s.system === system)!;
        this.#setState(system!, { mode: state.liveUrl ? 'live' : 'simulate', session: null });
        return HttpResponse.json(this.systems.find((s) => s.system === system));
      }),
      on('startReplay', ({ system }, body) => {
        const { sessions, onMiss } = body as { sessions: string[]; onMiss: SystemRecordingState['onMiss'] };
        this.#setState(system!, { mode: 'replay', replaySessions: sessions, onMiss, hits: 0, misses: 0 });
        return HttpResponse.json(this.systems.find((s) => s.system === system));
      }),
      on('misses', ({ system }) => HttpResponse.json({ misses: this.misses.get(system!) ?? [] })),
      on('recordMapping', (_params, body) => {
        const { session } = body as { session?: string };
        const state = systemState('erp.real', { mode: 'record', session: session ?? 'erp.real-1' });
        this.systems = [...this.systems, state];
        return HttpResponse.json(state);
      }),
    ];
  }

  #setState(system: string, patch: Partial<SystemRecordingState>): void {
    this.systems = this.systems.map((s) => (s.system === system ? { ...s, ...patch } : s));
  }

  #session(name: string): Response {
    const entries = this.entries.get(name);
    if (!entries)
      return HttpResponse.json(
        errorBody('EMU_ERR_SESSION_NOT_FOUND', `No session ${name} in the data folder`),
        {
          status: 404,
        },
      );
    return HttpResponse.json({ name, entries });
  }

  #import({ name, har }: { name: string; har: unknown }): Response {
    const entries = (har as { log?: { entries?: unknown[] } }).log?.entries ?? [];
    const skipped = entries.flatMap((e, index) =>
      (e as { request?: { url?: string } }).request?.url?.startsWith('http')
        ? []
        : [{ index, reason: 'request.url is not an http(s) URL' }],
    );
    this.sessions = [...this.sessions, sessionSummary(name, { entries: entries.length - skipped.length })];
    return HttpResponse.json({ name, imported: entries.length - skipped.length, skipped });
  }
}
