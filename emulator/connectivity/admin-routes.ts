// Admin routes of the connectivity area (behind the admin guards): "Check a URL" and the traffic
// list/detail. Traffic details are redacted when stored (traffic.ts); nothing here logs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CONNECTIVITY_ROUTES,
  checkUrlRequestSchema,
  trafficQuerySchema,
  type CheckUrlResponse,
} from '../../app/connectivity/api.js';
import type { Decision } from '../../app/connectivity/events.js';
import { EmulatorError } from '../../app/errors.js';
import { parseBody } from '../admin/xsuaa-routes.js';
import type { SystemDirectory } from '../core/plugin.js';
import type { AccessRules } from './access-rules.js';
import { checkUrl } from './admission.js';
import type { TrafficRing } from './traffic.js';
import { resolveUpstream } from './upstream.js';

export interface ConnectivityAdmin {
  rules(): AccessRules;
  systems: SystemDirectory;
  traffic: TrafficRing;
}

export function installConnectivityRoutes(app: FastifyInstance, admin: ConnectivityAdmin): void {
  app.post(CONNECTIVITY_ROUTES.checkUrl.path, (request: FastifyRequest): CheckUrlResponse => {
    const body = parseBody(checkUrlRequestSchema, request.body ?? {});
    return explainUrl(admin, body.url, body.location, body.method);
  });
  app.get(CONNECTIVITY_ROUTES.traffic.path, (request: FastifyRequest) =>
    admin.traffic.list(parseBody(trafficQuerySchema, request.query ?? {})),
  );
  app.get(CONNECTIVITY_ROUTES.trafficDetail.path, (request: FastifyRequest<{ Params: { id: string } }>) => {
    const detail = admin.traffic.detail(request.params.id);
    if (!detail)
      throw new EmulatorError(
        'EMU_ERR_ADMIN_NOT_FOUND',
        `No exchange ${request.params.id} in the traffic list (it may have dropped out).`,
      );
    return detail;
  });
  app.delete(CONNECTIVITY_ROUTES.clearTraffic.path, () => {
    admin.traffic.clear();
    return { cleared: true };
  });
}

/** What the HTTP proxy would do with this request, tokens aside. The method matters only for upgrades. */
export function explainUrl(
  admin: ConnectivityAdmin,
  url: string,
  location: string | null,
  method: string,
): CheckUrlResponse {
  const admission = checkUrl(admin.rules(), url, location, method === 'UPGRADE');
  if (!admission.ok) return { status: admission.status, decision: admission.decision, target: null };
  const upstream = resolveUpstream(admission.mapping.mapping, admin.systems);
  const decision: Decision = admission.decision;
  if (!upstream.ok)
    return {
      status: 502,
      decision: {
        ...decision,
        allowed: false,
        stage: 'backend',
        reason: `Allowed by the rules, but ${upstream.reason}`,
      },
      target: null,
    };
  return { status: 200, decision, target: upstream.upstream.authority };
}
