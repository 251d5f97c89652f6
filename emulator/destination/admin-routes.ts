// Admin API routes of the Destinations page (contract in app/destination/api.ts). They sit behind the
// admin guards and hand out the stored destinations with their secrets, like the bindings routes do.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DESTINATION_ROUTES,
  destinationParamsSchema,
  saveDestinationRequestSchema,
  type CheckResult,
  type DestinationList,
} from '../../app/destination/api.js';
import type { Workspace } from '../../app/workspace/schema.js';
import { parseBody } from '../admin/xsuaa-routes.js';
import { unknown, type Level } from './store.js';
import { checkItems, deleteItem, saveItems, type Mutate } from './writes.js';

export interface DestinationAdminDeps {
  workspace(): Workspace;
  mutate: Mutate;
  serviceUrl(): string | null;
  check(level: Level, name: string): Promise<CheckResult>;
  changed(name: string, level: Level, change: 'created' | 'updated' | 'deleted'): void;
}

export function listDestinations(ws: Workspace, serviceUrl: string | null): DestinationList {
  const names = (certs: { Name: string; Type: string }[]) => certs.map(({ Name, Type }) => ({ Name, Type }));
  return {
    subaccount: ws.destinations.subaccount,
    instance: ws.destinations.instance,
    certificates: {
      subaccount: names(ws.destinations.certificates.subaccount),
      instance: names(ws.destinations.certificates.instance),
    },
    serviceUrl,
  };
}

const params = (request: FastifyRequest) => parseBody(destinationParamsSchema, request.params);

export function installDestinationRoutes(app: FastifyInstance, deps: DestinationAdminDeps): void {
  app.get(DESTINATION_ROUTES.list.path, () => listDestinations(deps.workspace(), deps.serviceUrl()));
  app.put(DESTINATION_ROUTES.save.path, async (request: FastifyRequest) => {
    const { level, name } = params(request);
    const item = parseBody(saveDestinationRequestSchema, request.body);
    checkItems('destinations', [item], false);
    const existed = deps.workspace().destinations[level].some((d) => d.Name === name);
    const ws = await saveItems(deps.mutate, [
      { collection: 'destinations', level, mode: 'upsert', currentName: name, item },
    ]);
    if (existed && name !== item.Name) deps.changed(name, level, 'deleted');
    deps.changed(String(item.Name), level, existed && name === item.Name ? 'updated' : 'created');
    return listDestinations(ws, deps.serviceUrl());
  });
  app.delete(DESTINATION_ROUTES.remove.path, async (request: FastifyRequest) => {
    const { level, name } = params(request);
    const ws = await deleteItem(deps.mutate, 'destinations', level, name);
    deps.changed(name, level, 'deleted');
    return listDestinations(ws, deps.serviceUrl());
  });
  app.post(DESTINATION_ROUTES.check.path, async (request: FastifyRequest) => {
    const { level, name } = params(request);
    if (!deps.workspace().destinations[level].some((d) => d.Name === name))
      throw unknown('destinations', level, name);
    return deps.check(level, name);
  });
}
