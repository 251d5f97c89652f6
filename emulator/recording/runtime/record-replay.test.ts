// Record through a stand-in for the real system, stop it, replay: the same client flow (a list, a CSRF
// fetch + create, a $batch with a changeset, a 404) gets identical statuses and bodies; changed requests
// get the strict miss with candidates; onMiss simulate and record; redaction on disk; modes switch in
// place (same port) and the session file stays a valid HAR.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { HarSessionWriter, readHar } from '../har-writer.js';
import {
  DEMO_SYSTEM,
  startTestSystem,
  V2_ROOT,
  V4_ROOT,
  type TestSystem,
} from '../../systems/test-support.js';
import { onCleanup } from '../../test/support.js';
import {
  BASIC,
  batchAnswers,
  batchBody,
  changesetPart,
  freshBoundary,
  httpPart,
  startBed,
  type Bed,
} from './test-support.js';
import { sessionFile } from './session-files.js';

interface Answer {
  status: number;
  body: unknown;
}

async function startReal(): Promise<TestSystem> {
  const real = await startTestSystem({ ...DEMO_SYSTEM, id: 'REAL' });
  onCleanup(() => real.stop());
  return real;
}

const LIST = `${V2_ROOT}A_BusinessPartner?$top=2&$select=BusinessPartner,LastName&$format=json&sap-client=100`;
const CREATE = { BusinessPartner: '9000001', LastName: 'Recorded', FirstName: 'Rita' };

function batch(boundary: string, changeset: string, lastName = 'Batched'): string {
  return batchBody(boundary, [
    httpPart("GET A_BusinessPartner('9000001')?$select=LastName HTTP/1.1\r\nAccept: application/json\r\n"),
    changesetPart(changeset, [
      httpPart(
        `POST A_BusinessPartner HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"BusinessPartner":"9000002","LastName":"${lastName}"}`,
        'c1',
      ),
    ]),
  ]);
}

