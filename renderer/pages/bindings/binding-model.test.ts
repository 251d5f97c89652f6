import { describe, expect, it } from 'vitest';
import { groupBindings, isLongCredential, isSecretCredential, shellArg } from './binding-model.js';

describe('groupBindings', () => {
  it('keeps the VCAP_SERVICES order and each entry as it is, and skips what is not a binding', () => {
    const uaa = {
      label: 'xsuaa',
      name: 'a',
      plan: 'application',
      tags: ['xsuaa'],
      credentials: { clientid: 'x' },
    };
    const groups = groupBindings({
      xsuaa: [uaa, { label: 'xsuaa', credentials: {} }],
      'user-provided': [{ name: 'db', credentials: { host: 'h' } }],
      broken: 'not a list',
      empty: [],
    });
    expect(groups.map((g) => g.label)).toEqual(['xsuaa', 'user-provided']);
    expect(groups[0]!.bindings).toEqual([
      {
        label: 'xsuaa',
        name: 'a',
        plan: 'application',
        tags: ['xsuaa'],
        credentials: { clientid: 'x' },
        raw: uaa,
      },
    ]);
    // Label falls back to the VCAP_SERVICES key, plan and tags to empty.
    expect(groups[1]!.bindings[0]).toMatchObject({ label: 'user-provided', plan: '', tags: [] });
  });
});

describe('credential classification', () => {
  it.each([
    ['clientsecret', 'abc', true],
    ['password', 'abc', true],
    ['DB_PASSWORD', 'abc', true],
    ['apiKey', 'abc', true],
    ['private_key', 'abc', true],
    ['login', { user: 'u', password: 'p' }, true],
    ['pool', [{ nested: { secret: 's' } }], true],
    ['clientid', 'abc', false],
    ['verificationkey', '-----BEGIN PUBLIC KEY-----', false],
    ['token_service_url', 'http://x', false],
  ])('%s is secret: %s', (key, value, secret) => {
    expect(isSecretCredential(key, value)).toBe(secret);
  });

  it('collapses multi-line and long values', () => {
    expect(isLongCredential('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n')).toBe(true);
    expect(isLongCredential('x'.repeat(121))).toBe(true);
    expect(isLongCredential({ a: 1 })).toBe(true);
    expect(isLongCredential('sb-demo!t1')).toBe(false);
  });
});

describe('shellArg', () => {
  it('quotes only what needs quoting', () => {
    expect(shellArg('/repo/ws.yaml')).toBe('/repo/ws.yaml');
    expect(shellArg("/my repo/it's.yaml")).toBe(`'/my repo/it'\\''s.yaml'`);
  });
});
