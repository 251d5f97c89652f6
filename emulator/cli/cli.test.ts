// The CLI as a black box: the built bin, spawned like a user or a tool would, its stdout lines parsed.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { onCleanup, tempDir } from '../test/support.js';
import { output, ready, requireBuiltCli, run } from './test-support.js';

requireBuiltCli();

describe('btp-emulator start --json', () => {
  it('prints the ready line with real URLs, guards health with the secret, and stops on SIGTERM within a second', async () => {
    const r = run(['start', '--json', '--ephemeral-ports', '--data-dir', await tempDir()]);
    const line = await ready(r);
    expect(line.urls.admin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(line.ui.startsWith(`${line.urls.admin}/?token=`)).toBe(true);
    expect(line.workspace).toBeNull();
    expect(line.pid).toBe(r.child.pid);
    expect((await fetch(`${line.urls.admin}/api/health`)).status).toBe(401);
    expect(
      (
        await fetch(`${line.urls.admin}/api/health`, {
          headers: { Authorization: `Bearer ${line.adminToken}` },
        })
      ).status,
    ).toBe(200);

    const signalled = Date.now();
    r.child.kill('SIGTERM');
    const code = await r.exit;
    const elapsed = Date.now() - signalled;
    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(1000); // an acceptance bound of the issue, not a speed benchmark
    expect(await output(r)).toContain('{"event":"stopped","reason":"SIGTERM"}');
    await expect(fetch(`${line.urls.admin}/api/health`)).rejects.toThrow();
  });

  it('stops cleanly on SIGINT too', async () => {
    const r = run(['start', '--json', '--ephemeral-ports', '--data-dir', await tempDir()]);
    await ready(r);
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
  });
});

describe('btp-emulator errors', () => {
  it('rejects a workspace with a schema error: exit 2, file, JSON path and reason on stderr', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'bad.json');
    const ws = structuredClone(DEMO_WORKSPACE);
    ws.xsuaa!.users![1]!.email = 'bob-at-example';
    await writeFile(file, JSON.stringify(ws, null, 2));
    const r = run(['start', '--workspace', file, '--ephemeral-ports', '--data-dir', dir]);
    expect(await r.exit).toBe(2);
    expect(r.stderr()).toContain('EMU_ERR_WORKSPACE_INVALID');
    expect(r.stderr()).toMatch(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ \\$\\.xsuaa\\.users\\[1\\]\\.email: Invalid email`,
      ),
    );
  });

  it('names the port and the setting when a port is in use: exit 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = run(['start', '--port', `admin=${port}`, '--data-dir', await tempDir()]);
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toContain(`Port ${port} for admin is already in use`);
    expect(r.stderr()).toContain('--port admin=<port>');
    expect(r.stderr()).toContain('or pass --ephemeral-ports to let every listener pick a free port');
  });

  it('treats a bad command line as usage error: exit 2 and EMU_ERR_CLI_USAGE, like every other error', async () => {
    const badPort = run(['start', '--port', 'nosuch=1']);
    expect(await badPort.exit).toBe(2);
    expect(badPort.stderr()).toMatch(
      /^EMU_ERR_CLI_USAGE: option '-p, --port <service=port>' argument 'nosuch=1' is invalid/,
    );
    const unknown = run(['start', '--frobnicate']);
    expect(await unknown.exit).toBe(2);
    expect(unknown.stderr()).toMatch(/^EMU_ERR_CLI_USAGE: unknown option '--frobnicate'\n {2}hint: /);
    const missing = run(['token']);
    expect(await missing.exit).toBe(2);
    expect(missing.stderr()).toMatch(/^EMU_ERR_CLI_USAGE: required option '-c, --client/);
  });

  it('refuses --ephemeral-ports together with an explicit --port instead of ignoring the port', async () => {
    for (const command of [['start'], ['record', 'S4'], ['exec', '--', 'true']]) {
      const [name, ...rest] = command;
      const r = run([name!, '--ephemeral-ports', '--port', 'admin=4000', ...rest]);
      expect(await r.exit, name).toBe(2);
      expect(r.stderr()).toContain(
        'EMU_ERR_CLI_USAGE: --ephemeral-ports lets every listener pick a free port, so it cannot be combined with --port admin=4000',
      );
    }
  });
});

describe('btp-emulator other commands', () => {
  it('prints version and help', async () => {
    const v = run(['--version']);
    expect(await output(v)).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(await v.exit).toBe(0);
    const h = run(['--help']);
    expect(await output(h)).toContain('start');
    expect(await h.exit).toBe(0);
  });

  it('shows an example in the help of every command, and the service names --port takes', async () => {
    const commands = [
      ...['start', 'record', 'replay', 'exec', 'vcap', 'token', 'ca', 'validate', 'init'],
      ...['stop', 'status', 'env', 'sessions', 'sessions list', 'sessions export', 'sessions import'],
    ];
    for (const command of commands) {
      const r = run([...command.split(' '), '--help']);
      const text = await output(r);
      expect(await r.exit, command).toBe(0);
      expect(text, command).toMatch(/\nExamples:\n {2}\$ .*btp-emulator /);
      if (['start', 'record', 'replay', 'exec'].includes(command))
        expect(text.replace(/\s+/g, ' '), command).toContain(
          '<service> is one of admin, xsuaa, xsuaaTls, destination, proxy, socks5',
        );
    }
  });

  it('prints a human summary with the UI link without --json', async () => {
    const r = run(['start', '--ephemeral-ports', '--data-dir', await tempDir()]);
    let text = '';
    while (!text.includes('Ctrl+C')) {
      const line = await r.lines.next();
      if (line.done) break;
      text += `${line.value}\n`;
    }
    expect(text).toMatch(/Open the UI: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(text).toContain('workspace "Demo" (built-in demo)');
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  });

  it('init writes a workspace that validate accepts, and refuses to overwrite', async () => {
    const file = path.join(await tempDir(), 'mine.json');
    expect(await run(['init', file]).exit).toBe(0);
    const v = run(['validate', file]);
    expect(await output(v)).toContain('valid workspace "Demo"');
    expect(await v.exit).toBe(0);
    const again = run(['init', file]);
    expect(await again.exit).toBe(2);
    expect(again.stderr()).toContain('already exists');
    await writeFile(file, '{"schemaVersion": 2, "name": 5}');
    const invalid = run(['validate', file]);
    expect(await invalid.exit).toBe(2);
    expect(invalid.stderr()).toContain('$.name');
  });
});

describe('btp-emulator vcap, token, exec and ca', () => {
  it('vcap works offline with the stable default ports, in every format, and --out is private', async () => {
    const dir = await tempDir();
    const json = run(['vcap', '-d', dir]);
    const vcap = JSON.parse(await output(json)) as Record<string, { credentials: Record<string, string> }[]>;
    expect(await json.exit).toBe(0);
    expect(vcap.xsuaa![0]!.credentials.url).toBe('http://127.0.0.1:20010');
    expect(vcap.connectivity![0]!.credentials.onpremise_proxy_http_port).toBe('20003');
    const shell = run(['vcap', '-d', dir, '--format', 'shell']);
    expect(await output(shell)).toMatch(/^export VCAP_SERVICES='/);
    const out = path.join(dir, 'default-env.json');
    const defaultEnv = run(['vcap', '-d', dir, '--format', 'default-env', '--out', out]);
    expect(await defaultEnv.exit).toBe(0);
    const { stat, readFile } = await import('node:fs/promises');
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    // The demo's S4 needs its credentials and sap-client: left to the Destination service, and said so.
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ destinations: [] });
    expect(defaultEnv.stderr()).toContain(
      'note: 1 destination left out of "destinations"; the approuter gets it from the Destination service',
    );
    expect(defaultEnv.stderr()).toContain(
      '  S4: Authentication BasicAuthentication; User, Password, sap-client',
    );
    expect(await run(['vcap', '-d', dir, '--format', 'yaml']).exit).toBe(2);
  });

  it('vcap and token talk to a running engine for the same data folder', async () => {
    const dir = await tempDir();
    const engineRun = run(['start', '--json', '--ephemeral-ports', '--data-dir', dir]);
    const line = await ready(engineRun);
    const vcap = JSON.parse(await output(run(['vcap', '-d', dir]))) as Record<
      string,
      { credentials: Record<string, string> }[]
    >;
    expect(vcap.xsuaa![0]!.credentials.url).toBe(line.urls.xsuaa);
    const jwt = (await output(run(['token', '-d', dir, '-c', 'demo-uaa', '-u', 'bob']))).trim();
    const verified = await fetch(`${line.urls.admin}/api/tokens/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${line.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: jwt, audience: 'demo-uaa' }),
    });
    expect(await verified.json()).toMatchObject({ valid: true, claims: { user_name: 'bob' } });
    const unknown = run(['token', '-d', dir, '-c', 'nope']);
    expect(await unknown.exit).toBe(2);
    expect(unknown.stderr()).toContain('EMU_ERR_TOKEN_REQUEST: Unknown client "nope"');
    const short = (
      await output(run(['token', '-d', dir, '-c', 'demo-uaa', '-u', 'alice', '-s', 'Display', '--json']))
    ).trim();
    expect((JSON.parse(short) as { scope: string }).scope).toBe('demo!t1.Display');
  });

  it('exec runs the command with the bindings and CA, returns its exit code, and stops the engine it started', async () => {
    const dir = await tempDir();
    const script = [
      "const fs = require('node:fs');",
      'const vcap = JSON.parse(process.env.VCAP_SERVICES);',
      'const ca = fs.readFileSync(process.env.NODE_EXTRA_CA_CERTS, "utf8");',
      'console.log(JSON.stringify({ labels: Object.keys(vcap), url: vcap.xsuaa[0].credentials.url, app: JSON.parse(process.env.VCAP_APPLICATION).application_name, certs: ca.split("BEGIN CERTIFICATE").length - 1 }));',
      'process.exit(3);',
    ].join('\n');
    const r = run(['exec', '-d', dir, '--ephemeral-ports', '--', process.execPath, '-e', script]);
    const result = JSON.parse((await output(r)).trim()) as {
      labels: string[];
      url: string;
      app: string;
      certs: number;
    };
    expect(await r.exit).toBe(3);
    expect(result.labels).toEqual(['xsuaa', 'destination', 'connectivity']);
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.app).toBe('demo-app');
    expect(result.certs).toBeGreaterThanOrEqual(1);
    expect(r.stderr()).toContain('started for this command');
    expect(existsSync(path.join(dir, 'runtime.json'))).toBe(false); // the engine it started is gone

    const missing = run(['exec', '-d', dir, '--ephemeral-ports', '--', 'no-such-command-xyz']);
    expect(await missing.exit).toBe(127);
    expect(missing.stderr()).toContain('command not found');
  });

  it('exec reuses a running engine for the same data folder', async () => {
    const dir = await tempDir();
    const line = await ready(run(['start', '--json', '--ephemeral-ports', '--data-dir', dir]));
    const r = run([
      'exec',
      '-d',
      dir,
      '--',
      process.execPath,
      '-e',
      'console.log(JSON.parse(process.env.VCAP_SERVICES).xsuaa[0].credentials.url)',
    ]);
    expect((await output(r)).trim()).toBe(line.urls.xsuaa);
    expect(await r.exit).toBe(0);
    expect(r.stderr()).not.toContain('started for this command');
  });

  it('two execs launched together on a fresh folder share one engine', async () => {
    const dir = await tempDir();
    // Each child leaves a mark and waits for the other's, so both commands run at the same time: one
    // of the two execs must then use the engine the other started (a second engine is refused).
    const child = (me: string, other: string): string =>
      [
        "const fs = require('node:fs');",
        `fs.writeFileSync(${JSON.stringify(path.join(dir, me))}, '');`,
        `const other = ${JSON.stringify(path.join(dir, other))};`,
        'const until = Date.now() + 15000;',
        'const wait = () => fs.existsSync(other) || Date.now() > until ? done() : setTimeout(wait, 10);',
        'const done = () => console.log(JSON.parse(process.env.VCAP_SERVICES).xsuaa[0].credentials.url);',
        'wait();',
      ].join('\n');
    const exec = (me: string, other: string): ReturnType<typeof run> =>
      run(['exec', '-d', dir, '--ephemeral-ports', '--', process.execPath, '-e', child(me, other)]);
    const [a, b] = [exec('a', 'b'), exec('b', 'a')];
    const [urlA, urlB] = await Promise.all([output(a), output(b)]);
    expect([await a.exit, await b.exit], a.stderr() + b.stderr()).toEqual([0, 0]);
    expect(urlA).toBe(urlB);
    expect(urlA).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(a.stderr() + b.stderr()).toContain('started for this command');
  });

  it('ca prints the CA path and how to trust it', async () => {
    const dir = await tempDir();
    const r = run(['ca', '-d', dir, '--install-hint']);
    const text = await output(r);
    expect(text.split('\n')[0]).toBe(path.join(dir, 'tls', 'ca.pem'));
    expect(text).toContain('NODE_EXTRA_CA_CERTS=');
    expect(text).toContain('keytool');
    expect(existsSync(path.join(dir, 'tls', 'ca.pem'))).toBe(true);
  });
});