/** The client flow: what a Cloud SDK app does against the system. Returns each answer in order. */
async function clientFlow(bed: Bed): Promise<{ answers: Answer[]; token: string; cookie: string }> {
  const answers: Answer[] = [];
  const json = async (r: Response): Promise<void> => {
    const text = await r.text();
    answers.push({ status: r.status, body: text === '' ? '' : (JSON.parse(text) as unknown) });
  };
  await json(await bed.request(LIST));
  const fetched = await bed.request(`${V2_ROOT}?sap-client=100`, {
    method: 'HEAD',
    headers: { 'x-csrf-token': 'Fetch' },
  });
  answers.push({ status: fetched.status, body: '' });
  const token = fetched.headers.get('x-csrf-token') ?? '';
  const cookie = (fetched.headers.get('set-cookie') ?? '').split(';')[0]!;
  const modify = { 'x-csrf-token': token, ...(cookie ? { cookie } : {}) };
  await json(
    await bed.request(`${V2_ROOT}A_BusinessPartner?sap-client=100`, {
      method: 'POST',
      headers: { ...modify, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(CREATE),
    }),
  );
  const boundary = freshBoundary('batch');
  const batched = await bed.request(`${V2_ROOT}$batch?sap-client=100`, {
    method: 'POST',
    headers: { ...modify, 'content-type': `multipart/mixed; boundary=${boundary}` },
    body: batch(boundary, freshBoundary('changeset')),
  });
  answers.push({ status: batched.status, body: batchAnswers(await batched.text()) });
  await json(await bed.request(`${V2_ROOT}A_BusinessPartner('0000000')?$format=json&sap-client=100`));
  return { answers, token, cookie };
}

async function recordFlow(): Promise<{ bed: Bed; real: TestSystem; recorded: Answer[]; secrets: string[] }> {
  const real = await startReal();
  const bed = await startBed({ mode: 'record', live: { url: real.url }, session: 'flow' });
  const { answers, token, cookie } = await clientFlow(bed);
  return { bed, real, recorded: answers, secrets: [token, cookie.split('=')[1]!] };
}

describe('record, then replay', () => {
  it('records through the real system and replays identical statuses and bodies after it stops', async () => {
    const { bed, real, recorded, secrets } = await recordFlow();
    expect(recorded.map((a) => a.status)).toEqual([200, 200, 201, 202, 404]);
    const batchParts = recorded[3]!.body as { status: number }[];
    expect(batchParts.map((p) => p.status)).toEqual([200, 201]);
    const port = bed.port();

    // On disk: a valid HAR with the emulator's fields, and no secret in it.
    const file = sessionFile(bed.dataDir, 'flow');
    const { log, repaired } = await readHar(file);
    expect(repaired).toBe(false);
    expect(log.entries).toHaveLength(5);
    expect(log.entries.map((e) => e._odata)).toEqual([
      { service: 'API_BUSINESS_PARTNER', entitySet: 'A_BusinessPartner', operation: 'query' },
      { service: 'API_BUSINESS_PARTNER', entitySet: null, operation: 'csrf-fetch' },
      { service: 'API_BUSINESS_PARTNER', entitySet: 'A_BusinessPartner', operation: 'create' },
      { service: 'API_BUSINESS_PARTNER', entitySet: null, operation: 'batch' },
      { service: 'API_BUSINESS_PARTNER', entitySet: 'A_BusinessPartner', operation: 'read' },
    ]);
    expect(log.entries.every((e) => e._system === 'S4D' && e._location === null)).toBe(true);
    expect(log.entries.every((e) => typeof e._replayKey === 'string')).toBe(true);
    expect(log.entries[0]!.request.url).toBe(`${real.url}${LIST}`);
    const text = await readFile(file, 'utf8');
    for (const secret of [BASIC.slice(6), ...secrets]) expect(text).not.toContain(secret);
    expect(text).toContain('"name":"authorization","value":"[redacted]"');
    expect(bed.eventsOf('recording-entry').map((e) => [e.session, e.index, e.status])).toEqual([
      ['flow', 0, 200],
      ['flow', 1, 200],
      ['flow', 2, 201],
      ['flow', 3, 202],
      ['flow', 4, 404],
    ]);

    await real.stop();
    await bed.setRecording({ mode: 'replay', replay: { sessions: ['flow'] } });
    expect(bed.port()).toBe(port);
    expect(bed.eventsOf('recording-mode').at(-1)).toMatchObject({
      system: 'S4D',
      mode: 'replay',
      session: 'flow',
    });

    const replayed = await clientFlow(bed);
    expect(replayed.answers).toEqual(recorded);
    expect(replayed.token).not.toBe(secrets[0]); // a fresh token from the replayer
    expect(bed.eventsOf('replay-request').map((e) => e.outcome)).toEqual(['hit', 'hit', 'hit', 'hit', 'hit']);
    expect([...bed.systems.recording.servedCounts('flow')]).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    expect(bed.systems.recording.systemStates()[0]).toMatchObject({
      system: 'S4D',
      mode: 'replay',
      replaySessions: ['flow'],
      hits: 5,
      misses: 0,
    });
  });

  it('answers a changed request with the strict miss naming the nearest recordings, also for one $batch part', async () => {
    const { bed, real } = await recordFlow();
    await real.stop();
    await bed.setRecording({ mode: 'replay', replay: { sessions: ['flow'], onMiss: 'strict' } });
    const changed = await bed.request(LIST.replace('$top=2', '$top=3'));
    expect(changed.status).toBe(404);
    const error = (await changed.json()) as {
      error: {
        code: string;
        message: { value: string };
        innererror: { errordetails: { message: string }[] };
      };
    };
    expect(error.error.code).toBe('BTP_EMULATOR/REPLAY_MISS');
    expect(error.error.message.value).toContain('$top=3');
    expect(error.error.innererror.errordetails[0]!.message).toContain('query $top is 3, recorded 2');
    const [miss] = bed.systems.recording.misses('S4D');
    expect(miss).toMatchObject({ method: 'GET', request: expect.stringContaining('$top=3') as unknown });
    expect(miss!.candidates[0]).toMatchObject({ session: 'flow', index: 0 });

    const token = (
      await bed.request(V2_ROOT, { method: 'HEAD', headers: { 'x-csrf-token': 'Fetch' } })
    ).headers.get('x-csrf-token')!;
    const boundary = freshBoundary('batch');
    const changedBatch = await bed.request(`${V2_ROOT}$batch?sap-client=100`, {
      method: 'POST',
      headers: { 'x-csrf-token': token, 'content-type': `multipart/mixed; boundary=${boundary}` },
      body: batch(boundary, 'cs', 'Changed'),
    });
    expect(changedBatch.status).toBe(404);
    const batchError = (await changedBatch.json()) as typeof error;
    expect(batchError.error.message.value).toContain(
      'part 2 of 2: POST /sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner',
    );
    expect(batchError.error.innererror.errordetails[0]!.message).toMatch(/: body differs at \$\./);
    expect(bed.systems.recording.systemStates()[0]).toMatchObject({ misses: 2 });

    const noToken = await bed.request(`${V2_ROOT}A_BusinessPartner`, { method: 'POST', body: '{}' });
    expect([noToken.status, noToken.headers.get('x-csrf-token')]).toEqual([403, 'Required']);
  });

  it("onMiss simulate: the simulated services answer, and the replayer's CSRF token is good on both sides", async () => {
    const { bed, real } = await recordFlow();
    await real.stop();
    await bed.setRecording({ mode: 'replay', replay: { sessions: ['flow'], onMiss: 'simulate' } });
    // A token fetched with a read nothing was recorded for: the simulated service answers with data…
    const read = await bed.request(`${V2_ROOT}A_BusinessPartnerAddress?$top=1&$format=json`, {
      headers: { 'x-csrf-token': 'Fetch' },
    });
    expect(read.status, await read.clone().text()).toBe(200);
    expect(((await read.json()) as { d: { results: unknown[] } }).d.results).toHaveLength(1);
    const token = read.headers.get('x-csrf-token')!;
    // …and the replayer's token is accepted by a recorded create (a hit) and by an unrecorded one (simulated).
    const post = (body: unknown): Promise<Response> =>
      bed.request(`${V2_ROOT}A_BusinessPartner?sap-client=100`, {
        method: 'POST',
        headers: { 'x-csrf-token': token, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(CREATE)).status).toBe(201);
    const other = await post({ BusinessPartner: '9000077', LastName: 'Simulated' });
    expect(other.status).toBe(201);
    expect(((await other.json()) as { d: { LastName: string } }).d.LastName).toBe('Simulated');
    expect(bed.eventsOf('replay-request').map((e) => e.outcome)).toEqual(['simulated', 'hit', 'simulated']);
    expect(bed.systems.recording.misses('S4D').map((m) => m.method)).toEqual(['POST']);
  });

  it('onMiss record: passes a miss to the real system, adds it to the session and replays it from then on', async () => {
    const { bed, real } = await recordFlow();
    await real.stop();
    const second = await startReal();
    await bed.setRecording({
      mode: 'replay',
      live: { url: second.url },
      replay: { sessions: ['flow'], onMiss: 'record' },
    });
    const url = `${V2_ROOT}A_BusinessPartner?$top=1&$select=BusinessPartner&$format=json`;
    const first = await bed.request(url);
    expect(first.status).toBe(200);
    const body = await first.text();
    // A create nothing was recorded for, with the replayer's token: the runtime gets its own from the real system.
    const token = (
      await bed.request(`${V2_ROOT}?sap-client=100`, { method: 'HEAD', headers: { 'x-csrf-token': 'Fetch' } })
    ).headers.get('x-csrf-token')!;
    const created = await bed.request(`${V2_ROOT}A_BusinessPartner`, {
      method: 'POST',
      headers: { 'x-csrf-token': token, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ BusinessPartner: '9000099', LastName: 'OnMiss' }),
    });
    expect(created.status).toBe(201);
    await second.stop();
    const again = await bed.request(url);
    expect([again.status, await again.text()]).toEqual([200, body]);
    expect(bed.eventsOf('replay-request').map((e) => e.outcome)).toEqual([
      'recorded',
      'hit',
      'recorded',
      'hit',
    ]);
    expect(bed.eventsOf('replay-request')[3]).toMatchObject({ session: 'flow', index: 5 });
    const { log } = await readHar(sessionFile(bed.dataDir, 'flow'));
    expect(log.entries).toHaveLength(7);
    expect(log.entries[6]!.response.status).toBe(201);
    expect(bed.systems.recording.writingSessions().get('flow')).toBe('S4D');
  });
});

describe('$batch replay, part by part', () => {
  it('answers V4 JSON and multipart batches in the structure the client sent, from batch parts and single requests', async () => {
    const real = await startReal();
    const bed = await startBed({ mode: 'record', live: { url: real.url }, session: 'batches' });
    const csrf = async (root: string): Promise<Record<string, string>> => {
      const r = await bed.request(root, { method: 'HEAD', headers: { 'x-csrf-token': 'Fetch' } });
      const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
      return { 'x-csrf-token': r.headers.get('x-csrf-token')!, ...(cookie ? { cookie } : {}) };
    };
    const jsonBatch = async (
      ids: [string, string, string],
      token: Record<string, string>,
    ): Promise<unknown> => {
      const r = await bed.request(`${V4_ROOT}$batch`, {
        method: 'POST',
        headers: { ...token, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          requests: [
            { id: ids[0], method: 'GET', url: "SalesOrder('1000001')?$select=SalesOrder" },
            {
              id: ids[1],
              atomicityGroup: 'g1',
              method: 'POST',
              url: 'SalesOrder',
              body: { SalesOrder: '8000001' },
            },
            { id: ids[2], atomicityGroup: 'g1', method: 'POST', url: 'SalesOrder', body: { Nope: 1 } },
          ],
        }),
      });
      expect(r.status).toBe(200);
      return r.json();
    };
    const failingChangeset = async (token: Record<string, string>): Promise<string> => {
      const boundary = freshBoundary('batch');
      const r = await bed.request(`${V2_ROOT}$batch`, {
        method: 'POST',
        headers: { ...token, 'content-type': `multipart/mixed; boundary=${boundary}` },
        body: batchBody(boundary, [
          changesetPart(freshBoundary('cs'), [
            httpPart(
              'POST A_BusinessPartner HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"BusinessPartner":"4000001"}',
            ),
            httpPart('POST A_BusinessPartner HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"Nope":1}'),
          ]),
        ]),
      });
      expect(r.status).toBe(202);
      return r.text();
    };
    const single = `A_BusinessPartner('1000001')?$select=LastName`;
    const recordedJson = await jsonBatch(['r1', 'c1', 'c2'], await csrf(V4_ROOT));
    const recordedFailure = batchAnswers(await failingChangeset(await csrf(V2_ROOT)));
    const recordedSingle = await (
      await bed.request(`${V2_ROOT}${single}`, { headers: { accept: 'application/json' } })
    ).json();
    expect(recordedFailure.map((a) => a.status)).toEqual([400]);
    await real.stop();

    await bed.setRecording({ mode: 'replay', replay: { sessions: ['batches'] } });
    const replayedJson = (await jsonBatch(['x', 'y', 'z'], await csrf(V4_ROOT))) as {
      responses: { id: string }[];
    };
    expect(replayedJson.responses.map((r) => r.id)).toEqual(['x', 'y', 'z']);
    const withoutIds = (b: unknown): unknown =>
      (b as { responses: Record<string, unknown>[] }).responses.map(({ id: _id, ...rest }) => rest);
    expect(withoutIds(replayedJson)).toEqual(withoutIds(recordedJson));
    expect(batchAnswers(await failingChangeset(await csrf(V2_ROOT)))).toEqual(recordedFailure);

    // A batch nobody recorded as such: its read was recorded as a single request.
    const boundary = freshBoundary('batch');
    const token = await csrf(V2_ROOT);
    const combined = await bed.request(`${V2_ROOT}$batch`, {
      method: 'POST',
      headers: { ...token, 'content-type': `multipart/mixed; boundary=${boundary}` },
      body: batchBody(boundary, [
        httpPart(`GET ${single} HTTP/1.1\r\nAccept: application/json\r\n`, 'read-1'),
      ]),
    });
    expect([combined.status, combined.headers.get('content-type')]).toEqual([
      202,
      `multipart/mixed; boundary=${boundary}`,
    ]);
    expect(batchAnswers(await combined.text())).toEqual([
      { status: 200, body: recordedSingle, contentId: 'read-1' },
    ]);
  });
});

