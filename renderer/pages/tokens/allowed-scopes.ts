// Which scopes a token for this client (and user) may carry, with descriptions for the form. The rules
// are the engine's own (app/xsuaa/scopes.ts); asking the engine for anything else is answered with a 400.
import type { ClientSummary } from '../../../app/admin-api.js';
import type { Workspace } from '../../../app/workspace/schema.js';
import { allowedUserScopes, clientScopes, qualifiedScope } from '../../../app/xsuaa/scopes.js';

export interface ScopeOption {
  scope: string;
  description: string;
}

const STANDARD: Record<string, string> = {
  openid: 'OpenID Connect: the app may read who the user is',
  'uaa.user': 'Every user token has it',
  'uaa.resource': 'Every client-credentials token has it',
};

function describe(ws: Workspace, scope: string): string {
  const standard = STANDARD[scope];
  if (standard !== undefined) return standard;
  for (const app of ws.xsuaa.apps) {
    const match = app.scopes.find((s) => qualifiedScope(app.xsappname, s.name) === scope);
    if (match) return match.description;
  }
  return '';
}

/** `userName` null: client credentials. An unknown user (workspace just changed) gets the standard scopes. */
export function allowedScopes(ws: Workspace, client: ClientSummary, userName: string | null): ScopeOption[] {
  const user = userName === null ? undefined : ws.xsuaa.users.find((u) => u.name === userName);
  const scopes =
    userName === null
      ? clientScopes(ws, client)
      : user
        ? allowedUserScopes(ws, client, user)
        : ['openid', 'uaa.user'];
  return scopes.map((scope) => ({ scope, description: describe(ws, scope) }));
}
