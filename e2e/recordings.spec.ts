// The Recordings page against the real CLI (issue 7: "records, stops, and replays from the Recordings
// page"). A plain node:http server stands in for the real SAP system behind a Cloud Connector mapping.
// From the page: record that mapping, watch the proxied requests appear in the timeline with their OData
// operation, stop, replay; then, with the stand-in closed, the same request gets the recorded answer and
// a changed one shows up in the miss list with the recorded candidate and why it did not match.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test, type RunningEngine } from './fixtures/engine.js';
import { mapLocalBackend, proxyToken } from './fixtures/proxy.js';

const SERVICE = '/sap/opu/odata/sap/ZPARTNER_SRV';
const VIRTUAL = 'http://erp.virtual:8000';
const SESSION = 'e2e-session';
const NAMES: Record<string, string> = { '1': 'Real One', '2': 'Real Two' };

interface StandIn {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Answers Partners('<id>') with a small OData V2 entity, anything else with an OData 404. */
async function startStandIn(): Promise<StandIn> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const id = /\/Partners\('(\d+)'\)$/.exec(req.url ?? '')?.[1];
    const name = id === undefined ? undefined : NAMES[id];
    const body = name
      ? { d: { __metadata: { type: 'ZPARTNER_SRV.Partner' }, Id: id, Name: name } }
      : { error: { code: 'NOT_FOUND', message: { lang: 'en', value: `No resource ${req.url}` } } };
    res
      .writeHead(name ? 200 : 404, { 'content-type': 'application/json', 'sap-server': 'true' })
      .end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })),
  };
}

interface Answer {
  status: number;
  body: string;
}

