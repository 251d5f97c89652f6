// Which scopes a token may carry: one set of rules for the engine's issuer and the Tokens page.
// Users get openid, uaa.user and their client's app scopes granted by role collections
// (role collection → role template → `<xsappname>!t1.<scope>`); clients get uaa.resource and their
// app's authorities.
import type { Workspace, WorkspaceUser } from '../workspace/schema.js';

/** The parts of an OAuth client the rules need (the engine's clients and the admin API's summaries have them). */
export interface ScopeClient {
  kind: 'xsuaa' | 'destination' | 'connectivity';
  /** For kind 'xsuaa' the binding is the workspace app's name. */
  binding: string;
  xsappname: string;
}

/** `<xsappname>!t1.<scope>`, the way the emulated XSUAA qualifies an app's scopes. */
export const qualifiedScope = (xsappname: string, scope: string): string => `${xsappname}!t1.${scope}`;

/** Every scope the user has through role collections, for all apps. */
export function userScopes(ws: Workspace, user: WorkspaceUser): string[] {
  const scopes = new Set<string>();
  for (const rcName of user.roleCollections) {
    const rc = ws.xsuaa.roleCollections.find((c) => c.name === rcName);
    for (const role of rc?.roles ?? []) {
      const app = ws.xsuaa.apps.find((a) => a.name === role.app);
      const template = app?.roleTemplates.find((t) => t.name === role.roleTemplate);
      if (!app || !template) continue;
      for (const scope of template.scopes) scopes.add(qualifiedScope(app.xsappname, scope));
    }
  }
  return [...scopes];
}

export function allowedUserScopes(ws: Workspace, client: ScopeClient, user: WorkspaceUser): string[] {
  const own = userScopes(ws, user).filter((s) => s.startsWith(`${client.xsappname}.`));
  return ['openid', 'uaa.user', ...own];
}

export function clientScopes(ws: Workspace, client: ScopeClient): string[] {
  const app = client.kind === 'xsuaa' ? ws.xsuaa.apps.find((a) => a.name === client.binding) : undefined;
  return ['uaa.resource', ...(app?.authorities ?? []).map((a) => `${client.xsappname}.${a}`)];
}
