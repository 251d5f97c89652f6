// The form keeps every property a destination carries: own fields, hidden auth fields dropped when the
// authentication changes, and the rest as name=value lines.
import { describe, expect, it } from 'vitest';
import { authFields, toForm, toProperties } from './destination-form-model.js';

describe('destination form model', () => {
  it('round-trips a destination, additional properties included', () => {
    const d = {
      Name: 'S4',
      Type: 'HTTP',
      URL: 'http://s4.virtual:44300',
      ProxyType: 'OnPremise',
      Authentication: 'BasicAuthentication',
      User: 'u',
      Password: 'p',
      CloudConnectorLocationId: 'loc1',
      'sap-client': '100',
      WebIDEUsage: 'odata_gen',
      'URL.headers.x-a': 'b=c',
    };
    const form = toForm('instance', d);
    expect(form.additional).toBe('WebIDEUsage=odata_gen\nURL.headers.x-a=b=c');
    expect(toProperties(form)).toEqual(d);
  });

  it('drops fields the chosen authentication and proxy type do not use', () => {
    const form = toForm('subaccount', {
      Name: 'X',
      Type: 'HTTP',
      URL: 'https://x',
      ProxyType: 'OnPremise',
      Authentication: 'BasicAuthentication',
      User: 'u',
      Password: 'p',
      CloudConnectorLocationId: 'l',
    });
    form.values.Authentication = 'NoAuthentication';
    form.values.ProxyType = 'Internet';
    expect(toProperties(form)).toEqual({
      Name: 'X',
      Type: 'HTTP',
      URL: 'https://x',
      ProxyType: 'Internet',
      Authentication: 'NoAuthentication',
    });
    expect(authFields('HTTP', 'OAuth2Password')).toEqual([
      'User',
      'Password',
      'tokenServiceURL',
      'clientId',
      'clientSecret',
    ]);
    expect(authFields('HTTP', 'ClientCertificateAuthentication')).toEqual([
      'KeyStoreLocation',
      'KeyStorePassword',
    ]);
  });
});
