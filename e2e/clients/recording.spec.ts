// Issue 7 acceptance: a real client's session is recorded from a separate server standing in for the
// real SAP system, and replayed after that server is gone. The client is the SAP Cloud SDK OData V2
// client, unmodified, going the way an app on BTP does: destination REC from the destination service,
// the connectivity proxy, the Cloud Connector mapping rec.virtual:44300 → system:S. System S has no
// services of its own; its workspace `recording` switches it from record (forward to live.url and write
// the session) to replay (answer from the session), without a restart.
//
// The stand-in is a second engine (its own process, its own data folder) whose only system REAL
// serves the demo API_BUSINESS_PARTNER service, with Basic users and CSRF like Gateway.
import { expect, test } from '@playwright/test';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SystemSummary } from '../../app/systems/api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { accepts, runScript, startEngine, type Engine } from './support/cli.js';
import { tempDir } from './support/suite.js';

const SESSION = 'sdk-session';
const USER = { name: 'DEVELOPER', password: 'Welcome1' };
const SERVICE = '/sap/opu/odata/sap/API_BUSINESS_PARTNER';

const stepSchema = z.object({ step: z.string(), status: z.number(), body: z.unknown() });
const runSchema = z.object({
  script: z.literal('recording-client'),
  variant: z.enum(['session', 'changed']),
  steps: z.array(stepSchema),
  summary: z.record(z.string(), z.unknown()),
});
type ClientRun = z.infer<typeof runSchema>;

/** The stand-in "real" system: nothing but one simulated system. */
function standInWorkspace(): WorkspaceInput {
  return {
    schemaVersion: DEMO_WORKSPACE.schemaVersion,
    name: 'Stand-in for the real SAP system',
    subaccount: DEMO_WORKSPACE.subaccount,
    systems: [
      {
        id: 'REAL',
        description: 'Stands in for an SAP system reached over VPN',
        users: [USER],
        clients: ['100'],
        services: [
          { name: 'API_BUSINESS_PARTNER', odataVersion: 'v2', metadata: 'builtin:API_BUSINESS_PARTNER' },
        ],
      },
    ],
  };
}

/** The demo workspace with system S (no services) recording from `liveUrl`, mapped and reachable by destination REC. */
function underTestWorkspace(liveUrl: string): WorkspaceInput {
  const demo = structuredClone(DEMO_WORKSPACE);
  return {
    ...demo,
    name: 'Recording acceptance',
    cloudConnector: {
      locations: [
        {
          systemMappings: [
            {
              virtualHost: 'rec.virtual',
              virtualPort: 44300,
              internalHost: 'system:S',
              protocol: 'HTTP',
              resources: [{ path: '/sap/opu/odata/', mode: 'prefix' }],
            },
          ],
        },
      ],
    },
    destinations: {
      subaccount: [
        {
          Name: 'REC',
          Type: 'HTTP',
          URL: 'http://rec.virtual:44300',
          ProxyType: 'OnPremise',
          Authentication: 'BasicAuthentication',
          User: USER.name,
          Password: USER.password,
          'sap-client': '100',
        },
      ],
    },
    systems: [
      {
        id: 'S',
        description: 'The real system, recorded and replayed',
        recording: { mode: 'record', live: { url: liveUrl }, session: SESSION },
      },
    ],
  };
}

function withRecording(
  workspace: WorkspaceInput,
  recording: NonNullable<NonNullable<WorkspaceInput['systems']>[number]['recording']>,
): WorkspaceInput {
  const next = structuredClone(workspace);
  next.systems = (next.systems ?? []).map((s) => (s.id === 'S' ? { ...s, recording } : s));
  return next;
}

interface HarText {
  text: string;
  entries: {
    request: { method: string; url: string; headers: { name: string; value: string }[] };
    response: { status: number; headers: { name: string; value: string }[] };
    _system?: string;
  }[];
}

/**
 * The one normalisation: a $batch response is written in the client's own structure, and the SDK picks
 * its boundaries (batch_<uuid>, changeset_<uuid>) and Content-IDs afresh on every run, so those bytes
 * legitimately differ between two runs of the same app (on the real system as much as in replay).
 * Everything else in the multipart body (part statuses, headers, JSON) must be identical.
 */
function clientChosen(steps: ClientRun['steps']): ClientRun['steps'] {
  return steps.map((s) =>
    s.step === '$batch' && typeof s.body === 'string'
      ? {
          ...s,
          body: s.body
            .replace(/\b(batch|changeset)_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/g, '$1_<uuid>')
            .replace(/^(content-id:[ \t]*)[^\r\n]+/gim, '$1<uuid>'),
        }
      : s,
  );
}

test.describe.configure({ mode: 'serial' });