/** A GET through the connectivity proxy, as an app on BTP sends it (Basic credentials for the backend). */
function viaProxy(engine: RunningEngine, token: string, url: string): Promise<Answer> {
  const proxy = new URL(engine.ready.urls.proxy!);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: proxy.hostname,
        port: proxy.port,
        path: url,
        headers: {
          'Proxy-Authorization': `Bearer ${token}`,
          Authorization: `Basic ${Buffer.from('DEVELOPER:Welcome1').toString('base64')}`,
          Accept: 'application/json',
        },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const partner = (id: string): string => `${VIRTUAL}${SERVICE}/Partners('${id}')`;

async function openRecordings(page: Page, engine: RunningEngine): Promise<void> {
  await page.goto(engine.ready.ui);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText('Live');
  await page
    .getByRole('navigation', { name: 'Product areas' })
    .getByRole('link', { name: 'Recordings' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recordings' })).toBeVisible();
}

test('Recordings: record a mapping, stop, replay without the real system, explain a miss', async ({
  page,
  engine,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const standIn = await startStandIn();
  try {
    await mapLocalBackend(engine, Number(new URL(standIn.url).port), '/sap/opu/odata/');
    const token = await proxyToken(engine);
    await openRecordings(page, engine);

    // Record: the mapping to the stand-in's host gets a system in front of it, in record mode.
    const mappings = page.getByRole('table', { name: 'Mappings to real hosts' });
    await expect(mappings.getByRole('row', { name: /erp\.virtual:8000/ })).toContainText(standIn.url);
    await mappings.getByRole('button', { name: 'Record mapping erp.virtual:8000' }).click();
    const recordForm = page.getByRole('form', { name: 'Record mapping erp.virtual:8000 into a session' });
    await recordForm.getByLabel('Session name').fill(SESSION);
    await recordForm.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'erp.virtual:8000 is recorded' })).toHaveText(
      `erp.virtual:8000 is recorded by system erp.virtual into session ${SESSION}.`,
    );
    const modes = page.getByRole('table', { name: 'Recording modes' });
    const system = modes
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'erp.virtual' }) });
    await expect(system).toContainText('Recording');
    await expect(system).toContainText(`Writing to ${SESSION}`);
    await expect(system).toContainText(standIn.url);

    await system.getByRole('button', { name: `Open session ${SESSION}` }).click();
    const timeline = page.getByRole('region', { name: `Session ${SESSION}` });
    await expect(timeline.getByText('No entries yet.', { exact: false })).toBeVisible();

    const recorded = [
      await viaProxy(engine, token, partner('1')),
      await viaProxy(engine, token, partner('2')),
    ];
    expect(recorded.map((r) => r.status)).toEqual([200, 200]);
    expect(recorded[0]!.body).toContain('Real One');
    expect(standIn.requests).toEqual([`GET ${SERVICE}/Partners('1')`, `GET ${SERVICE}/Partners('2')`]);

    // The entries appear live, with their OData operation.
    const entries = timeline.getByRole('table', { name: 'Entries' });
    await expect(timeline.getByRole('status', { name: 'Entries shown' })).toHaveText('1–2 of 2');
    const first = entries.getByRole('row').filter({ hasText: `GET ${SERVICE}/Partners('1')` });
    await expect(first).toContainText('200');
    await expect(first).toContainText(/read Partners/);
    await expect(system).toContainText('2 recorded');

    // The entry in full: the Basic credentials were redacted on disk, and the body is formatted JSON.
    await first.getByRole('button').click();
    // The entry keeps the URL the real system was called with.
    const detail = page.getByRole('region', { name: /^GET http:\/\/127\.0\.0\.1:\d+\/.*\/Partners\('1'\)$/ });
    await expect(detail.getByRole('region', { name: 'Request' }).locator('mark')).toHaveText(['[redacted]']);
    await expect(detail.getByLabel('Response body', { exact: true })).toContainText('"Name": "Real One"');

    // Stop, then replay the session.
    await system.getByRole('button', { name: 'Stop recording of erp.virtual' }).click();
    await expect(system).toContainText('Live');
    await system.getByRole('button', { name: 'Replay erp.virtual…' }).click();
    const replayForm = page.getByRole('form', { name: 'Replay erp.virtual' });
    await expect(replayForm.getByRole('checkbox', { name: new RegExp(`^${SESSION}`) })).toBeChecked();
    await replayForm.getByLabel('On a miss').selectOption('strict');
    await replayForm.getByRole('button', { name: 'Start replay' }).click();
    await expect(system).toContainText('Replaying');
    await expect(system).toContainText(`From ${SESSION}`);

    // The real system is gone: the same request gets the recorded answer.
    await standIn.close();
    const replayed = await viaProxy(engine, token, partner('1'));
    expect(replayed).toEqual(recorded[0]);
    await expect(system).toContainText('1 hit ·');
    await expect(first.getByRole('cell').last()).toHaveText('1');

    // A changed request is a strict miss that names the nearest recorded requests; the page explains it.
    const missed = await viaProxy(engine, token, partner('3'));
    expect(missed.status).toBeGreaterThanOrEqual(400);
    expect(missed.body).toContain("Partners('1')");
    await expect(system).toContainText('1 hit · 1 miss');
    await system.getByRole('button', { name: 'Misses of erp.virtual' }).click();
    const misses = page.getByRole('list', { name: 'Misses of erp.virtual' });
    const miss = misses.getByRole('listitem', { name: `GET ${SERVICE}/Partners('3')`, exact: true });
    await expect(miss).toContainText(`As matched: GET ${SERVICE}/Partners('3')`);
    const candidates = miss.getByRole('table', { name: `Candidates for GET ${SERVICE}/Partners('3')` });
    const nearest = candidates.getByRole('row').filter({ hasText: `${SESSION} #0` });
    await expect(nearest).toContainText(`GET ${SERVICE}/Partners('1')`);
    await expect(nearest.getByRole('listitem')).toHaveText(
      `path path ${SERVICE}/Partners('3'), recorded ${SERVICE}/Partners('1')`,
    );
    expect(standIn.requests).toHaveLength(2);

    // Export downloads the session as HAR, redacted; importing that file makes a second session.
    const sessions = page.getByRole('table', { name: 'Sessions' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      sessions.getByRole('button', { name: `Export ${SESSION}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${SESSION}.har`);
    const harText = await readFile(await download.path(), 'utf8');
    const har = JSON.parse(harText) as { log: { entries: { request: { url: string } }[] } };
    expect(har.log.entries.map((e) => e.request.url)).toEqual([
      expect.stringMatching(/\/Partners\('1'\)$/),
      expect.stringMatching(/\/Partners\('2'\)$/),
    ]);
    expect(harText).not.toContain(Buffer.from('DEVELOPER:Welcome1').toString('base64'));
    const importForm = page.getByRole('form', { name: 'Import a HAR file' });
    await importForm.getByLabel('HAR file').setInputFiles({
      name: 'e2e copy.har',
      mimeType: 'application/json',
      buffer: Buffer.from(harText),
    });
    await expect(importForm.getByLabel('Session name')).toHaveValue('e2e_copy');
    await importForm.getByLabel('System').selectOption('erp.virtual');
    await importForm.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('region', { name: 'Import result' })).toContainText(
      'Imported 2 entries into session e2e_copy.',
    );
    await expect(sessions.getByRole('row').filter({ hasText: 'e2e_copy' })).toContainText('erp.virtual');

    await page.setViewportSize({ width: 1440, height: 2200 });
    await page.screenshot({ path: 'test-results/recordings.png', fullPage: true });
    expect(problems).toEqual([]);
  } finally {
    await standIn.close();
  }
});
