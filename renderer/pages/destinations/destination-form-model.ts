// The destination form's model: which fields a type and authentication show, and the conversion between
// the form and BTP's flat string properties. Properties the form has no field for are edited as
// `name=value` lines, so nothing a destination carries is lost by editing it here.
import type { DestinationLevel } from '../../../app/destination/api.js';
import {
  HTTP_AUTHENTICATIONS,
  REQUIRED_BY_AUTHENTICATION,
  type HttpAuthentication,
} from '../../../app/destination/rules.js';

export const SECRET_FIELDS = new Set(['Password', 'clientSecret', 'KeyStorePassword']);

/** Fields with their own control, in display order; the rest go to "Additional properties". */
const AUTH_FIELDS = [
  'User',
  'Password',
  'tokenServiceURL',
  'clientId',
  'clientSecret',
  'KeyStoreLocation',
  'KeyStorePassword',
];
const MAIN_FIELDS = [
  'Name',
  'Type',
  'URL',
  'ProxyType',
  'Authentication',
  'CloudConnectorLocationId',
  'Description',
  'sap-client',
];
const OWN_FIELDS = new Set([...MAIN_FIELDS, ...AUTH_FIELDS]);

export const FIELD_LABELS: Record<string, string> = {
  User: 'User',
  Password: 'Password',
  tokenServiceURL: 'Token service URL',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  KeyStoreLocation: 'Key store',
  KeyStorePassword: 'Key store password',
};

export interface DestinationForm {
  level: DestinationLevel;
  values: Record<string, string>;
  /** `name=value` per line. */
  additional: string;
}

export function authFields(type: string, auth: string): string[] {
  if (type !== 'HTTP') return auth === 'BasicAuthentication' ? ['User', 'Password'] : [];
  if (!(HTTP_AUTHENTICATIONS as readonly string[]).includes(auth)) return [];
  const required = REQUIRED_BY_AUTHENTICATION[auth as HttpAuthentication];
  return AUTH_FIELDS.filter(
    (f) => required.includes(f) || (f === 'KeyStorePassword' && auth === 'ClientCertificateAuthentication'),
  );
}

export function emptyForm(): DestinationForm {
  return {
    level: 'subaccount',
    values: { Name: '', Type: 'HTTP', URL: '', ProxyType: 'Internet', Authentication: 'NoAuthentication' },
    additional: '',
  };
}

export function toForm(level: DestinationLevel, d: Record<string, string>): DestinationForm {
  const values: Record<string, string> = {};
  const extra: string[] = [];
  for (const [key, value] of Object.entries(d)) {
    if (OWN_FIELDS.has(key)) values[key] = value;
    else extra.push(`${key}=${value}`);
  }
  return { level, values, additional: extra.join('\n') };
}

/** Only the fields that apply to the chosen type and authentication, plus the additional lines. */
export function toProperties(form: DestinationForm): Record<string, string> {
  const { values } = form;
  const type = values.Type ?? 'HTTP';
  const visible = new Set([
    'Name',
    'Type',
    'Description',
    'sap-client',
    ...authFields(type, values.Authentication ?? ''),
  ]);
  if (type === 'HTTP' || type === 'LDAP') visible.add('URL');
  if (type !== 'RFC' && type !== 'TCP') visible.add('Authentication');
  visible.add('ProxyType');
  if (values.ProxyType === 'OnPremise') visible.add('CloudConnectorLocationId');
  const out: Record<string, string> = {};
  for (const key of MAIN_FIELDS.concat(AUTH_FIELDS))
    if (visible.has(key) && values[key] !== undefined && values[key] !== '') out[key] = values[key];
  for (const line of form.additional.split('\n')) {
    const at = line.indexOf('=');
    if (line.trim() === '') continue;
    if (at <= 0) out[line.trim()] = '';
    else out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}
