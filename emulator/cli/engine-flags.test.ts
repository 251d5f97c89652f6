// `start` as a container image runs it: bind address, public host and admin token from flags or the
// environment. Listeners stay on 127.0.0.1 here; only the handed-out host changes.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support.js';
import { output, ready, requireBuiltCli, run } from './test-support.js';

requireBuiltCli();

const TOKEN = 'container-admin-token-0123456789';
const withEnv = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...vars });
const localAdmin = (url: string): string => `http://127.0.0.1:${new URL(url).port}`;

describe('btp-emulator start: bind, public host and admin token', () => {
  it('hands out --public-host in the ready line and the UI link, while listening on 127.0.0.1', async () => {
    const r = run([
      'start',
      '--json',
      '--ephemeral-ports',
      '--public-host',
      'emulator.test',
      '-d',
      await tempDir(),
    ]);
    const line = await ready(r);
    for (const url of Object.values(line.urls)) expect(new URL(url).hostname).toBe('emulator.test');
    expect(line.ui.startsWith(`${line.urls.admin}/?token=`)).toBe(true);
    const health = await fetch(`${localAdmin(line.urls.admin!)}/api/health`, {
      headers: { Authorization: `Bearer ${line.adminToken}` },
    });
    expect(health.status).toBe(200);
  });

  it('takes bind, public host and a fixed admin token from the environment, as the image sets them', async () => {
    const env = withEnv({
      BTP_EMULATOR_BIND: '127.0.0.1',
      BTP_EMULATOR_PUBLIC_HOST: 'emulator.test',
      BTP_EMULATOR_ADMIN_TOKEN: TOKEN,
    });
    const r = run(['start', '--json', '--ephemeral-ports', '-d', await tempDir()], env);
    const line = await ready(r);
    expect(line.adminToken).toBe(TOKEN);
    expect(new URL(line.urls.xsuaaTls!).hostname).toBe('emulator.test');
    const health = await fetch(`${localAdmin(line.urls.admin!)}/api/health`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(health.status).toBe(200);
  });

  it('refuses a guessable admin token without printing it: exit 2', async () => {
    const weak = 'short-secret';
    const r = run(
      ['start', '--ephemeral-ports', '-d', await tempDir()],
      withEnv({ BTP_EMULATOR_ADMIN_TOKEN: weak }),
    );
    expect(await r.exit).toBe(2);
    expect(r.stderr()).toContain('EMU_ERR_CLI_USAGE');
    expect(r.stderr()).toContain('BTP_EMULATOR_ADMIN_TOKEN must be at least 16');
    expect(r.stderr()).not.toContain(weak);
  });

  it('refuses a public host with a scheme or port, naming the setting: exit 2', async () => {
    const r = run(['start', '--ephemeral-ports', '--public-host', 'http://emulator', '-d', await tempDir()]);
    expect(await r.exit).toBe(2);
    expect(r.stderr()).toContain('EMU_ERR_CLI_USAGE');
    expect(r.stderr()).toContain(
      'publicHost "http://emulator" is not valid: must be a host name or an IP address',
    );
  });

  it('vcap without a running engine names the public host from the environment', async () => {
    const r = run(['vcap', '-d', await tempDir()], withEnv({ BTP_EMULATOR_PUBLIC_HOST: 'emulator.test' }));
    const vcap = JSON.parse(await output(r)) as Record<string, { credentials: Record<string, unknown> }[]>;
    expect(await r.exit).toBe(0);
    expect(vcap.connectivity?.[0]?.credentials).toMatchObject({
      url: 'http://emulator.test:20010',
      uaadomain: 'emulator.test:20011',
      onpremise_proxy_host: 'emulator.test',
    });
  });
});