test.describe('recorded session: the SAP Cloud SDK through destination and proxy, recorded then replayed', () => {
  let dir = '';
  let standIn: ReturnType<typeof startEngine> | undefined;
  let underTest: ReturnType<typeof startEngine> | undefined;
  let engine: Engine;
  let workspace: WorkspaceInput;
  let liveUrl = '';
  let recorded: ClientRun | undefined;

  test.beforeAll(async () => {
    dir = await tempDir('recording');
    const standInFile = path.join(dir, 'stand-in.json');
    await writeFile(standInFile, JSON.stringify(standInWorkspace(), null, 2));
    standIn = startEngine({ dataDir: path.join(dir, 'stand-in-data'), workspace: standInFile });
    const real = await standIn.engine;
    const systems = (await (await real.api('/api/systems')).json()) as SystemSummary[];
    const port = systems.find((s) => s.id === 'REAL')?.port;
    expect(port, `the stand-in system REAL runs: ${JSON.stringify(systems)}`).toBeTruthy();
    liveUrl = `http://127.0.0.1:${port}`;

    workspace = underTestWorkspace(liveUrl);
    const file = path.join(dir, 'workspace.json');
    await writeFile(file, JSON.stringify(workspace, null, 2));
    underTest = startEngine({ dataDir: path.join(dir, 'data'), workspace: file });
    engine = await underTest.engine;
  });

  test.afterAll(async () => {
    try {
      await underTest?.stop();
    } finally {
      try {
        await standIn?.stop();
      } finally {
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    }
  });

  async function client(variant: 'session' | 'changed', secretsFile?: string): Promise<ClientRun> {
    const { result } = await runScript('recording-client.mjs', [], {
      dataDir: engine.dataDir,
      env: {
        ODATA_DESTINATION: 'REC',
        RECORDING_VARIANT: variant,
        ...(secretsFile ? { RECORDING_SECRETS_OUT: secretsFile } : {}),
      },
    });
    return runSchema.parse(result);
  }

  async function putWorkspace(next: WorkspaceInput): Promise<void> {
    const response = await engine.api('/api/workspace', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(next),
    });
    expect(response.status, `PUT /api/workspace: ${await response.clone().text()}`).toBe(200);
    workspace = next;
  }

  async function session(): Promise<HarText> {
    const text = await readFile(path.join(engine.dataDir, 'recordings', `${SESSION}.har`), 'utf8');
    const har = JSON.parse(text) as { log: { version: string; entries: HarText['entries'] } };
    expect(har.log.version).toBe('1.2');
    return { text, entries: har.log.entries };
  }

  test('record: the client runs against the stand-in through system S, and every exchange is written', async () => {
    const secretsFile = path.join(dir, 'wire-secrets.json');
    recorded = await client('session', secretsFile);
    expect(recorded.steps.map((s) => [s.step, s.status])).toEqual([
      ['getAll', 200],
      ['getByKey', 200],
      ['create', 201],
      ['update', 204],
      ['getByKey after update', 200],
      ['$batch', 202],
      ['address after $batch', 200],
      ['delete', 204],
      ['getByKey after delete', 404],
    ]);
    const batchBody = recorded.steps.find((s) => s.step === '$batch')?.body;
    expect(batchBody, 'the $batch answer is multipart in the SDK boundary format').toMatch(
      /^--batch_[0-9a-f-]{36}\r\n/,
    );
    expect(recorded.summary).toMatchObject({
      batch: { success: true, statuses: [201, 204], city: 'Replayville' },
      update: { lastName: 'Recorder-Updated' },
      gone: true,
    });

    // Stop recording (back to simulate; S has no services of its own) before reading the file.
    await putWorkspace(withRecording(workspace, { mode: 'simulate', live: { url: liveUrl } }));
    const har = await session();
    const odataEntries = har.entries.filter((e) => new URL(e.request.url).pathname.startsWith(SERVICE));
    expect(odataEntries.every((e) => e._system === 'S')).toBe(true);
    const methods = odataEntries.map((e) => e.request.method);
    expect(methods.filter((m) => m === 'HEAD').length, 'CSRF token fetches are recorded').toBeGreaterThan(0);
    expect(
      odataEntries
        .filter((e) => e.request.method !== 'HEAD')
        .map((e) => `${e.request.method} ${e.response.status}`),
    ).toEqual([
      'GET 200',
      'GET 200',
      'POST 201',
      expect.stringMatching(/^(MERGE|PATCH|PUT) 204$/),
      'GET 200',
      'POST 202',
      'GET 200',
      'DELETE 204',
      'GET 404',
    ]);

    // Redaction on disk: no credential, CSRF token or cookie value the client sent or received.
    const secrets = z.array(z.string()).parse(JSON.parse(await readFile(secretsFile, 'utf8')));
    const basic = Buffer.from(`${USER.name}:${USER.password}`).toString('base64');
    expect(secrets, 'the client sent Basic credentials').toContain(basic);
    expect(secrets.length, 'the client saw CSRF tokens and session cookies').toBeGreaterThan(3);
    for (const secret of [...secrets, basic, USER.password])
      expect(har.text.includes(secret), `session file contains a secret (${secret.slice(0, 6)}…)`).toBe(
        false,
      );
    const SECRET_HEADERS =
      /^(authorization|proxy-authorization|cookie|set-cookie|x-csrf-token|sap-connectivity-.*)$/i;
    const inClear = har.entries.flatMap((e, index) =>
      [...e.request.headers, ...e.response.headers]
        .filter((h) => SECRET_HEADERS.test(h.name))
        .filter((h) => !/^(fetch|required)$/i.test(h.value) && !/redacted/i.test(h.value))
        .map((h) => `entry ${index}: ${h.name}`),
    );
    expect(inClear, 'secret headers stored in clear').toEqual([]);
  });

  test('replay: with the stand-in stopped, the same client run gets identical statuses and bodies', async () => {
    expect(recorded, 'the record test ran').toBeDefined();
    await standIn!.stop();
    expect(await accepts(liveUrl), 'the stand-in no longer listens').toBe(false);
    await putWorkspace(
      withRecording(workspace, {
        mode: 'replay',
        live: { url: liveUrl },
        replay: { sessions: [SESSION], onMiss: 'strict' },
      }),
    );
    const eventsBefore = engine.events.length;
    const replayed = await client('session');
    // Bodies compare byte for byte except the $batch envelope (see clientChosen); headers (dates, fresh
    // CSRF tokens, cookies) are not compared.
    expect(clientChosen(replayed.steps)).toEqual(clientChosen(recorded!.steps));
    expect(replayed.summary).toEqual(recorded!.summary);
    const outcomes = engine.events
      .slice(eventsBefore)
      .filter((e) => e.event === 'replay-request' && e.system === 'S')
      .map((e) => e.outcome);
    expect(outcomes.length).toBeGreaterThanOrEqual(recorded!.steps.length);
    expect(outcomes.filter((o) => o !== 'hit' && o !== 'token')).toEqual([]);
  });

  test('replay: a changed request gets the strict-miss OData error naming it and the nearest recordings', async () => {
    const changed = await client('changed');
    expect(changed.summary.changed).toMatchObject({ failed: true });
    expect(changed.steps).toHaveLength(1);
    const [miss] = changed.steps;
    expect(miss!.status).toBe(404);
    const body = z
      .object({
        error: z.object({
          code: z.string(),
          message: z.object({ value: z.string() }),
          innererror: z.object({
            errordetails: z.array(z.object({ code: z.string(), message: z.string() })),
          }),
        }),
      })
      .parse(miss!.body);
    expect(body.error.code).toBe('BTP_EMULATOR/REPLAY_MISS');
    expect(body.error.message.value).toContain(`GET ${SERVICE}/A_BusinessPartner`);
    expect(body.error.message.value).toContain("LastName ne 'somebody'");
    const [nearest] = body.error.innererror.errordetails;
    expect(nearest, 'at least one candidate').toBeDefined();
    expect(nearest!.message).toContain(`GET ${SERVICE}/A_BusinessPartner`);
    expect(nearest!.message).toContain("LastName ne 'nobody'");
    expect(nearest!.message, 'why it did not match').toMatch(
      /query \$filter is .*somebody.*recorded .*nobody/,
    );

    // The same miss, with every difference of each candidate, as the Recordings page lists it.
    const misses = z
      .object({
        misses: z.array(
          z.object({
            method: z.string(),
            url: z.string(),
            candidates: z.array(
              z.object({
                session: z.string(),
                index: z.number(),
                request: z.string(),
                differences: z.array(z.object({ what: z.string(), detail: z.string() })),
              }),
            ),
          }),
        ),
      })
      .parse(await (await engine.api('/api/recordings/systems/S/misses')).json()).misses;
    expect(misses).toHaveLength(1);
    expect(misses[0]!.method).toBe('GET');
    expect(decodeURIComponent(misses[0]!.url)).toContain("LastName ne 'somebody'");
    // The nearest is the recorded getAll (entry 0), and the $filter literal is its only difference.
    expect(misses[0]!.candidates[0]).toEqual({
      session: SESSION,
      index: 0,
      request: expect.stringContaining("LastName ne 'nobody'") as unknown,
      differences: [
        {
          what: 'query',
          detail: expect.stringMatching(/^query \$filter is .*'somebody'.*, recorded .*'nobody'/) as unknown,
        },
      ],
    });
  });
});
