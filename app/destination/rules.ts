// What makes a destination valid, per type and authentication, as BTP's destination service checks it on
// write. Pure and browser-safe: the workspace schema, the Destination service REST API and the UI form
// all report the same problems, each naming the property that is wrong.

export const DESTINATION_TYPES = ['HTTP', 'MAIL', 'TCP', 'RFC', 'LDAP'] as const;
export const PROXY_TYPES = ['Internet', 'OnPremise', 'PrivateLink'] as const;

/** The HTTP authentication types the emulator serves `authTokens` for, in the cockpit's order. */
export const HTTP_AUTHENTICATIONS = [
  'NoAuthentication',
  'BasicAuthentication',
  'PrincipalPropagation',
  'OAuth2ClientCredentials',
  'OAuth2UserTokenExchange',
  'OAuth2JWTBearer',
  'OAuth2Password',
  'ClientCertificateAuthentication',
] as const;
export type HttpAuthentication = (typeof HTTP_AUTHENTICATIONS)[number];

/** Properties each authentication type needs (BTP's cockpit marks the same ones mandatory). */
export const REQUIRED_BY_AUTHENTICATION: Record<HttpAuthentication, readonly string[]> = {
  NoAuthentication: [],
  BasicAuthentication: ['User', 'Password'],
  PrincipalPropagation: [],
  OAuth2ClientCredentials: ['tokenServiceURL', 'clientId', 'clientSecret'],
  OAuth2UserTokenExchange: ['tokenServiceURL', 'clientId', 'clientSecret'],
  OAuth2JWTBearer: ['tokenServiceURL', 'clientId', 'clientSecret'],
  OAuth2Password: ['tokenServiceURL', 'clientId', 'clientSecret', 'User', 'Password'],
  ClientCertificateAuthentication: ['KeyStoreLocation'],
};

/** Properties BTP treats as flags: only "true" or "false". */
const BOOLEAN_PROPERTIES = [
  'WebIDEEnabled',
  'TrustAll',
  'forwardAuthToken',
  'HTML5.DynamicDestination',
  'HTML5.ForwardAuthToken',
  'HTML5.PreserveHostHeader',
];

/** Property names BTP reads secrets from: never shown in logs or events. */
export const SECRET_PROPERTIES = [
  'Password',
  'clientSecret',
  'tokenServicePassword',
  'KeyStorePassword',
  'jco.client.passwd',
  'mail.password',
];

export interface PropertyProblem {
  /** The property that is wrong, e.g. `URL` or `URL.headers.x y`. */
  property: string;
  message: string;
}

type Props = Readonly<Record<string, unknown>>;

const str = (d: Props, key: string): string | undefined => (typeof d[key] === 'string' ? d[key] : undefined);

