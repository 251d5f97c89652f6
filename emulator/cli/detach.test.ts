// The CLI as a CI job uses it: start --detach in one step, env into the next steps' environment,
// status, and stop at the end. Every engine a test detaches is killed when the test ends, pass or fail.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readyLineSchema } from '../../app/admin-api.js';
import { onCleanup, tempDir } from '../test/support.js';
import {
  alive,
  killDetachedAfterTest,
  output,
  parseGithubEnv,
  requireBuiltCli,
  run,
} from './test-support.js';

requireBuiltCli();

interface Credentials {
  url: string;
  clientid: string;
  clientsecret: string;
}

/** A shell step: sources the env file, then asks XSUAA for a token with the exported binding. */
const TOKEN_STEP = [
  'const c = JSON.parse(process.env.VCAP_SERVICES).xsuaa[0].credentials;',
  "const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientid, client_secret: c.clientsecret });",
  "const t = await fetch(c.url + '/oauth/token', { method: 'POST', body });",
  "const h = await fetch(process.env.BTP_EMULATOR_ADMIN_URL + '/api/health', { headers: { Authorization: 'Bearer ' + process.env.BTP_EMULATOR_ADMIN_TOKEN } });",
  "console.log(JSON.stringify({ token: t.status, health: h.status, ca: require('node:fs').existsSync(process.env.NODE_EXTRA_CA_CERTS) }));",
].join('\n');