describe('workspace rules', () => {
  it('redacts the extra names of recording.redact, and keepSecrets stores credentials in clear', async () => {
    const real = await startReal();
    const bed = await startBed(
      { mode: 'record', live: { url: real.url }, session: 'rules' },
      { settings: { redact: { headers: ['x-api-key'], queryParams: ['session'] } } },
    );
    await (await bed.request(`${LIST}&session=abc123`, { headers: { 'x-api-key': 'key-456' } })).text();
    const file = sessionFile(bed.dataDir, 'rules');
    const redacted = await readFile(file, 'utf8');
    for (const secret of ['abc123', 'key-456', BASIC.slice(6)]) expect(redacted).not.toContain(secret);
    await bed.ctx.replaceWorkspace((ws) => ({ ...ws, recording: { redact: { keepSecrets: true } } }));
    await (await bed.request(`${LIST}&sap-password=pw-1`, { headers: { 'x-api-key': 'key-789' } })).text();
    const clear = (await readHar(file)).log.entries[1]!.request;
    expect(clear.headers).toContainEqual({ name: 'x-api-key', value: 'key-789' });
    expect(clear.headers).toContainEqual({ name: 'authorization', value: BASIC });
    expect(clear.url).toContain('sap-password=pw-1');
    // keepSecrets concerns the session file only: what events show is redacted all the same.
    const shown = [...bed.eventsOf('recording-entry'), ...bed.eventsOf('odata-request')];
    expect(shown.map((e) => e.url).filter((u) => u.includes('sap-password'))).toHaveLength(2);
    expect(JSON.stringify(shown)).not.toMatch(/abc123|pw-1/);
  });

  it('matches with recording.match: volatile query parameters ignored, chosen headers significant', async () => {
    const { bed, real } = await recordFlow();
    await real.stop();
    await bed.ctx.replaceWorkspace((ws) => {
      ws.recording = { match: { ignoreQueryParams: ['ts'], headers: ['accept-language'] } };
      ws.systems![0]!.recording = { mode: 'replay', replay: { sessions: ['flow'] } };
      return ws;
    });
    expect((await bed.request(`${LIST}&ts=1700000000`)).status).toBe(200);
    const other = await bed.request(LIST, { headers: { 'accept-language': 'de' } });
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('header accept-language is de, recorded *'); // fetch sends accept-language: *;
  });

  it('picks up entries added to a replayed session on disk when told the session changed', async () => {
    const { bed, real } = await recordFlow();
    await real.stop();
    await bed.setRecording({ mode: 'replay', replay: { sessions: ['flow'] } });
    const url = `${V2_ROOT}A_BusinessPartner/$count`;
    expect((await bed.request(url)).status).toBe(404);
    const file = sessionFile(bed.dataDir, 'flow');
    const { log } = await readHar(file);
    const writer = await HarSessionWriter.open(file, { creatorVersion: '1', session: {} });
    const template = log.entries[0]!;
    await writer.append({
      ...template,
      request: { ...template.request, url: `${real.url}${url}`, headers: [] },
      response: { ...template.response, content: { size: 2, mimeType: 'text/plain', text: '42' } },
    });
    await writer.close();
    await bed.systems.recording.sessionsChanged(['flow']);
    const counted = await bed.request(url);
    expect([counted.status, await counted.text()]).toEqual([200, '42']);
  });
});

