// The workspace: one committable file that describes a whole emulated BTP setup.
// This zod schema is the single source of truth: the TypeScript types, the JSON Schema for editors
// (app/workspace/workspace.schema.json) and every validation at a boundary come from it.
import { z } from 'zod';
import type { locationSchema, resourceSchema, systemMappingSchema } from '../connectivity/workspace.js';
import { cloudConnectorSchema } from '../connectivity/workspace.js';
import type { destinationSchema } from '../destination/workspace.js';
import { destinationsSchema } from '../destination/workspace.js';
import { recordingSchema } from '../recording/workspace.js';
import { systemSchema } from '../systems/workspace.js';
import { bindAddress, hostName, name, port } from './primitives.js';

export * from '../connectivity/workspace.js';
export * from '../destination/workspace.js';
export * from '../recording/workspace.js';
export * from '../systems/workspace.js';

export const CURRENT_SCHEMA_VERSION = 2;

export const servicePortsSchema = z
  .object({
    admin: port.default(20000),
    xsuaa: port.default(20010),
    xsuaaTls: port.default(20011),
    destination: port.default(20020),
    proxy: port.default(20003),
    socks5: port.default(20004),
  })
  .describe(
    'Listener ports. Stable defaults keep exported bindings valid across restarts; 0 picks a free port.',
  );

/** A name or IP literal without scheme or port: it goes into URLs (IPv6 in brackets) and certificate SANs. */
const publicHost = z
  .union([hostName, z.ipv6()], { error: 'must be a host name or an IP address, without scheme or port' })
  .refine((host) => !/^(0\.0\.0\.0|::|\[::\])$/.test(host), {
    message: 'a wildcard address is where to listen, not where to connect: name the host clients use',
  });

export const engineSchema = z.object({
  bind: bindAddress
    .default('127.0.0.1')
    .describe(
      'Address every listener binds: an IP address or "localhost". Anything but a loopback address exposes the emulator to the network.',
    ),
  publicHost: publicHost
    .optional()
    .describe(
      'The host name or IP address clients reach the emulator by, put in everything it hands out: binding URLs, the connectivity proxy host, uaadomain and its TLS certificate, token iss/jku. Default: the bind address (127.0.0.1 when binding 0.0.0.0 or ::), with uaadomain on localhost. Set it when clients connect by another name, e.g. the service name of a container.',
    ),
  ports: servicePortsSchema.prefault({}),
});

export const subaccountSchema = z.object({
  id: z.uuid().describe('Subaccount id; also the zone/tenant id (zid) in tokens.'),
  subdomain: hostName.describe('Subaccount subdomain (only used in multi-tenant tokens).'),
  region: z.string().default('local'),
});

export const scopeSchema = z.object({ name, description: z.string().default('') });
export const attributeSchema = z.object({
  name,
  valueType: z.enum(['string', 'int', 'date']).default('string'),
});
export const roleTemplateSchema = z.object({
  name,
  description: z.string().default(''),
  scopes: z.array(name).default([]),
  attributes: z.array(name).default([]),
});

export const xsuaaAppSchema = z.object({
  name: name.describe('Service binding (instance) name, e.g. demo-uaa.'),
  xsappname: name.describe('xsappname from xs-security.json, without the !t suffix.'),
  scopes: z.array(scopeSchema).default([]),
  attributes: z.array(attributeSchema).default([]),
  roleTemplates: z.array(roleTemplateSchema).default([]),
  authorities: z.array(z.string()).default([]).describe('Scopes granted to the client itself.'),
});

export const roleCollectionSchema = z.object({
  name,
  description: z.string().default(''),
  roles: z.array(z.object({ app: name, roleTemplate: name })).default([]),
});

export const userSchema = z.object({
  name: z.string().min(1),
  email: z.email(),
  givenName: z.string().default(''),
  familyName: z.string().default(''),
  password: z.string().min(1).describe('Password for the password grant and the login page.'),
  origin: z.string().default('ldap'),
  roleCollections: z.array(name).default([]),
  attributes: z.record(z.string(), z.array(z.string())).default({}),
});

export const xsuaaSchema = z.object({
  autoLogin: z
    .string()
    .optional()
    .describe(
      'Non-interactive login for tests: /oauth/authorize signs this user in without showing the page.',
    ),
  multiTenant: z
    .boolean()
    .default(false)
    .describe(
      'Put the subaccount subdomain (ext_attr.zdn) in user tokens and identityzone in the binding. Clients then call https://<subdomain>.localhost:<port>, which must resolve on this machine.',
    ),
  tokenLifetimeSeconds: z
    .number()
    .int()
    .min(60)
    .max(86400 * 7)
    .default(43200),
  refreshTokenLifetimeSeconds: z
    .number()
    .int()
    .min(60)
    .max(86400 * 90)
    .default(86400 * 7),
  apps: z.array(xsuaaAppSchema).default([]),
  roleCollections: z.array(roleCollectionSchema).default([]),
  users: z.array(userSchema).default([]),
});

