// Token operations shared by the admin API (Tokens page) and the CLI (`btp-emulator token`).
import { decodeJwt } from 'jose';
import type {
  ClientSummary,
  IssueTokenRequest,
  IssueTokenResponse,
  SigningKeyInfo,
  VerifyTokenRequest,
  VerifyTokenResponse,
} from '../../app/admin-api.js';
import { EmulatorError } from '../../app/errors.js';
import type { Workspace } from '../../app/workspace/schema.js';
import { ScopeError } from './issuer.js';
import type { XsuaaCore } from './service.js';

export function listClients(core: XsuaaCore): ClientSummary[] {
  return core
    .clients()
    .all.map(({ kind, binding, clientId, xsappname }) => ({ kind, binding, clientId, xsappname }));
}

export async function issueToken(
  core: XsuaaCore,
  ws: Workspace,
  request: IssueTokenRequest,
): Promise<IssueTokenResponse> {
  const client = core.clients().find(request.client);
  if (!client) {
    const known = core
      .clients()
      .all.map((c) => c.binding)
      .join(', ');
    throw new EmulatorError(
      'EMU_ERR_TOKEN_REQUEST',
      `Unknown client "${request.client}"; known bindings: ${known}.`,
      {
        issues: [{ path: '$.client', message: 'no binding or client id of this name' }],
      },
    );
  }
  // Short names mean the client's own app: `Display` is `<xsappname>!t1.Display`.
  const scopes = request.scopes?.map((s) =>
    s.includes('.') || s === 'openid' ? s : `${client.xsappname}.${s}`,
  );
  const options = {
    ...(scopes === undefined ? {} : { scopes }),
    ...(request.expiresIn === undefined ? {} : { expiresIn: request.expiresIn }),
  };
  try {
    if (request.user === undefined) return withClaims(await core.issuer.clientCredentials(client, options));
    const user = ws.xsuaa.users.find((u) => u.name === request.user);
    if (!user) {
      throw new EmulatorError('EMU_ERR_TOKEN_REQUEST', `Unknown user "${request.user}".`, {
        issues: [
          {
            path: '$.user',
            message: `not a user of the workspace (${ws.xsuaa.users.map((u) => u.name).join(', ')})`,
          },
        ],
      });
    }
    return withClaims(await core.issuer.forUser(client, user, 'password', options));
  } catch (error) {
    if (error instanceof ScopeError) {
      throw new EmulatorError('EMU_ERR_TOKEN_REQUEST', error.message, {
        issues: [{ path: '$.scopes', message: error.message }],
      });
    }
    throw error;
  }
}

function withClaims(response: Omit<IssueTokenResponse, 'claims'>): IssueTokenResponse {
  return { ...response, claims: decodeJwt(response.access_token) };
}

export function verify(core: XsuaaCore, request: VerifyTokenRequest): VerifyTokenResponse {
  const audience =
    request.audience === undefined ? undefined : (core.clients().find(request.audience) ?? request.audience);
  return core.issuer.verify(request.token.trim(), audience === undefined ? {} : { audience });
}

export function signingKeys(core: XsuaaCore): SigningKeyInfo[] {
  return core.keys.info();
}
