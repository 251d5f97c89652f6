// Access control as data: the most specific resource decides, "path and all sub-paths" is a plain string
// prefix, suspended resources deny, TCP and HTTP mappings do not mix, and every answer names its rule.
import { describe, expect, it } from 'vitest';
import { cloudConnectorSchema } from '../../app/connectivity/workspace.js';
import { AccessRules, type CompiledLocation } from './access-rules.js';

const cc = cloudConnectorSchema.parse({
  locations: [
    {
      systemMappings: [
        {
          virtualHost: 'S4.virtual',
          virtualPort: 443,
          internalHost: 'system:S4D',
          resources: [
            { path: '/a', mode: 'prefix' },
            { path: '/a/b', mode: 'exact', enabled: false },
            { path: '/ws', mode: 'prefix', websocket: true },
          ],
        },
        {
          virtualHost: 'db.virtual',
          virtualPort: 5432,
          internalHost: 'db',
          internalPort: 5432,
          protocol: 'TCP',
        },
      ],
    },
    { id: 'off', connected: false },
  ],
});
const rules = AccessRules.compile(cc.locations);
const location = (rules.location(null) as { location: CompiledLocation }).location;

describe('access rules', () => {
  it('treats "path and all sub-paths" as a plain string prefix, case-sensitive', () => {
    expect(AccessRules.http(location, 's4.virtual', 443, '/ab')).toMatchObject({
      ok: true,
      decision: { resource: '/a*' },
    });
    expect(AccessRules.http(location, 's4.virtual', 443, '/A')).toMatchObject({
      ok: false,
      status: 403,
      decision: { stage: 'resource' },
    });
  });

  it('lets the most specific resource decide (a suspended exact path inside an allowed prefix)', () => {
    expect(AccessRules.http(location, 's4.virtual', 443, '/a/b')).toMatchObject({
      ok: false,
      decision: { resource: '/a/b', reason: expect.stringContaining('suspended') as unknown },
    });
    expect(AccessRules.http(location, 's4.virtual', 443, '/a/bc')).toMatchObject({ ok: true });
  });

  it('allows WebSocket upgrades only where the resource says so', () => {
    expect(AccessRules.http(location, 's4.virtual', 443, '/a/x', true)).toMatchObject({
      ok: false,
      decision: { reason: expect.stringContaining('WebSocket') as unknown },
    });
    expect(AccessRules.http(location, 's4.virtual', 443, '/ws/x', true)).toMatchObject({ ok: true });
  });

  it('keeps HTTP and TCP mappings apart and names the location', () => {
    expect(AccessRules.http(location, 'db.virtual', 5432, '/')).toMatchObject({
      ok: false,
      decision: { reason: expect.stringContaining('TCP (SOCKS5)') as unknown },
    });
    expect(AccessRules.tcp(location, 'DB.virtual', 5432)).toMatchObject({
      ok: true,
      decision: { mapping: 'db.virtual:5432 → db:5432 (TCP)' },
    });
    expect(AccessRules.tcp(location, 's4.virtual', 443)).toMatchObject({ ok: false, status: 403 });
    expect(rules.location('off')).toMatchObject({
      ok: false,
      status: 503,
      decision: { reason: 'The Cloud Connector for location "off" is disconnected' },
    });
    expect(rules.location('x')).toMatchObject({ ok: false, status: 503 });
  });

  it('rejects duplicate virtual hosts in one location', () => {
    const duplicate = { virtualHost: 'a.virtual', virtualPort: 80, internalHost: 'h', internalPort: 1 };
    expect(
      cloudConnectorSchema.safeParse({ locations: [{ systemMappings: [duplicate, duplicate] }] }).error
        ?.issues[0]?.message,
    ).toBe('duplicate virtual host a.virtual:80 in this location');
  });
});
