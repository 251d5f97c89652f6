// Bindings, OAuth clients, signing keys and tokens shaped like the engine's, for the Bindings and
// Tokens pages. Values follow the demo workspace (app demo-uaa, xsappname demo, users alice and bob).
import { http, HttpResponse } from 'msw';
import type {
  BindingEnv,
  ClientSummary,
  IssueTokenResponse,
  SigningKeyInfo,
  VerifyTokenResponse,
} from '../../app/admin-api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import { AT, BASE_URL } from './engine-fixtures.js';

export const SUBACCOUNT = '9f3a2c1e-5b7d-4e8f-a1b2-c3d4e5f60718';
export const UAA_SECRET = 'pHL705QvcMqQ-E4EdQkqyVX3jxRldl5S';
export const DESTINATION_SECRET = 'ykiLt-LeYPynzC6bvnzTju6FrTvPNy24';
export const UPS_PASSWORD = 'ups-Pa55word-9731';
export const VERIFICATION_KEY =
  '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvNzsMgqqDZenLV5RcCEQ\nVo6dto5ZjvzRCj8gj2nxhEXNBh6R/SQqSf0Q5brfL335/7YO4lMhIAUIgQF24Uy5\nHwIDAQAB\n-----END PUBLIC KEY-----\n';
export const CA_BUNDLE = '/home/dev/.local/share/btp-emulator/demo/tls/node-extra-ca-certs.pem';

const DESTINATION_XSAPPNAME = 'clonee14f30d5d2ebe85108591876cfb98d3b!b1|destination-xsappname!b9';
const CONNECTIVITY_XSAPPNAME = 'clonea0ad96bb308e3c70356cd80a1a31c77f!b1|connectivity!b17';

function oauth(clientid: string, clientsecret: string, xsappname: string): Record<string, unknown> {
  return {
    clientid,
    clientsecret,
    url: 'http://127.0.0.1:20010',
    uaadomain: 'localhost:20011',
    xsappname,
    tenantid: SUBACCOUNT,
    tenantmode: 'dedicated',
  };
}

function vcapEntry(label: string, name: string, plan: string, tags: string[], credentials: object) {
  return { label, provider: null, plan, name, tags, instance_name: name, binding_name: null, credentials };
}

export function bindingEnv(overrides: Partial<BindingEnv> = {}): BindingEnv {
  return {
    VCAP_SERVICES: {
      xsuaa: [
        vcapEntry('xsuaa', 'demo-uaa', 'application', ['xsuaa'], {
          ...oauth('sb-demo!t1', UAA_SECRET, 'demo!t1'),
          verificationkey: VERIFICATION_KEY,
        }),
      ],
      destination: [
        vcapEntry('destination', 'demo-destination', 'lite', ['destination', 'conn', 'connsvc'], {
          ...oauth(`sb-${DESTINATION_XSAPPNAME}`, DESTINATION_SECRET, DESTINATION_XSAPPNAME),
          uri: 'http://127.0.0.1:20020',
        }),
      ],
      connectivity: [
        vcapEntry('connectivity', 'demo-connectivity', 'lite', ['connectivity', 'conn', 'connsvc'], {
          ...oauth(
            `sb-${CONNECTIVITY_XSAPPNAME}`,
            'iHcNew0jvQ_BUonawqGPSkPJKjdQeDK4',
            CONNECTIVITY_XSAPPNAME,
          ),
          onpremise_proxy_host: '127.0.0.1',
          onpremise_proxy_port: '20003',
        }),
      ],
      'user-provided': [
        vcapEntry('user-provided', 'legacy-db', '', ['postgres'], {
          host: 'db.internal',
          login: { user: 'app', password: UPS_PASSWORD },
        }),
      ],
    },
    VCAP_APPLICATION: {
      application_name: 'demo-app',
      name: 'demo-app',
      space_name: 'dev',
      organization_name: 'local',
    },
    destinations: [],
    caBundle: CA_BUNDLE,
    ...overrides,
  };
}