describe('modes in place', () => {
  it('switches record → simulate → record without a restart, appends to the session, and leaves a valid HAR at stop', async () => {
    const real = await startReal();
    const bed = await startBed({ mode: 'record', live: { url: real.url } });
    const port = bed.port();
    expect((await bed.request(LIST)).status).toBe(200);
    const [mode] = bed.eventsOf('recording-mode');
    expect(mode!.session).toMatch(/^S4D-\d{8}-\d{6}$/);
    const session = mode!.session!;
    await bed.setRecording({ mode: 'simulate' });
    expect(bed.port()).toBe(port);
    expect((await bed.request(LIST)).status).toBe(200);
    expect(bed.eventsOf('odata-request').at(-1)).toMatchObject({ client: '100', status: 200 });
    await bed.setRecording({ mode: 'record', live: { url: real.url }, session });
    expect((await (await bed.request(`${V2_ROOT}$metadata`)).text()).length).toBeGreaterThan(0);
    expect(bed.eventsOf('recording-entry').map((e) => [e.session, e.index])).toEqual([
      [session, 0],
      [session, 1],
    ]);
    expect(bed.systems.recording.writingSessions().get(session)).toBe('S4D');
    await bed.stop();
    const { log, repaired } = await readHar(sessionFile(bed.dataDir, session));
    expect([repaired, log.entries.length, log.entries[1]!._odata?.operation]).toEqual([false, 2, 'metadata']);
  });

  it('reports a session that cannot be read in the log and the state, and keeps serving', async () => {
    const bed = await startBed({ mode: 'replay', replay: { sessions: ['missing'] } });
    const state = bed.systems.recording.systemStates()[0]!;
    expect(state.error).toMatch(/Session "missing" does not exist \(.*missing\.har\)/);
    expect(bed.eventsOf('log').some((e) => e.level === 'error' && e.message.includes('"missing"'))).toBe(
      true,
    );
    const answer = await bed.request(LIST);
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(
      'BTP_EMULATOR/REPLAY_MISS',
    );
  });
});
