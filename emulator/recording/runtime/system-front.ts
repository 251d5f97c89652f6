// The front door of one simulated system in its recording mode: live passes requests to the real
// system, record does the same and writes each exchange, replay answers from sessions (and on a miss
// answers strictly, lets the simulated services answer, or records the real answer). Trusts nothing from
// the client beyond what the simulated system would; a failure of the real system is a 502/504 answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Miss as MissView } from '../../../app/recording/api.js';
import type { SystemRecordingConfig } from '../../../app/recording/workspace.js';
import type { EventBus } from '../../core/event-bus.js';
import { now } from '../../core/event-bus.js';
import { ODataError } from '../../systems/odata/errors.js';
import type { Simulate, SystemFront } from '../../systems/http/system-server.js';
import type { HarSessionWriter } from '../har-writer.js';
import type { Miss } from '../matcher.js';
import type { Redactor } from '../redact.js';
import { missResponse, type ReplayResponse } from '../replayer.js';
import type { MatchRules, RawRequest } from '../request-shape.js';
import { isBatch, type Origin } from './batch-replay.js';
import {
  BodyTooLarge,
  clientHeaders,
  errorAnswer,
  headerOf,
  lowerHeaders,
  MAX_BODY,
  passThrough,
  readBody,
  sendBuffered,
} from './front-http.js';
import { harEntry, serviceRootOf, withReplayFields, type Exchange, type ServiceRoot } from './har-entry.js';
import { LiveCsrfSessions } from './live-csrf.js';
import { forwardableHeaders, type LiveUpstream } from './live-upstream.js';
import type { ReplaySet } from './replay-set.js';

const MAX_MISSES = 200;
const MODIFYING = new Set(['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']);

/** Everything one mode needs, built by the runtime; replaced whole when the workspace changes. */
export interface ActiveMode {
  config: SystemRecordingConfig;
  live?: LiveUpstream;
  /** The session written to (record, and replay with onMiss record). */
  writer?: { name: string; writer: HarSessionWriter };
  /** The session name was generated (<system>-<timestamp>): kept while the system stays in record mode. */
  generatedSession?: boolean;
  replay?: ReplaySet;
  /** null: keepSecrets, stored in clear. */
  redactor: Redactor | null;
  /** The same rules for what events, logs and the miss list show: keepSecrets concerns the files only. */
  shown: Redactor;
  rules: MatchRules;
  /** Why the mode cannot fully work (an unreadable session or caFile). */
  errors: string[];
}

export interface FrontEnv {
  bus: EventBus;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** `scheme://host:port` where the system listens. */
  ownOrigin(): string;
  roots(): ServiceRoot[];
  location(): string | null;
}

type Outcome = 'hit' | 'token' | 'miss' | 'simulated' | 'recorded';

export class SystemRecording implements SystemFront {
  mode: ActiveMode;
  readonly counters = { recorded: 0, hits: 0, misses: 0 };
  readonly misses: MissView[] = [];
  private readonly liveCsrf = new LiveCsrfSessions();

  constructor(
    readonly id: string,
    initial: ActiveMode,
    private readonly env: FrontEnv,
  ) {
    this.mode = initial;
  }

  active(): boolean {
    return this.mode.config.mode !== 'simulate';
  }

  /** Counters and misses start again when the mode changes. */
  resetCounters(): void {
    Object.assign(this.counters, { recorded: 0, hits: 0, misses: 0 });
    this.misses.length = 0;
  }

