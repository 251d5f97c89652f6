import { execFileSync } from 'node:child_process';
import { writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { engine, tempDir } from '../test/support.js';
import { bindingVariables, formatBindings, formatVariables, shellQuote, writeCaBundle } from './formats.js';

type Vcap = Record<
  string,
  { label: string; name: string; tags: string[]; credentials: Record<string, unknown> }[]
>;

describe('VCAP_SERVICES', () => {
  it('has the shapes the SAP libraries need (labels, tags, url, uaadomain, string ports, no identityzone)', async () => {
    const workspace = structuredClone(DEMO_WORKSPACE);
    workspace.bindings!.userProvided = [{ name: 'my-ups', tags: ['custom'], credentials: { apiKey: 'k' } }];
    const handle = await engine({ workspace });
    const env = handle.bindingEnv();
    const vcap = env.VCAP_SERVICES as Vcap;
    expect(Object.keys(vcap)).toEqual(['xsuaa', 'destination', 'connectivity', 'user-provided']);
    const [xsuaa, destination, connectivity] = [
      vcap.xsuaa![0]!,
      vcap.destination![0]!,
      vcap.connectivity![0]!,
    ];
    expect([xsuaa.label, xsuaa.name, xsuaa.tags]).toEqual(['xsuaa', 'demo-uaa', ['xsuaa']]);
    expect(xsuaa.credentials).toMatchObject({
      clientid: 'sb-demo!t1',
      xsappname: 'demo!t1',
      url: handle.urls.xsuaa,
      uaadomain: `localhost:${new URL(handle.urls.xsuaaTls!).port}`,
      tenantmode: 'dedicated',
      tenantid: DEMO_WORKSPACE.subaccount.id,
    });
    expect(xsuaa.credentials).not.toHaveProperty('identityzone');
    expect(xsuaa.credentials.verificationkey).toMatch(/BEGIN PUBLIC KEY/);
    expect(destination.tags).toEqual(['destination', 'conn', 'connsvc']);
    expect(destination.credentials.clientid).toMatch(/^sb-clone[0-9a-f]{32}!b1\|destination-xsappname!b9$/);
    expect(destination.credentials.uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(connectivity.tags).toEqual(['connectivity', 'conn', 'connsvc']);
    for (const key of [
      'onpremise_proxy_port',
      'onpremise_proxy_http_port',
      'onpremise_socks5_proxy_port',
      'onpremise_proxy_rfc_port',
    ]) {
      expect(typeof connectivity.credentials[key], key).toBe('string');
    }
    for (const b of [xsuaa, destination, connectivity])
      expect(b.credentials.token_service_url).toBe(b.credentials.url);
    expect(new Set([xsuaa, destination, connectivity].map((b) => b.credentials.clientsecret)).size).toBe(3);
    expect(vcap['user-provided']![0]).toMatchObject({
      label: 'user-provided',
      name: 'my-ups',
      credentials: { apiKey: 'k' },
    });
    expect(env.VCAP_APPLICATION).toMatchObject({ application_name: 'demo-app', space_name: 'dev' });
    // The demo's S4 authenticates (BasicAuthentication, sap-client): the Destination service serves it.
    expect(env.destinations).toEqual([]);
    expect(env.destinationsLeftToService).toEqual([
      { name: 'S4', reason: 'Authentication BasicAuthentication; User, Password, sap-client' },
    ]);
  });

  it('adds identityzone and ext_attr.zdn only for a multi-tenant workspace', async () => {
    const workspace = structuredClone(DEMO_WORKSPACE);
    workspace.xsuaa!.multiTenant = true;
    const handle = await engine({ workspace });
    const vcap = handle.bindingEnv().VCAP_SERVICES as Vcap;
    expect(vcap.xsuaa![0]!.credentials).toMatchObject({ identityzone: 'demo', tenantmode: 'shared' });
  });
});

describe('binding formats', () => {
  const env = {
    VCAP_SERVICES: { xsuaa: [{ credentials: { clientsecret: 'it\'s "quoted" $HOME `x` \\ back' } }] },
    VCAP_APPLICATION: { application_name: 'a' },
    destinations: [{ name: 'd', url: 'http://x' }],
    caBundle: '/tmp/ca bundle.pem',
  };

  it('round-trips every value through a POSIX shell', async () => {
    const file = path.join(await tempDir(), 'env.sh');
    await writeFile(file, formatBindings(env, 'shell'));
    const out = execFileSync(
      'sh',
      ['-c', `. '${file}'; printf '%s\\n%s' "$VCAP_SERVICES" "$NODE_EXTRA_CA_CERTS"`],
      { encoding: 'utf8' },
    );
    const [vcap, ca] = out.split('\n');
    expect(JSON.parse(vcap!)).toEqual(env.VCAP_SERVICES);
    expect(ca).toBe('/tmp/ca bundle.pem');
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });

  it('writes default-env.json with VCAP_SERVICES and destinations, and dotenv lines', () => {
    const defaultEnv = JSON.parse(formatBindings(env, 'default-env')) as Record<string, unknown>;
    expect(Object.keys(defaultEnv)).toEqual(['VCAP_SERVICES', 'VCAP_APPLICATION', 'destinations']);
    const dotenv = formatBindings(env, 'dotenv').split('\n');
    expect(dotenv[0]).toMatch(/^VCAP_SERVICES="/); // a value with ' needs double quotes in dotenv
    expect(JSON.parse(JSON.parse(dotenv[0]!.slice('VCAP_SERVICES='.length)) as string)).toEqual(
      env.VCAP_SERVICES,
    );
    expect(formatBindings({ ...env, VCAP_SERVICES: {} }, 'dotenv')).toContain("VCAP_SERVICES='{}'");
  });

  it('writes $GITHUB_ENV heredocs no value can end early, and GitLab dotenv lines without quoting', () => {
    const vars = bindingVariables(env, { url: 'http://127.0.0.1:1', token: 't' });
    const github = formatVariables({ ...vars, TRICKY: 'line one\nBTP_EMULATOR_EOF_\nEOF' }, 'github');
    const delimiter = /^VCAP_SERVICES<<(\S+)$/m.exec(github)![1]!;
    expect(delimiter).toMatch(/^BTP_EMULATOR_EOF_[0-9a-f]{16}$/);
    expect(github).toContain(`TRICKY<<${delimiter}\nline one\nBTP_EMULATOR_EOF_\nEOF\n${delimiter}\n`);
    expect(github).toContain(`BTP_EMULATOR_ADMIN_TOKEN<<${delimiter}\nt\n${delimiter}\n`);
    const gitlab = formatVariables(vars, 'gitlab').trimEnd().split('\n');
    expect(gitlab.map((l) => l.slice(0, l.indexOf('=')))).toEqual([
      'VCAP_SERVICES',
      'VCAP_APPLICATION',
      'NODE_EXTRA_CA_CERTS',
      'BTP_EMULATOR_ADMIN_URL',
      'BTP_EMULATOR_ADMIN_TOKEN',
    ]);
    expect(JSON.parse(gitlab[0]!.slice('VCAP_SERVICES='.length))).toEqual(env.VCAP_SERVICES);
    expect(gitlab[2]).toBe('NODE_EXTRA_CA_CERTS=/tmp/ca bundle.pem');
    expect(() => formatVariables({ A: 'two\nlines' }, 'gitlab')).toThrow(/A has a line break/);
  });

  it('combines the existing NODE_EXTRA_CA_CERTS with the emulator CA instead of replacing it', async () => {
    const dir = await tempDir();
    const existing = path.join(dir, 'corp.pem');
    await writeFile(existing, '-----BEGIN CERTIFICATE-----\nCORP\n-----END CERTIFICATE-----\n');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'tls'));
    const ours = '-----BEGIN CERTIFICATE-----\nOURS\n-----END CERTIFICATE-----';
    const bundle = await writeCaBundle(dir, ours, existing);
    const text = await readFile(bundle, 'utf8');
    expect(text).toContain('CORP');
    expect(text).toContain('OURS');
    // Nested exec: the existing value is our own bundle; it must not grow.
    const nested = await readFile(await writeCaBundle(dir, ours, bundle), 'utf8');
    expect(nested.split('OURS').length - 1).toBe(1);
  });
});