export const userProvidedServiceSchema = z.object({
  name,
  tags: z.array(z.string()).default([]),
  credentials: z.record(z.string(), z.unknown()).default({}),
});

export const bindingsSchema = z.object({
  application: z
    .object({
      name: name.default('app'),
      space: z.string().default('dev'),
      organization: z.string().default('local'),
    })
    .prefault({})
    .describe('What VCAP_APPLICATION says about the app.'),
  destination: z.object({ name: name.default('destination') }).prefault({}),
  connectivity: z.object({ name: name.default('connectivity') }).prefault({}),
  userProvided: z.array(userProvidedServiceSchema).default([]),
});

const workspaceObject = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    name: z.string().min(1).max(128),
    subaccount: subaccountSchema,
    engine: engineSchema.prefault({}),
    xsuaa: xsuaaSchema.prefault({}),
    bindings: bindingsSchema.prefault({}),
    cloudConnector: cloudConnectorSchema.prefault({}),
    destinations: destinationsSchema.prefault({}),
    systems: z.array(systemSchema).default([]),
    recording: recordingSchema.prefault({}),
  })
  .strict();

export const workspaceSchema = workspaceObject.superRefine(checkReferences);

/** Cross-references a schema cannot express field by field. */
function checkReferences(ws: z.output<typeof workspaceObject>, ctx: z.RefinementCtx): void {
  const unique = <T>(items: T[], key: (t: T) => string, path: (string | number)[], what: string): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', path: [...path, index], message: `duplicate ${what} "${k}"` });
      seen.add(k);
    });
  };
  unique(ws.xsuaa.apps, (a) => a.name, ['xsuaa', 'apps'], 'app name');
  unique(ws.xsuaa.users, (u) => u.name, ['xsuaa', 'users'], 'user name');
  unique(ws.cloudConnector.locations, (l) => l.id ?? '', ['cloudConnector', 'locations'], 'location id');
  unique(ws.systems, (s) => s.id, ['systems'], 'system id');
  unique(ws.destinations.subaccount, (d) => d.Name, ['destinations', 'subaccount'], 'destination name');
  unique(ws.destinations.instance, (d) => d.Name, ['destinations', 'instance'], 'destination name');
  if (ws.xsuaa.autoLogin !== undefined && !ws.xsuaa.users.some((u) => u.name === ws.xsuaa.autoLogin))
    ctx.addIssue({
      code: 'custom',
      path: ['xsuaa', 'autoLogin'],
      message: `unknown user "${ws.xsuaa.autoLogin}"`,
    });
  const collections = new Set(ws.xsuaa.roleCollections.map((c) => c.name));
  ws.xsuaa.users.forEach((user, ui) =>
    user.roleCollections.forEach((rc, ri) => {
      if (!collections.has(rc))
        ctx.addIssue({
          code: 'custom',
          path: ['xsuaa', 'users', ui, 'roleCollections', ri],
          message: `unknown role collection "${rc}"`,
        });
    }),
  );
  const templates = new Map(ws.xsuaa.apps.map((a) => [a.name, new Set(a.roleTemplates.map((t) => t.name))]));
  ws.xsuaa.roleCollections.forEach((rc, ci) =>
    rc.roles.forEach((role, ri) => {
      const app = templates.get(role.app);
      const message = !app
        ? `unknown app "${role.app}"`
        : app.has(role.roleTemplate)
          ? undefined
          : `app "${role.app}" has no role template "${role.roleTemplate}"`;
      if (message)
        ctx.addIssue({ code: 'custom', path: ['xsuaa', 'roleCollections', ci, 'roles', ri], message });
    }),
  );
  const systems = new Set(ws.systems.map((s) => s.id));
  ws.cloudConnector.locations.forEach((loc, li) =>
    loc.systemMappings.forEach((m, mi) => {
      const path = ['cloudConnector', 'locations', li, 'systemMappings', mi];
      if (m.internalHost.startsWith('system:') && !systems.has(m.internalHost.slice('system:'.length)))
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'internalHost'],
          message: `unknown system "${m.internalHost}"`,
        });
      if (!m.internalHost.startsWith('system:') && m.internalPort === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'internalPort'],
          message: 'required for a real host',
        });
    }),
  );
}

export type Workspace = z.output<typeof workspaceSchema>;
/** What a user writes: defaults may be left out. */
export type WorkspaceInput = z.input<typeof workspaceSchema>;
export type ServicePorts = z.output<typeof servicePortsSchema>;
export type ServiceId = keyof ServicePorts;
export type XsuaaApp = z.output<typeof xsuaaAppSchema>;
export type WorkspaceUser = z.output<typeof userSchema>;
export type Location = z.output<typeof locationSchema>;
export type SystemMapping = z.output<typeof systemMappingSchema>;
export type Resource = z.output<typeof resourceSchema>;
export type Destination = z.output<typeof destinationSchema>;
export type SimulatedSystem = z.output<typeof systemSchema>;