  async handle(req: IncomingMessage, res: ServerResponse, simulate: Simulate): Promise<number> {
    const mode = this.mode; // a mode change while a request runs does not change that request
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      return this.fail(req, res, 413, `Request body larger than ${MAX_BODY} bytes`);
    }
    switch (mode.config.mode) {
      case 'simulate':
        return this.simulated(req, res, simulate, { body });
      case 'live':
        return this.pass(mode, req, res, body, false);
      case 'record':
        return this.pass(mode, req, res, body, true);
      case 'replay':
        if (!mode.replay) return this.fail(req, res, 503, mode.errors.join('; '));
        return this.replay(mode, req, res, body, simulate);
    }
  }

  // ---- live and record -------------------------------------------------------------------------

  private async pass(
    mode: ActiveMode,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    record: boolean,
  ): Promise<number> {
    const live = mode.live;
    if (!live) return this.fail(req, res, 502, mode.errors.join('; ') || `System ${this.id} has no live.url`);
    const outcome = await passThrough(live, req, res, body, {
      ownOrigin: this.env.ownOrigin(),
      // Written before the client sees the end of the answer: once it has it, the session has it too.
      ...(record ? { beforeEnd: async (exchange: Exchange) => void (await this.write(mode, exchange)) } : {}),
    });
    if ('error' in outcome) {
      const { status, message } = live.describeError(outcome.error);
      this.env.log('warn', `System ${this.id}: ${message}`);
      return this.fail(req, res, status, message);
    }
    if (outcome.broken)
      this.env.log(
        'warn',
        `System ${this.id}: ${req.method} ${this.safeUrl(req.url ?? '/')} from ${live.config.url} broke off: ${outcome.broken}`,
      );
    return outcome.status;
  }

  /** Redacts, adds the replay fields and appends; resolves to the stored entry and its index. */
  private async write(
    mode: ActiveMode,
    exchange: Exchange,
  ): Promise<{ entry: ReturnType<typeof harEntry>; origin: Origin } | undefined> {
    const target = mode.writer;
    if (!target) return undefined;
    const entry = harEntry(exchange, { system: this.id, location: this.env.location() });
    const stored = withReplayFields(
      mode.redactor ? mode.redactor.entry(entry) : entry,
      this.env.roots(),
      mode.rules,
    );
    try {
      const index = await target.writer.append(stored);
      this.counters.recorded += 1;
      this.env.bus.emit({
        type: 'recording-entry',
        at: now(),
        system: this.id,
        session: target.name,
        index,
        method: stored.request.method,
        url: this.safeUrl(stored.request.url),
        status: stored.response.status,
      });
      return { entry: stored, origin: { session: target.name, index } };
    } catch (error) {
      this.env.log(
        'error',
        `System ${this.id}: ${stored.request.method} ${this.safeUrl(stored.request.url)} could not be written to session "${target.name}": ${(error as Error).message}`,
      );
      return undefined;
    }
  }

  // ---- replay ----------------------------------------------------------------------------------

  private async replay(
    mode: ActiveMode,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    simulate: Simulate,
  ): Promise<number> {
    const set = mode.replay!;
    const headers = lowerHeaders(req);
    const raw: RawRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      url: req.url ?? '/',
      headers,
      body: body.toString('utf8'),
    };
    if (MODIFYING.has(raw.method) && !set.replayer.validToken(headers['x-csrf-token'])) {
      const refused = set.replayer.respond(raw); // 403 with x-csrf-token: Required, as the real system
      return this.replayed(req, res, raw, refused.response, 'token');
    }
    if (isBatch(raw.method, new URL(raw.url, 'http://x').pathname))
      return this.replayBatch(mode, req, res, raw, body, simulate);
    const result = set.replayer.respond(raw);
    if (result.kind === 'hit') {
      const origin = set.originOf(result.entry);
      if (origin) set.countServed(origin);
      this.counters.hits += 1;
      return this.replayed(req, res, raw, result.response, 'hit', origin);
    }
    const issued = result.kind === 'token' ? headerOf(result.response.headers, 'x-csrf-token') : undefined;
    if (result.kind === 'miss')
      this.noteMiss(
        raw,
        result.miss,
        result.nearest.map((e) => set.originOf(e)),
      );
    if (mode.config.replay.onMiss === 'strict')
      return this.replayed(req, res, raw, result.response, result.kind === 'token' ? 'token' : 'miss');
    return this.fallback(mode, req, res, raw, body, simulate, issued);
  }

  private async replayBatch(
    mode: ActiveMode,
    req: IncomingMessage,
    res: ServerResponse,
    raw: RawRequest,
    body: Buffer,
    simulate: Simulate,
  ): Promise<number> {
    const set = mode.replay!;
    const outcome = set.batches().replay(raw.url, raw.headers as Record<string, string>, raw.body);
    if (outcome.kind === 'malformed') {
      const error = new ODataError(400, '/IWBEP/CM_MGW_RT/021', `Malformed $batch: ${outcome.message}`);
      return this.replayed(req, res, raw, this.odataError(raw.url, error), 'miss');
    }
    if (outcome.kind === 'hit') {
      for (const origin of outcome.origins) set.countServed(origin);
      this.counters.hits += 1;
      return this.replayed(req, res, raw, outcome.response, 'hit', outcome.origins[0]);
    }
    this.noteMiss(raw, outcome.miss, outcome.nearest);
    if (mode.config.replay.onMiss === 'strict') {
      return this.replayed(req, res, raw, missResponse(outcome.miss, raw), 'miss');
    }
    return this.fallback(mode, req, res, raw, body, simulate, undefined);
  }

  /** onMiss simulate or record. Modifying requests got here with a valid replayer token. */
  private async fallback(
    mode: ActiveMode,
    req: IncomingMessage,
    res: ServerResponse,
    raw: RawRequest,
    body: Buffer,
    simulate: Simulate,
    issued: string | undefined,
  ): Promise<number> {
    if (mode.config.replay.onMiss === 'simulate') {
      const status = await this.simulated(req, res, simulate, {
        body,
        csrfChecked: true,
        ...(issued ? { csrfToken: issued } : {}),
      });
      this.emitReplay(raw, status, 'simulated');
      return status;
    }
    return this.recordMiss(mode, req, res, raw, body, issued);
  }

  private async recordMiss(
    mode: ActiveMode,
    req: IncomingMessage,
    res: ServerResponse,
    raw: RawRequest,
    body: Buffer,
    issued: string | undefined,
  ): Promise<number> {
    const live = mode.live;
    if (!live) return this.fail(req, res, 502, mode.errors.join('; ') || `System ${this.id} has no live.url`);
    const pathname = new URL(raw.url, 'http://x').pathname;
    const tokenPath = serviceRootOf(pathname, this.env.roots()) ?? pathname;
    let answer;
    try {
      answer = await this.liveCsrf.send(
        live,
        { method: raw.method, path: raw.url, headers: forwardableHeaders(req.rawHeaders), body },
        tokenPath,
      );
    } catch (error) {
      const { status, message } = live.describeError(error);
      this.env.log('warn', `System ${this.id}: ${message}`);
      return this.fail(req, res, status, message);
    }
    const written = await this.write(mode, {
      started: answer.started,
      method: answer.sent.method,
      url: `${live.origin}${answer.sent.path}`,
      requestHeaders: [['Host', new URL(live.origin).host], ...answer.sent.headers],
      requestBody: answer.sent.body,
      status: answer.status,
      statusText: answer.statusText,
      responseHeaders: answer.headers,
      responseBody: answer.body,
      waitMs: answer.waitMs,
      receiveMs: answer.receiveMs,
    });
    const set = mode.replay!;
    if (written) set.add(written.entry, written.origin);
    const fetching = raw.headers['x-csrf-token']?.toLowerCase() === 'fetch';
    const headers = clientHeaders(live, answer.headers, this.env.ownOrigin()).filter(
      ([n]) => n.toLowerCase() !== 'x-csrf-token',
    );
    if (fetching) headers.push(['x-csrf-token', issued ?? set.replayer.issueToken()]);
    return this.replayed(
      req,
      res,
      raw,
      { status: answer.status, statusText: answer.statusText, headers, body: answer.body },
      'recorded',
      written?.origin,
    );
  }

  private noteMiss(raw: RawRequest, miss: Miss, nearest: (Origin | undefined)[]): void {
    this.counters.misses += 1;
    this.misses.unshift({
      at: now(),
      method: raw.method,
      url: this.safeUrl(raw.url),
      request: this.safeUrl(miss.request),
      candidates: miss.candidates.map((c, i) => ({
        session: nearest[i]?.session ?? '',
        index: nearest[i]?.index ?? -1,
        request: this.safeUrl(c.request),
        differences: c.differences.map((d) => this.mode.shown.difference(d)),
      })),
    });
    if (this.misses.length > MAX_MISSES) this.misses.length = MAX_MISSES;
  }

  // ---- answers ---------------------------------------------------------------------------------

  private replayed(
    req: IncomingMessage,
    res: ServerResponse,
    raw: RawRequest,
    response: ReplayResponse,
    outcome: Outcome,
    origin?: Origin,
  ): number {
    sendBuffered(req, res, response.status, response.statusText, response.headers, response.body);
    this.emitReplay(raw, response.status, outcome, origin);
    return response.status;
  }

  private emitReplay(raw: RawRequest, status: number, outcome: Outcome, origin?: Origin): void {
    this.env.bus.emit({
      type: 'replay-request',
      at: now(),
      system: this.id,
      method: raw.method,
      url: this.safeUrl(raw.url),
      status,
      outcome,
      session: origin?.session ?? null,
      index: origin?.index ?? null,
    });
  }

  private safeUrl(url: string): string {
    return this.mode.shown.url(url);
  }

  private async simulated(
    req: IncomingMessage,
    res: ServerResponse,
    simulate: Simulate,
    options: Parameters<Simulate>[0],
  ): Promise<number> {
    const response = await simulate(options);
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    res.end(req.method === 'HEAD' ? '' : response.body);
    return response.status;
  }

  /** An error of the front itself: an OData error under a service root, plain text elsewhere. */
  private fail(req: IncomingMessage, res: ServerResponse, status: number, message: string): number {
    const url = req.url ?? '/';
    const code =
      status === 504
        ? 'BTP_EMULATOR/LIVE_TIMEOUT'
        : status === 413
          ? '/IWBEP/CM_MGW_RT/413'
          : status === 503
            ? 'BTP_EMULATOR/REPLAY_UNAVAILABLE'
            : 'BTP_EMULATOR/LIVE_UNREACHABLE';
    const response = this.odataError(url, new ODataError(status, code, message));
    sendBuffered(req, res, response.status, response.statusText, response.headers, response.body);
    return status;
  }

  private odataError(url: string, error: ODataError): ReplayResponse {
    return errorAnswer(url, error, this.env.roots());
  }
}
