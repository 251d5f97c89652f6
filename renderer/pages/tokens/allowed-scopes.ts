// Which scopes a token for this client (and user) may carry, computed from the workspace the same
// way the engine's issuer does (emulator/xsuaa/claims.ts): a user gets openid, uaa.user and the
// scopes of the client's own app that their role collections grant; a client gets uaa.resource and
// its app's authorities. Asking the engine for anything else is answered with a 400.
import type { ClientSummary } from '../../../app/admin-api.js';
import type { Workspace, WorkspaceUser, XsuaaApp } from '../../../app/workspace/schema.js';

export interface ScopeOption {
  scope: string;
  description: string;
}

const STANDARD: Record<string, string> = {
  openid: 'OpenID Connect: the app may read who the user is',
  'uaa.user': 'Every user token has it',
  'uaa.resource': 'Every client-credentials token has it',
};

/** The scope as the emulated XSUAA writes it: `<xsappname>!t1.<scope>`. */
const qualified = (app: XsuaaApp, scope: string): string => `${app.xsappname}!t1.${scope}`;

function describe(ws: Workspace, scope: string): string {
  const standard = STANDARD[scope];
  if (standard !== undefined) return standard;
  for (const app of ws.xsuaa.apps) {
    const match = app.scopes.find((s) => qualified(app, s.name) === scope);
    if (match) return match.description;
  }
  return '';
}

function userScopes(ws: Workspace, user: WorkspaceUser): string[] {
  const scopes = new Set<string>();
  for (const collectionName of user.roleCollections) {
    const collection = ws.xsuaa.roleCollections.find((c) => c.name === collectionName);
    for (const role of collection?.roles ?? []) {
      const app = ws.xsuaa.apps.find((a) => a.name === role.app);
      const template = app?.roleTemplates.find((t) => t.name === role.roleTemplate);
      if (!app || !template) continue;
      for (const scope of template.scopes) scopes.add(qualified(app, scope));
    }
  }
  return [...scopes];
}

/** `userName` null: client credentials. An unknown user (workspace just changed) gets the standard scopes. */
export function allowedScopes(ws: Workspace, client: ClientSummary, userName: string | null): ScopeOption[] {
  let scopes: string[];
  if (userName === null) {
    const app = client.kind === 'xsuaa' ? ws.xsuaa.apps.find((a) => a.name === client.binding) : undefined;
    scopes = ['uaa.resource', ...(app?.authorities ?? []).map((a) => `${client.xsappname}.${a}`)];
  } else {
    const user = ws.xsuaa.users.find((u) => u.name === userName);
    const own = user ? userScopes(ws, user).filter((s) => s.startsWith(`${client.xsappname}.`)) : [];
    scopes = ['openid', 'uaa.user', ...own];
  }
  return scopes.map((scope) => ({ scope, description: describe(ws, scope) }));
}
