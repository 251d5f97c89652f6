// The engine's state without its listeners: what `vcap` and `token` need when no engine runs.
// Keys, secrets and the CA are the same files a running engine uses, so what they print stays valid.
import path from 'node:path';
import type { Workspace } from '../../app/workspace/schema.js';
import type { BindingEnv } from '../bindings/formats.js';
import { writeCaBundle } from '../bindings/formats.js';
import {
  approuterDestinations,
  buildVcapApplication,
  buildVcapServices,
  type BindingEndpoints,
} from '../bindings/vcap.js';
import { ensureTls, tlsHosts, type TlsMaterial } from '../tls/ca.js';
import { XsuaaCore } from '../xsuaa/service.js';
import { hostPort, runAddresses } from './addresses.js';
import { defaultDataDir, ensureDataDir } from './data-dir.js';
import { withDataDirLock } from './data-lock.js';
import { SecretStore } from './secret-store.js';
import { loadWorkspaceFile, loadWorkspaceObject } from './workspace-store.js';

export interface OfflineState {
  ws: Workspace;
  dataDir: string;
  tls: TlsMaterial;
  core: XsuaaCore;
  endpoints: BindingEndpoints;
}

export async function resolveTarget(workspacePath: string | undefined, dataDir: string | undefined) {
  const loaded = workspacePath ? await loadWorkspaceFile(workspacePath) : loadWorkspaceObject(undefined);
  return { loaded, dataDir: path.resolve(dataDir ?? defaultDataDir(loaded.summary.path)) };
}

export async function openOffline(
  workspacePath: string | undefined,
  dataDirOption: string | undefined,
  run: { bind?: string; publicHost?: string } = {},
): Promise<OfflineState> {
  const { loaded, dataDir } = await resolveTarget(workspacePath, dataDirOption);
  await ensureDataDir(dataDir);
  const ws = loaded.workspace;
  const addresses = runAddresses(ws, run);
  const host = addresses.public;
  const ports = ws.engine.ports;
  const urls = {
    http: `http://${hostPort(host, ports.xsuaa)}`,
    https: `https://${hostPort(addresses.tls, ports.xsuaaTls)}`,
    issuer: `http://${hostPort(addresses.issuer, ports.xsuaa)}/oauth/token`,
  };
  // What a first run generates (CA, signing keys, client secrets) is created by one process at a time.
  const [tls, core] = await withDataDirLock(dataDir, async () => {
    const secrets = await SecretStore.open(dataDir);
    return Promise.all([
      ensureTls(dataDir, new Date(), tlsHosts(ws, addresses.publicHost)),
      XsuaaCore.open({ workspace: () => ws, secrets, dataDir }, () => urls),
    ]);
  });
  const endpoints: BindingEndpoints = {
    xsuaaUrl: urls.http,
    uaaDomain: hostPort(addresses.tls, ports.xsuaaTls),
    destinationUri: `http://${hostPort(host, ports.destination)}`,
    proxyHost: host,
    proxyPort: ports.proxy,
    socks5Port: ports.socks5,
    verificationKey: core.verificationKey(),
  };
  return { ws, dataDir, tls, core, endpoints };
}

export async function offlineBindingEnv(state: OfflineState): Promise<BindingEnv> {
  return {
    VCAP_SERVICES: buildVcapServices(state.ws, state.core.clients(), state.endpoints),
    VCAP_APPLICATION: buildVcapApplication(state.ws, state.endpoints),
    ...approuterDestinations(state.ws, state.endpoints),
    caBundle: await writeCaBundle(state.dataDir, state.tls.caCertPem),
  };
}
