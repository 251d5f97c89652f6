// The built-in demo workspace: what runs when no workspace file is given ("it just works").
import { CURRENT_SCHEMA_VERSION, type WorkspaceInput } from './schema.js';

export const DEMO_WORKSPACE: WorkspaceInput = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  name: 'Demo',
  subaccount: { id: '9f3a2c1e-5b7d-4e8f-a1b2-c3d4e5f60718', subdomain: 'demo', region: 'local' },
  xsuaa: {
    apps: [
      {
        name: 'demo-uaa',
        xsappname: 'demo',
        scopes: [
          { name: 'Display', description: 'Read business partners and sales orders' },
          { name: 'Edit', description: 'Change business partners and sales orders' },
        ],
        attributes: [{ name: 'Country', valueType: 'string' }],
        roleTemplates: [
          { name: 'Viewer', scopes: ['Display'], attributes: ['Country'] },
          { name: 'Editor', scopes: ['Display', 'Edit'], attributes: ['Country'] },
        ],
        authorities: ['Display'],
      },
    ],
    roleCollections: [
      { name: 'Demo_Viewer', roles: [{ app: 'demo-uaa', roleTemplate: 'Viewer' }] },
      { name: 'Demo_Editor', roles: [{ app: 'demo-uaa', roleTemplate: 'Editor' }] },
    ],
    users: [
      {
        name: 'alice',
        email: 'alice@example.com',
        givenName: 'Alice',
        familyName: 'Anders',
        password: 'alice',
        roleCollections: ['Demo_Editor'],
        attributes: { Country: ['DE'] },
      },
      {
        name: 'bob',
        email: 'bob@example.com',
        givenName: 'Bob',
        familyName: 'Berg',
        password: 'bob',
        roleCollections: ['Demo_Viewer'],
        attributes: { Country: ['US'] },
      },
    ],
  },
  bindings: {
    application: { name: 'demo-app' },
    destination: { name: 'demo-destination' },
    connectivity: { name: 'demo-connectivity' },
  },
  cloudConnector: {
    locations: [
      {
        systemMappings: [
          {
            virtualHost: 's4.virtual',
            virtualPort: 44300,
            internalHost: 'system:S4D',
            protocol: 'HTTP',
            principalType: 'X509',
            resources: [
              { path: '/sap/opu/odata/', mode: 'prefix' },
              { path: '/sap/opu/odata4/', mode: 'prefix' },
            ],
          },
        ],
      },
    ],
  },
  destinations: {
    subaccount: [
      {
        Name: 'S4',
        Type: 'HTTP',
        URL: 'http://s4.virtual:44300',
        ProxyType: 'OnPremise',
        Authentication: 'BasicAuthentication',
        User: 'DEVELOPER',
        Password: 'Welcome1',
        'sap-client': '100',
      },
    ],
  },
  systems: [
    {
      id: 'S4D',
      description: 'Simulated S/4HANA development system',
      users: [{ name: 'DEVELOPER', password: 'Welcome1' }],
      clients: ['100', '200'],
      services: [
        { name: 'API_BUSINESS_PARTNER', odataVersion: 'v2', metadata: 'builtin:API_BUSINESS_PARTNER' },
        {
          name: 'salesorder',
          odataVersion: 'v4',
          metadata: 'builtin:SalesOrderV4',
          path: '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001/',
        },
      ],
    },
  ],
};
