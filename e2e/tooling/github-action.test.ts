// The GitHub Action in ci/github-action: its steps are scripts, run here as the runner runs them
// (GITHUB_ENV and GITHUB_OUTPUT as files, RUNNER_TEMP as a folder), against the built CLI.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  alive,
  cliCommand,
  killDetachedAfterTest,
  parseGithubEnv,
  requireBuiltCli,
} from '../../emulator/cli/test-support.js';
import { tempDir } from '../../emulator/test/support.js';

requireBuiltCli();

const ACTION = fileURLToPath(new URL('../../ci/github-action/', import.meta.url));

function script(
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(ACTION, file)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** A later step of the job: its environment is the runner's plus what $GITHUB_ENV holds. */
function laterStep(env: NodeJS.ProcessEnv): Promise<{ token: number; health: number }> {
  const code = [
    'const c = JSON.parse(process.env.VCAP_SERVICES).xsuaa[0].credentials;',
    "const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientid, client_secret: c.clientsecret });",
    "const t = await fetch(c.url + '/oauth/token', { method: 'POST', body });",
    "const h = await fetch(process.env.BTP_EMULATOR_ADMIN_URL + '/api/health', { headers: { Authorization: 'Bearer ' + process.env.BTP_EMULATOR_ADMIN_TOKEN } });",
    'console.log(JSON.stringify({ token: t.status, health: h.status }));',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.once('exit', () => {
      try {
        resolve(JSON.parse(out) as { token: number; health: number });
      } catch {
        reject(new Error(`the step printed no result: ${out}`));
      }
    });
  });
}

const outputs = async (file: string): Promise<Record<string, string>> =>
  Object.fromEntries(
    (await readFile(file, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('GitHub Action (ci/github-action)', () => {
  it('start.sh exports a working environment to $GITHUB_ENV; stop.sh stops the engine, also twice', async () => {
    const runnerTemp = await tempDir();
    const dataDir = path.join(runnerTemp, 'btp-emulator');
    killDetachedAfterTest(dataDir);
    const files = { GITHUB_ENV: path.join(runnerTemp, 'env'), GITHUB_OUTPUT: path.join(runnerTemp, 'out') };
    await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
    const runner = { ...process.env, ...files, RUNNER_TEMP: runnerTemp, BTP_EMULATOR_CLI: cliCommand };

    const start = await script('start.sh', { ...runner, INPUT_EPHEMERAL_PORTS: 'true' });
    expect(start.code, start.err).toBe(0);
    const exported = parseGithubEnv(await readFile(files.GITHUB_ENV, 'utf8'));
    const startOutputs = await outputs(files.GITHUB_OUTPUT);
    const pid = Number(startOutputs.pid);
    expect(startOutputs).toEqual({
      'admin-url': exported.BTP_EMULATOR_ADMIN_URL,
      'data-dir': dataDir,
      pid: String(pid),
    });
    expect(exported.BTP_EMULATOR_DATA_DIR).toBe(dataDir);
    expect(start.out).toContain(`::add-mask::${exported.BTP_EMULATOR_ADMIN_TOKEN}\n`);
    expect(alive(pid)).toBe(true);

    expect(await laterStep({ ...process.env, ...exported })).toEqual({ token: 200, health: 200 });

    await writeFile(files.GITHUB_OUTPUT, '');
    const stop = await script('stop.sh', { ...runner, ...exported });
    expect(stop.code, stop.err).toBe(0);
    expect(await outputs(files.GITHUB_OUTPUT)).toEqual({ 'data-dir': dataDir });
    expect(alive(pid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'engine.log'))).toBe(true);
    const again = await script('stop.sh', { ...runner, ...exported });
    expect(again.code, again.err).toBe(0);
  });

  it('runs those scripts from its action files and uploads the recordings, audit log and engine log', async () => {
    type Step = { run?: string; uses?: string; with?: Record<string, string> };
    type Action = { runs: { using: string; steps: Step[] } };
    const start = parse(await readFile(path.join(ACTION, 'action.yml'), 'utf8')) as Action;
    const stop = parse(await readFile(path.join(ACTION, 'stop/action.yml'), 'utf8')) as Action;
    expect([start.runs.using, stop.runs.using]).toEqual(['composite', 'composite']);
    expect(start.runs.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'bash "$GITHUB_ACTION_PATH/start.sh"',
    ]);
    expect(stop.runs.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'bash "$GITHUB_ACTION_PATH/../stop.sh"',
    ]);
    const upload = stop.runs.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path?.trim().split('\n')).toEqual([
      '${{ steps.stop.outputs.data-dir }}/recordings',
      '${{ steps.stop.outputs.data-dir }}/audit',
      '${{ steps.stop.outputs.data-dir }}/engine.log',
    ]);
  });
});
