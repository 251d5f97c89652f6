import { describe, expect, it } from 'vitest';
import type { ClientSummary } from '../../../app/admin-api.js';
import { DEMO_WORKSPACE } from '../../../app/workspace/demo.js';
import { workspaceSchema, type WorkspaceInput } from '../../../app/workspace/schema.js';
import { allowedScopes } from './allowed-scopes.js';

const demo = workspaceSchema.parse(DEMO_WORKSPACE);
const uaa: ClientSummary = {
  kind: 'xsuaa',
  binding: 'demo-uaa',
  clientId: 'sb-demo!t1',
  xsappname: 'demo!t1',
};
const names = (options: { scope: string }[]): string[] => options.map((o) => o.scope);

describe('allowedScopes', () => {
  it('gives a user openid, uaa.user and the scopes of their role collections, with descriptions', () => {
    const alice = allowedScopes(demo, uaa, 'alice');
    expect(names(alice)).toEqual(['openid', 'uaa.user', 'demo!t1.Display', 'demo!t1.Edit']);
    expect(alice.find((o) => o.scope === 'demo!t1.Edit')?.description).toBe(
      'Change business partners and sales orders',
    );
    expect(names(allowedScopes(demo, uaa, 'bob'))).toEqual(['openid', 'uaa.user', 'demo!t1.Display']);
  });

  it('gives a client uaa.resource and its app authorities', () => {
    expect(names(allowedScopes(demo, uaa, null))).toEqual(['uaa.resource', 'demo!t1.Display']);
  });

  it("keeps a user's scopes of other apps out of this client's tokens", () => {
    const input: WorkspaceInput = {
      ...DEMO_WORKSPACE,
      xsuaa: {
        ...DEMO_WORKSPACE.xsuaa,
        apps: [
          ...(DEMO_WORKSPACE.xsuaa?.apps ?? []),
          {
            name: 'shop-uaa',
            xsappname: 'shop',
            scopes: [{ name: 'Buy' }],
            roleTemplates: [{ name: 'Buyer', scopes: ['Buy'] }],
          },
        ],
        roleCollections: [
          ...(DEMO_WORKSPACE.xsuaa?.roleCollections ?? []),
          { name: 'Shop_Buyer', roles: [{ app: 'shop-uaa', roleTemplate: 'Buyer' }] },
        ],
        users: (DEMO_WORKSPACE.xsuaa?.users ?? []).map((u) =>
          u.name === 'bob' ? { ...u, roleCollections: ['Demo_Viewer', 'Shop_Buyer'] } : u,
        ),
      },
    };
    const ws = workspaceSchema.parse(input);
    const shop: ClientSummary = {
      kind: 'xsuaa',
      binding: 'shop-uaa',
      clientId: 'sb-shop!t1',
      xsappname: 'shop!t1',
    };
    expect(names(allowedScopes(ws, uaa, 'bob'))).toEqual(['openid', 'uaa.user', 'demo!t1.Display']);
    expect(names(allowedScopes(ws, shop, 'bob'))).toEqual(['openid', 'uaa.user', 'shop!t1.Buy']);
    expect(names(allowedScopes(ws, shop, null))).toEqual(['uaa.resource']);
  });

  it('gives a service client (destination, connectivity) no app scopes, and an unknown user the standard ones', () => {
    const destination: ClientSummary = {
      kind: 'destination',
      binding: 'demo-destination',
      clientId: 'sb-x',
      xsappname: 'x',
    };
    expect(names(allowedScopes(demo, destination, null))).toEqual(['uaa.resource']);
    expect(names(allowedScopes(demo, destination, 'alice'))).toEqual(['openid', 'uaa.user']);
    expect(names(allowedScopes(demo, uaa, 'nobody'))).toEqual(['openid', 'uaa.user']);
  });
});
