// The Cloud Connector's access control as data: locations, system mappings and resources from the
// workspace, compiled into lookup tables once per workspace. Every answer explains itself (which
// mapping and resource decided, and why), so the proxy, SOCKS5 and the "Check a URL" tool share it.
import type { Decision } from '../../app/connectivity/events.js';
import type { Location, Resource, SystemMapping } from '../../app/workspace/schema.js';

export interface CompiledResource {
  readonly resource: Resource;
  /** `/path` for exact, `/path*` for path and all sub-paths. */
  readonly label: string;
  /** The decision for a request this resource allows: one shared, frozen object per resource. */
  readonly allowed: Decision;
}

export interface CompiledMapping {
  readonly mapping: SystemMapping;
  /** `virtualHost:port → internalHost:port` */
  readonly label: string;
  /** The virtual host[:port] as a Host header value. */
  readonly virtualAuthority: string;
  /** Longest path first: the most specific resource decides. */
  readonly resources: readonly CompiledResource[];
}

export interface CompiledLocation {
  readonly id: string | null;
  readonly connected: boolean;
  readonly subjectPattern: string;
  readonly http: ReadonlyMap<string, CompiledMapping>;
  readonly tcp: ReadonlyMap<string, CompiledMapping>;
}

export type Denial = { ok: false; status: number; decision: Decision };
export type LocationResult = { ok: true; location: CompiledLocation } | Denial;
export type MappingResult =
  { ok: true; mapping: CompiledMapping; resource: CompiledResource | null; decision: Decision } | Denial;

export const locationName = (id: string | null): string =>
  id === null ? 'the default location' : `location "${id}"`;

export class AccessRules {
  private constructor(private readonly locations: ReadonlyMap<string, CompiledLocation>) {}

  static compile(locations: readonly Location[]): AccessRules {
    return new AccessRules(new Map(locations.map((l) => [l.id ?? '', compileLocation(l)])));
  }

  /** `null`/empty = the Cloud Connector without a location id. */
  location(id: string | null): LocationResult {
    const location = this.locations.get(id ?? '');
    if (!location)
      return deny(
        503,
        'location',
        `No Cloud Connector is connected for ${locationName(id)}: the workspace defines no such location`,
      );
    if (!location.connected)
      return deny(503, 'location', `The Cloud Connector for ${locationName(id)} is disconnected`);
    return { ok: true, location };
  }

  /** An HTTP request to `host:port` + `pathname`; `upgrade` for WebSocket upgrade requests. */
  static http(
    location: CompiledLocation,
    host: string,
    port: number,
    pathname: string,
    upgrade = false,
  ): MappingResult {
    const key = `${host}:${port}`;
    const mapping = location.http.get(key);
    if (!mapping) {
      const tcp = location.tcp.get(key);
      const why = tcp
        ? `its mapping in ${locationName(location.id)} is for TCP (SOCKS5), not HTTP`
        : `Backend is not available in the list of defined system mappings in Cloud Connector (${locationName(location.id)})`;
      return deny(403, 'mapping', `Access denied to system ${key}: ${why}`, tcp?.label ?? null);
    }
    const resource = mapping.resources.find((r) => matches(r.resource, pathname)) ?? null;
    if (!resource)
      return deny(
        403,
        'resource',
        `Access denied to system ${key}: Resource is not accessible in Cloud Connector (no resource of the mapping matches ${pathname})`,
        mapping.label,
      );
    if (!resource.resource.enabled)
      return deny(
        403,
        'resource',
        `Access denied to system ${key}: resource ${resource.label} is suspended`,
        mapping.label,
        resource.label,
      );
    if (upgrade && !resource.resource.websocket)
      return deny(
        403,
        'resource',
        `Access denied to system ${key}: resource ${resource.label} does not allow WebSocket upgrade`,
        mapping.label,
        resource.label,
      );
    return { ok: true, mapping, resource, decision: resource.allowed };
  }

  /** A SOCKS5 CONNECT to `host:port`: only TCP mappings; there are no resources. */
  static tcp(location: CompiledLocation, host: string, port: number): MappingResult {
    const key = `${host.toLowerCase()}:${port}`;
    const mapping = location.tcp.get(key);
    if (!mapping) {
      const http = location.http.get(key);
      const why = http
        ? `its mapping in ${locationName(location.id)} is for ${http.mapping.protocol}, not TCP`
        : `no TCP system mapping for it in ${locationName(location.id)}`;
      return deny(403, 'mapping', `Access denied to system ${key}: ${why}`, http?.label ?? null);
    }
    const decision: Decision = {
      allowed: true,
      stage: 'forwarded',
      reason: `allowed by TCP mapping ${mapping.label}`,
      mapping: mapping.label,
      resource: null,
    };
    return { ok: true, mapping, resource: null, decision };
  }
}

function matches(resource: Resource, pathname: string): boolean {
  return resource.mode === 'exact' ? pathname === resource.path : pathname.startsWith(resource.path);
}

function compileLocation(location: Location): CompiledLocation {
  const http = new Map<string, CompiledMapping>();
  const tcp = new Map<string, CompiledMapping>();
  for (const mapping of location.systemMappings) {
    const compiled = compileMapping(mapping);
    (mapping.protocol === 'TCP' ? tcp : http).set(
      `${mapping.virtualHost.toLowerCase()}:${mapping.virtualPort}`,
      compiled,
    );
  }
  return {
    id: location.id ?? null,
    connected: location.connected,
    subjectPattern: location.principalPropagation.subjectPattern,
    http,
    tcp,
  };
}

function compileMapping(mapping: SystemMapping): CompiledMapping {
  const internal =
    mapping.internalPort === undefined
      ? mapping.internalHost
      : `${mapping.internalHost}:${mapping.internalPort}`;
  const label = `${mapping.virtualHost}:${mapping.virtualPort} → ${internal} (${mapping.protocol})`;
  const resources = [...mapping.resources]
    .sort((a, b) => b.path.length - a.path.length || (a.mode === 'exact' ? -1 : 1))
    .map((resource) => {
      const resourceLabel = resource.mode === 'exact' ? resource.path : `${resource.path}*`;
      const allowed: Decision = Object.freeze({
        allowed: true,
        stage: 'forwarded',
        reason: `allowed by resource ${resourceLabel} of ${label}`,
        mapping: label,
        resource: resourceLabel,
      });
      return { resource, label: resourceLabel, allowed };
    });
  return {
    mapping,
    label,
    virtualAuthority:
      mapping.virtualPort === 80 ? mapping.virtualHost : `${mapping.virtualHost}:${mapping.virtualPort}`,
    resources,
  };
}

export function deny(
  status: number,
  stage: Decision['stage'],
  reason: string,
  mapping: string | null = null,
  resource: string | null = null,
): Denial {
  return { ok: false, status, decision: { allowed: false, stage, reason, mapping, resource } };
}
