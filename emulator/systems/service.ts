// One OData service of a simulated system: its model, its configuration, and its data per sap-client
// (loaded on first use, so an unused client costs nothing). Protocol handlers get everything from here.
import path from 'node:path';
import type { ODataServiceConfig } from '../../app/systems/workspace.js';
import type { EdmModel, EdmOperation } from './edm/model.js';
import { fillInitial, loadServiceData, type DataSources } from './data/load.js';
import type { Row } from './expr/compile.js';
import type { ServiceHooks } from './http/hooks.js';
import type { ServiceData } from './store/service-data.js';

export class ODataService {
  private readonly clients = new Map<string, Promise<ServiceData>>();

  constructor(
    public config: ODataServiceConfig,
    readonly model: EdmModel,
    /** Service root path, starting and ending with `/`. */
    readonly root: string,
    private readonly sources: DataSources,
    /** Folder of persisted data for a client, or undefined for in-memory only. */
    private readonly folderFor: (client: string) => string | undefined,
    readonly hooks: ServiceHooks,
  ) {}

  get version(): EdmModel['version'] {
    return this.model.version;
  }

  /** The client used when a request names none (the system's first). */
  defaultClient = '100';

  get pageSize(): number {
    return this.config.pageSize ?? 0;
  }

  data(client: string): Promise<ServiceData> {
    let data = this.clients.get(client);
    if (!data) {
      data = loadServiceData(this.model, this.sources, this.folderFor(client));
      this.clients.set(client, data);
      data.catch(() => this.clients.delete(client));
    }
    return data;
  }

  /** Forgets changes of one client (or all) and reloads the initial data. */
  async reset(client?: string): Promise<void> {
    const targets = client ? [client] : [...this.clients.keys()];
    for (const c of targets) {
      const data = await this.data(c);
      await data.discard();
      await fillInitial(data, this.sources, true);
    }
  }

  async flush(): Promise<void> {
    for (const data of this.clients.values()) await (await data.catch(() => undefined))?.flush();
  }

  /** A result produced by a hook or configured in the workspace; undefined means "use the default". */
  async produce(
    op: EdmOperation,
    params: Record<string, unknown>,
    context: { client: string; user: string; binding?: Row | readonly Row[] },
  ): Promise<unknown> {
    const hook = this.hooks.functions?.[op.name];
    if (hook) return await hook(params, context);
    return this.config.functions[op.name]?.result;
  }
}

export function defaultServicePath(
  config: Pick<ODataServiceConfig, 'name' | 'odataVersion' | 'path'>,
): string {
  if (config.path) return config.path;
  const name = config.name;
  return config.odataVersion === 'v2'
    ? `/sap/opu/odata/sap/${name}/`
    : `/sap/opu/odata4/sap/${name.toLowerCase()}/srvd/sap/${name.toLowerCase()}/0001/`;
}

export function resolveFile(file: string, base: string | null): string {
  return path.isAbsolute(file) || base === null ? path.resolve(file) : path.resolve(base, file);
}