export const CLIENTS: ClientSummary[] = [
  { kind: 'xsuaa', binding: 'demo-uaa', clientId: 'sb-demo!t1', xsappname: 'demo!t1' },
  {
    kind: 'destination',
    binding: 'demo-destination',
    clientId: `sb-${DESTINATION_XSAPPNAME}`,
    xsappname: DESTINATION_XSAPPNAME,
  },
  {
    kind: 'connectivity',
    binding: 'demo-connectivity',
    clientId: `sb-${CONNECTIVITY_XSAPPNAME}`,
    xsappname: CONNECTIVITY_XSAPPNAME,
  },
];

export function signingKey(overrides: Partial<SigningKeyInfo> = {}): SigningKeyInfo {
  return {
    kid: 'key-jmNe6kZcD8WMQLQS',
    createdAt: AT,
    activatesAt: AT,
    retiredAt: null,
    current: true,
    removedAt: null,
    ...overrides,
  };
}

const base64url = (value: object): string =>
  btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

export const TOKEN_HEADER = { alg: 'RS256', kid: 'key-jmNe6kZcD8WMQLQS', typ: 'JWT' };
export const IAT = 1_767_261_600; // 2026-01-01T10:00:00Z
export const USER_CLAIMS = {
  jti: '47439e5753de4780bff1902bed7f1025',
  scope: ['openid', 'uaa.user', 'demo!t1.Display', 'demo!t1.Edit'],
  client_id: 'sb-demo!t1',
  cid: 'sb-demo!t1',
  iat: IAT,
  exp: IAT + 43_200,
  iss: 'http://127.0.0.1:20010/oauth/token',
  zid: SUBACCOUNT,
  aud: ['openid', 'uaa', 'demo!t1', 'sb-demo!t1'],
  'xs.system.attributes': { 'xs.rolecollections': ['Demo_Editor'] },
  grant_type: 'password',
  user_name: 'alice',
  email: 'alice@example.com',
  auth_time: IAT,
};

export function jwt(claims: object = USER_CLAIMS, header: object = TOKEN_HEADER): string {
  return `${base64url(header)}.${base64url(claims)}.c2lnbmF0dXJlLW9mLXRoZS1pc3N1ZXI`;
}

export function issueResponse(claims: Record<string, unknown> = USER_CLAIMS): IssueTokenResponse {
  return {
    access_token: jwt(claims),
    token_type: 'bearer',
    expires_in: 43_200,
    scope: (claims.scope as string[]).join(' '),
    jti: String(claims.jti),
    refresh_token: jwt({ ...claims, aud: ['xsuaa-refresh'] }),
    claims,
  };
}

export function verifyResponse(overrides: Partial<VerifyTokenResponse> = {}): VerifyTokenResponse {
  return { valid: true, header: TOKEN_HEADER, claims: USER_CLAIMS, problems: [], ...overrides };
}

export const workspaceResponse = {
  summary: { name: 'Demo', path: null, source: 'demo', schemaVersion: 2, migrated: [] },
  workspace: DEMO_WORKSPACE,
  persisted: false,
};

/** The read-only endpoints every test of these pages needs; tests override one with server.use(). */
export const xsuaaReadHandlers = [
  http.get(`${BASE_URL}/api/bindings`, () => HttpResponse.json(bindingEnv())),
  http.get(`${BASE_URL}/api/xsuaa/keys`, () => HttpResponse.json([signingKey()])),
  http.get(`${BASE_URL}/api/xsuaa/clients`, () => HttpResponse.json(CLIENTS)),
  http.get(`${BASE_URL}/api/workspace`, () => HttpResponse.json(workspaceResponse)),
];

export function errorBody(code: string, message: string, issues: { path: string; message: string }[] = []) {
  return { error: { code, message, hint: 'Check the request.', ...(issues.length > 0 ? { issues } : {}) } };
}
