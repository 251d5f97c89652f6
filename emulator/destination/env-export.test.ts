// The approuter's `destinations` environment export: its schema has `additionalProperties: false`, so any
// field outside it (credentials, say) stops the approuter at start. Checked against the installed schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { destinationEngine } from './test-helpers.js';

const require = createRequire(import.meta.url);
const schemaFile = path.join(
  path.dirname(require.resolve('@sap/approuter/package.json')),
  'lib/configuration/schemas/environment-destinations-schema.json',
);
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
  properties: Record<string, unknown>;
  required: string[];
};

describe('approuter destinations export', () => {
  it('emits only fields of the approuter schema, with the proxy for OnPremise and no credentials', async () => {
    const handle = await destinationEngine({
      subaccount: [
        {
          Name: 'S4',
          Type: 'HTTP',
          URL: 'http://s4.virtual:44300',
          ProxyType: 'OnPremise',
          Authentication: 'BasicAuthentication',
          User: 'u',
          Password: 'p',
        },
        {
          Name: 'WEB',
          Type: 'HTTP',
          URL: 'https://web.example',
          Authentication: 'NoAuthentication',
          'HTML5.ForwardAuthToken': 'true',
          'HTML5.Timeout': '60000',
        },
        { Name: 'MAILER', Type: 'MAIL' },
      ],
      instance: [
        { Name: 'INST', Type: 'HTTP', URL: 'https://i.example', Authentication: 'NoAuthentication' },
      ],
    });
    const env = handle.bindingEnv().destinations;
    expect(env).toEqual([
      {
        name: 'S4',
        url: 'http://s4.virtual:44300',
        forwardAuthToken: false,
        proxyType: 'OnPremise',
        proxyHost: '127.0.0.1',
        proxyPort: expect.any(Number) as unknown,
      },
      { name: 'WEB', url: 'https://web.example', forwardAuthToken: true, timeout: 60000 },
    ]);
    for (const d of env) {
      for (const key of Object.keys(d)) expect(schema.properties, key).toHaveProperty(key);
      for (const key of schema.required) expect(d).toHaveProperty(key);
    }
  });
});
