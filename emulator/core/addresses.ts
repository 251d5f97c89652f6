// Where the engine listens and the host it hands out are two settings: inside a container the
// listeners bind 0.0.0.0, while clients on other containers connect by a service name. Everything a
// client is given (binding URLs, proxy host, uaadomain, certificate names, token iss/jku) uses `public`;
// the engine's own connections to its listeners (proxy → simulated system, Check connection) use `local`.
import { isIP } from 'node:net';
import { EmulatorError } from '../../app/errors.js';
import { isLoopbackAddress } from '../../app/workspace/primitives.js';
import { engineSchema, type Workspace } from '../../app/workspace/schema.js';

export interface EngineAddresses {
  /** Where every listener binds (engine.bind). */
  readonly bind: string;
  /** The host in every URL the engine hands out. */
  readonly public: string;
  /** The host of uaadomain and the HTTPS URL: a name on the TLS certificate. */
  readonly tls: string;
  /**
   * The host in token `iss`. The Cloud SDK reads a subdomain from it and fails on a host without a dot
   * (sap-contract §7), so a dotless public host (a compose service name, localhost) leaves iss on
   * 127.0.0.1; no client connects to iss (xssec never checks it).
   */
  readonly issuer: string;
  /** Where the engine reaches its own listeners. */
  readonly local: string;
  /** engine.publicHost when set: also a name the admin listener answers to and the certificate carries. */
  readonly publicHost: string | undefined;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

export const isWildcard = (host: string): boolean => WILDCARDS.has(host);

export function isLoopback(host: string): boolean {
  return isLoopbackAddress(host.replace(/^\[(.*)\]$/, '$1'));
}

export function engineAddresses(engine: { bind: string; publicHost?: string | undefined }): EngineAddresses {
  const local = isWildcard(engine.bind) ? '127.0.0.1' : engine.bind;
  const publicHost = engine.publicHost ?? local;
  return {
    bind: engine.bind,
    public: publicHost,
    issuer: publicHost.includes('.') && isIP(publicHost) !== 6 ? publicHost : '127.0.0.1',
    // Without a public host the certificate names localhost, as it always has.
    tls: engine.publicHost ?? 'localhost',
    local,
    publicHost: engine.publicHost,
  };
}

/** `host` as the authority part of a URL: IPv6 literals go in brackets. */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** `host:port`, the form of Host headers and uaadomain. */
export const hostPort = (host: string, port: number): string => `${urlHost(host)}:${port}`;

/** A run's setting over the workspace's (StartOptions, CLI flags), checked by the workspace's own rule. */
function override(field: 'bind' | 'publicHost', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const result = engineSchema.shape[field].safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? 'invalid';
  throw new EmulatorError('EMU_ERR_CLI_USAGE', `${field} "${value}" is not valid: ${message}.`, {
    issues: [{ path: `$.${field}`, message }],
  });
}

/** The addresses of one run: engine.bind and engine.publicHost of the workspace, overridden for this run. */
export function runAddresses(
  ws: Workspace,
  options: { bind?: string | undefined; publicHost?: string | undefined },
): EngineAddresses {
  return engineAddresses({
    bind: override('bind', options.bind) ?? ws.engine.bind,
    publicHost: override('publicHost', options.publicHost) ?? ws.engine.publicHost,
  });
}
