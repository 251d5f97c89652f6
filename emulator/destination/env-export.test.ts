// The approuter's `destinations` environment export: its schema has `additionalProperties: false`, so any
// field outside it (credentials, say) stops the approuter at start, and a destination found there is never
// asked of the Destination service. Checked against the installed schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { destinationsNote } from '../bindings/formats.js';
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
  it('exports only what the format carries fully and leaves the rest to the Destination service', async () => {
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
          'sap-client': '100',
        },
        {
          Name: 'S4_OPEN',
          Type: 'HTTP',
          URL: 'http://s4.virtual:44300',
          ProxyType: 'OnPremise',
          Authentication: 'NoAuthentication',
          CloudConnectorLocationId: '',
        },
        {
          Name: 'S4_BERLIN',
          Type: 'HTTP',
          URL: 'http://s4.virtual:44300',
          ProxyType: 'OnPremise',
          Authentication: 'NoAuthentication',
          CloudConnectorLocationId: 'berlin',
        },
        {
          Name: 'WEB',
          Type: 'HTTP',
          URL: 'https://web.example',
          Authentication: 'NoAuthentication',
          Description: 'public',
          'HTML5.ForwardAuthToken': 'true',
          'HTML5.Timeout': '60000',
        },
        { Name: 'MAILER', Type: 'MAIL' },
      ],
      instance: [
        { Name: 'INST', Type: 'HTTP', URL: 'https://i.example', Authentication: 'NoAuthentication' },
      ],
    });
    const env = handle.bindingEnv();
    expect(env.destinations).toEqual([
      {
        name: 'S4_OPEN',
        url: 'http://s4.virtual:44300',
        forwardAuthToken: false,
        proxyType: 'OnPremise',
        proxyHost: '127.0.0.1',
        proxyPort: expect.any(Number) as unknown,
      },
      { name: 'WEB', url: 'https://web.example', forwardAuthToken: true, timeout: 60000 },
    ]);
    for (const d of env.destinations) {
      for (const key of Object.keys(d)) expect(schema.properties, key).toHaveProperty(key);
      for (const key of schema.required) expect(d).toHaveProperty(key);
    }
    // The approuter never asks the Destination service for a name it finds in `destinations`: an
    // authenticated or located destination there would reach the backend without its credentials.
    expect(env.destinationsLeftToService).toEqual([
      { name: 'S4', reason: 'Authentication BasicAuthentication; User, Password, sap-client' },
      { name: 'S4_BERLIN', reason: 'CloudConnectorLocationId' },
    ]);
    expect(destinationsNote(env)).toBe(
      [
        'note: 2 destinations left out of "destinations"; the approuter gets them from the Destination service (binding in VCAP_SERVICES),',
        '  because the "destinations" format cannot carry what they need:',
        '  S4: Authentication BasicAuthentication; User, Password, sap-client',
        '  S4_BERLIN: CloudConnectorLocationId',
        '',
      ].join('\n'),
    );
  });
});