function httpUrlProblem(value: string | undefined, schemes: readonly string[]): string | undefined {
  if (value === undefined || value === '') return 'required';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL`;
  }
  if (!schemes.includes(url.protocol)) return `must start with ${schemes.map((s) => `${s}//`).join(' or ')}`;
  if (url.username || url.password) return 'must not carry a user or password (use User and Password)';
  return undefined;
}

function httpProblems(d: Props, out: PropertyProblem[]): void {
  const add = (property: string, message: string): number => out.push({ property, message });
  const urlProblem = httpUrlProblem(str(d, 'URL'), ['http:', 'https:']);
  if (urlProblem) add('URL', urlProblem);
  const proxy = str(d, 'ProxyType') ?? 'Internet';
  if (proxy === 'OnPremise' && !urlProblem && str(d, 'URL')?.startsWith('https:'))
    add('URL', 'an OnPremise URL uses http:// (the Cloud Connector mapping chooses HTTPS to the backend)');
  const auth = str(d, 'Authentication');
  if (auth === undefined) {
    add('Authentication', `required: one of ${HTTP_AUTHENTICATIONS.join(', ')}`);
    return;
  }
  if (!(HTTP_AUTHENTICATIONS as readonly string[]).includes(auth)) {
    add('Authentication', `"${auth}" is not emulated; use one of ${HTTP_AUTHENTICATIONS.join(', ')}`);
    return;
  }
  for (const key of REQUIRED_BY_AUTHENTICATION[auth as HttpAuthentication])
    if (!str(d, key)) add(key, `required for ${auth}`);
  if (auth === 'PrincipalPropagation' && proxy !== 'OnPremise')
    add('ProxyType', 'PrincipalPropagation needs ProxyType OnPremise');
  const tokenUrl = str(d, 'tokenServiceURL');
  if (tokenUrl) {
    const problem = httpUrlProblem(tokenUrl, ['http:', 'https:']);
    if (problem) add('tokenServiceURL', problem);
  }
}

function otherTypeProblems(type: string, d: Props, out: PropertyProblem[]): void {
  const add = (property: string, message: string): number => out.push({ property, message });
  if (type === 'TCP') {
    const address = str(d, 'Address') ?? str(d, 'URL');
    if (!address || !/^[^\s:/]+:\d{1,5}$/.test(address.replace(/^tcp:\/\//, '')))
      add('Address', 'required as host:port for a TCP destination');
  }
  if (type === 'LDAP') {
    const problem = httpUrlProblem(str(d, 'URL'), ['ldap:', 'ldaps:']);
    if (problem) add('URL', problem);
  }
  if (type === 'RFC') {
    if (!/^\d{3}$/.test(str(d, 'jco.client.client') ?? ''))
      add('jco.client.client', 'required: the three-digit SAP client');
    if (!str(d, 'jco.client.ashost') && !str(d, 'jco.client.mshost'))
      add('jco.client.ashost', 'required (or jco.client.mshost for load balancing)');
    const sysnr = str(d, 'jco.client.sysnr');
    if (str(d, 'jco.client.ashost') && !/^\d{2}$/.test(sysnr ?? ''))
      add('jco.client.sysnr', 'required with jco.client.ashost: the two-digit system number');
  }
  const auth = str(d, 'Authentication');
  if ((type === 'MAIL' || type === 'LDAP') && auth !== undefined) {
    if (auth !== 'NoAuthentication' && auth !== 'BasicAuthentication')
      add('Authentication', `a ${type} destination uses NoAuthentication or BasicAuthentication`);
    if (auth === 'BasicAuthentication')
      for (const key of ['User', 'Password']) if (!str(d, key)) add(key, 'required for BasicAuthentication');
  }
  if (str(d, 'ProxyType') === 'PrivateLink') add('ProxyType', `PrivateLink is for HTTP destinations`);
}

function commonProblems(d: Props, out: PropertyProblem[]): void {
  const add = (property: string, message: string): number => out.push({ property, message });
  const proxy = str(d, 'ProxyType');
  if (str(d, 'CloudConnectorLocationId') !== undefined && proxy !== 'OnPremise')
    add('CloudConnectorLocationId', 'only used with ProxyType OnPremise');
  const client = str(d, 'sap-client');
  if (client !== undefined && !/^\d{3}$/.test(client)) add('sap-client', 'must be three digits, e.g. 100');
  for (const key of BOOLEAN_PROPERTIES) {
    const value = str(d, key);
    if (value !== undefined && value !== 'true' && value !== 'false') add(key, 'must be "true" or "false"');
  }
  for (const key of Object.keys(d)) {
    if (key.startsWith('URL.headers.') && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key.slice(12)))
      add(key, 'the part after URL.headers. must be an HTTP header name');
    if (key.startsWith('URL.queries.') && key.length === 12)
      add(key, 'the part after URL.queries. must name a query parameter');
  }
}

/** Every problem of one destination; empty when BTP would store it. Type and Name are checked by the schema. */
export function destinationProblems(d: Props): PropertyProblem[] {
  const out: PropertyProblem[] = [];
  const type = str(d, 'Type');
  if (type === 'HTTP') httpProblems(d, out);
  else if (type !== undefined) otherTypeProblems(type, d, out);
  commonProblems(d, out);
  return out;
}