function shellStep(script: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

async function startDetached(dir: string, extra: string[] = []) {
  killDetachedAfterTest(dir);
  const r = run(['start', '--detach', '--json', '--ephemeral-ports', '-d', dir, ...extra]);
  const text = await output(r);
  expect(await r.exit, r.stderr()).toBe(0);
  return readyLineSchema.parse(JSON.parse(text));
}

describe('btp-emulator start --detach, env, status and stop', () => {
  it('runs the engine in the background for later steps, which reach it through the env output', async () => {
    const dir = await tempDir();
    const ready = await startDetached(dir);
    expect(alive(ready.pid)).toBe(true);
    expect(ready.dataDir).toBe(dir);

    const status = run(['status', '--json', '-d', dir]);
    expect(JSON.parse(await output(status))).toMatchObject({
      running: true,
      pid: ready.pid,
      urls: ready.urls,
    });
    expect(await status.exit).toBe(0);

    const envFile = path.join(dir, 'emulator.env');
    const env = run(['env', '-d', dir]);
    await writeFile(envFile, await output(env));
    expect(await env.exit).toBe(0);
    const step = await shellStep(
      `. '${envFile}' && node --input-type=commonjs -e "(async () => { ${TOKEN_STEP} })()"`,
    );
    expect(step.code).toBe(0);
    expect(JSON.parse(step.out)).toEqual({ token: 200, health: 200, ca: true });

    // The log a CI job keeps has the engine's output, not its secrets.
    const log = await readFile(path.join(dir, 'engine.log'), 'utf8');
    expect(JSON.parse(log.split('\n')[0]!)).toMatchObject({ event: 'ready', pid: ready.pid });
    expect(log).not.toContain(ready.adminToken);

    const stop = run(['stop', '-d', dir]);
    expect(await stop.exit).toBe(0);
    expect(stop.stderr()).toContain(`Stopped btp-emulator (pid ${ready.pid})`);
    expect(alive(ready.pid)).toBe(false);
    expect(existsSync(path.join(dir, 'runtime.json'))).toBe(false);
    expect(await readFile(path.join(dir, 'engine.log'), 'utf8')).toContain(
      '{"event":"stopped","reason":"SIGTERM"}',
    );

    const after = run(['status', '-d', dir]);
    expect(await output(after)).toContain('not running');
    expect(await after.exit).toBe(3);
    const again = run(['stop', '-d', dir]);
    expect(await again.exit).toBe(0);
    expect(again.stderr()).toContain('nothing to stop');
  });

  it('prints the same variables for GitHub ($GITHUB_ENV heredocs) and GitLab (dotenv report lines)', async () => {
    const dir = await tempDir();
    const ready = await startDetached(dir);
    const shell = parseShell(await output(run(['env', '-d', dir, '--format', 'dotenv'])));
    const github = parseGithubEnv(await output(run(['env', '-d', dir, '--format', 'github'])));
    const gitlab = await output(run(['env', '-d', dir, '--format', 'gitlab']));
    expect(Object.keys(github)).toEqual([
      'VCAP_SERVICES',
      'VCAP_APPLICATION',
      'NODE_EXTRA_CA_CERTS',
      'BTP_EMULATOR_ADMIN_URL',
      'BTP_EMULATOR_ADMIN_TOKEN',
    ]);
    expect(github).toEqual(shell);
    expect(github.BTP_EMULATOR_ADMIN_URL).toBe(ready.urls.admin);
    expect(github.BTP_EMULATOR_ADMIN_TOKEN).toBe(ready.adminToken);
    const xsuaa = (JSON.parse(github.VCAP_SERVICES!) as { xsuaa: { credentials: Credentials }[] }).xsuaa;
    expect(xsuaa[0]!.credentials.url).toBe(ready.urls.xsuaa);
    // GitLab keeps quotes as part of a value and takes no multi-line values: plain KEY=value lines.
    const lines = gitlab.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(
      Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])),
    ).toEqual(github);
  });

  it('reports why a detached engine could not start, with its exit code', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = await tempDir();
    killDetachedAfterTest(dir);
    const r = run(['start', '--detach', '--port', `admin=${port}`, '-d', dir]);
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toContain(`EMU_ERR_PORT_IN_USE: Port ${port} for admin is already in use`);
    expect(existsSync(path.join(dir, 'runtime.json'))).toBe(false);
  });

  it('treats a runtime.json whose process has ended as not running, and stop removes it', async () => {
    const dir = await tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    const runtime = {
      pid: gone.pid,
      startedAt: new Date().toISOString(),
      urls: {},
      adminToken: 'x',
      workspace: null,
    };
    await writeFile(path.join(dir, 'runtime.json'), JSON.stringify(runtime));
    const status = run(['status', '--json', '-d', dir]);
    expect(JSON.parse(await output(status))).toEqual({
      running: false,
      state: 'stale',
      dataDir: dir,
      pid: gone.pid,
    });
    expect(await status.exit).toBe(3);
    const stop = run(['stop', '-d', dir]);
    expect(await stop.exit).toBe(0);
    expect(stop.stderr()).toContain('removed the stale file');
    expect(existsSync(path.join(dir, 'runtime.json'))).toBe(false);
  });

  it('exec hands its command the admin URL and token of the engine it uses', async () => {
    const dir = await tempDir();
    const script =
      'console.log(JSON.stringify([process.env.BTP_EMULATOR_ADMIN_URL, process.env.BTP_EMULATOR_ADMIN_TOKEN]))';
    const own = run(['exec', '-d', dir, '--ephemeral-ports', '--', process.execPath, '-e', script]);
    const [url, token] = JSON.parse(await output(own)) as [string, string];
    expect(await own.exit).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token.length).toBeGreaterThan(20);

    const ready = await startDetached(dir);
    const shared = run(['exec', '-d', dir, '--', process.execPath, '-e', script]);
    expect(JSON.parse(await output(shared))).toEqual([ready.urls.admin, ready.adminToken]);
    expect(await shared.exit).toBe(0);
    expect(await run(['stop', '-d', dir]).exit).toBe(0);
  });
});

/** `.env` lines as written by `env --format dotenv` (single quotes, or double quotes with escapes). */
function parseShell(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n').filter(Boolean)) {
    const eq = line.indexOf('=');
    const raw = line.slice(eq + 1);
    vars[line.slice(0, eq)] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }
  return vars;
}
