// The per-type and per-authentication rules: each problem names the property that is wrong.
import { describe, expect, it } from 'vitest';
import { DEMO_WORKSPACE } from '../workspace/demo.js';
import { checkWorkspace } from '../workspace/parse.js';
import { destinationProblems, HTTP_AUTHENTICATIONS, REQUIRED_BY_AUTHENTICATION } from './rules.js';

const problems = (d: Record<string, string>) =>
  destinationProblems(d).map((p) => `${p.property}: ${p.message}`);
const http = { Name: 'D', Type: 'HTTP', URL: 'https://x.example', ProxyType: 'Internet' };

describe('destination rules', () => {
  it('names every property an authentication type needs', () => {
    for (const auth of HTTP_AUTHENTICATIONS) {
      const base = {
        ...http,
        Authentication: auth,
        ...(auth === 'PrincipalPropagation' ? { ProxyType: 'OnPremise', URL: 'http://s4.virtual:1' } : {}),
      };
      expect(problems(base)).toEqual(
        REQUIRED_BY_AUTHENTICATION[auth].map((key) => `${key}: required for ${auth}`),
      );
    }
  });

  it('checks HTTP specifics', () => {
    expect(problems({ ...http, Authentication: 'NoAuthentication', URL: 'http://u:p@x' })).toEqual([
      'URL: must not carry a user or password (use User and Password)',
    ]);
    expect(problems({ Name: 'D', Type: 'HTTP', URL: 'http://x' })).toEqual([
      expect.stringMatching(/^Authentication: required: one of NoAuthentication/),
    ]);
    expect(problems({ ...http, Authentication: 'PrincipalPropagation' })).toEqual([
      'ProxyType: PrincipalPropagation needs ProxyType OnPremise',
    ]);
    expect(problems({ ...http, Authentication: 'NoAuthentication', CloudConnectorLocationId: 'a' })).toEqual([
      'CloudConnectorLocationId: only used with ProxyType OnPremise',
    ]);
    expect(
      problems({
        ...http,
        Authentication: 'NoAuthentication',
        'HTML5.DynamicDestination': 'yes',
        'URL.queries.': 'x',
      }),
    ).toEqual([
      'HTML5.DynamicDestination: must be "true" or "false"',
      'URL.queries.: the part after URL.queries. must name a query parameter',
    ]);
    expect(
      problems({
        ...http,
        Authentication: 'OAuth2ClientCredentials',
        tokenServiceURL: 'x',
        clientId: 'a',
        clientSecret: 'b',
      }),
    ).toEqual(['tokenServiceURL: "x" is not an absolute URL']);
  });

  it('checks TCP, RFC, MAIL and LDAP destinations', () => {
    expect(problems({ Name: 'T', Type: 'TCP', Address: 'host:3300' })).toEqual([]);
    expect(problems({ Name: 'T', Type: 'TCP' })).toEqual([
      'Address: required as host:port for a TCP destination',
    ]);
    expect(
      problems({
        Name: 'R',
        Type: 'RFC',
        'jco.client.client': '100',
        'jco.client.ashost': 'h',
        'jco.client.sysnr': '00',
      }),
    ).toEqual([]);
    expect(problems({ Name: 'R', Type: 'RFC', 'jco.client.ashost': 'h' })).toEqual([
      'jco.client.client: required: the three-digit SAP client',
      'jco.client.sysnr: required with jco.client.ashost: the two-digit system number',
    ]);
    expect(problems({ Name: 'M', Type: 'MAIL', Authentication: 'BasicAuthentication', User: 'u' })).toEqual([
      'Password: required for BasicAuthentication',
    ]);
    expect(problems({ Name: 'L', Type: 'LDAP', URL: 'http://x' })).toEqual([
      'URL: must start with ldap:// or ldaps://',
    ]);
  });

  it('reports destination problems in a workspace with their JSON path', () => {
    const ws = structuredClone(DEMO_WORKSPACE);
    ws.destinations = {
      subaccount: [
        {
          Name: 'S4',
          Type: 'HTTP',
          URL: 'http://s4.virtual:44300',
          Authentication: 'BasicAuthentication',
          User: 'u',
        },
      ],
    };
    expect(() => checkWorkspace(ws)).toThrow(
      expect.objectContaining({
        issues: [
          { path: '$.destinations.subaccount[0].Password', message: 'required for BasicAuthentication' },
        ],
      }),
    );
  });
});
