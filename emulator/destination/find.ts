// The find-destination call (GET /destination-configuration/v1/destinations/<name>): instance level
// first, then subaccount; `owner` says which; `authTokens` per authentication type unless the caller
// asked for `$skipTokenRetrieval`; key stores in `certificates`. Emits `destination-resolved`.
import type { EventBus } from '../core/event-bus.js';
import { now } from '../core/event-bus.js';
import type { Destination, Workspace } from '../../app/workspace/schema.js';
import { destinationInstanceId } from '../bindings/vcap.js';
import type { XsuaaCore } from '../xsuaa/service.js';
import { authTokensFor, type AuthToken } from './auth-tokens.js';
import { userTokenProblem, type Caller } from './caller.js';
import { findCertificate, findDestination, type Certificate, type Level } from './store.js';
import type { TokenClient } from './token-client.js';

/** The one 404 body the Cloud SDK reads as "no destination" (any other body makes it throw). */
export const NOT_FOUND_BODY = {
  ErrorMessage: 'Configuration with the specified name was not found',
} as const;

export interface FindDeps {
  workspace(): Workspace;
  xsuaa(): XsuaaCore;
  tokens: TokenClient;
  bus: EventBus;
}

export interface FindRequest {
  name: string;
  caller: Caller;
  skipTokenRetrieval: boolean;
  /** The X-user-token header, if sent. */
  xUserToken: string | undefined;
}

export interface FindAnswer {
  owner: { SubaccountId: string; InstanceId: string | null };
  destinationConfiguration: Destination;
  authTokens?: AuthToken[];
  certificates?: Certificate[];
}

function keyStores(ws: Workspace, level: Level, d: Destination): Certificate[] | undefined {
  const names = [d.KeyStoreLocation, d.TrustStoreLocation].filter((n): n is string => Boolean(n));
  const found = names
    .map((n) => findCertificate(ws, level, n))
    .filter((c): c is Certificate => c !== undefined);
  return found.length > 0 ? found : undefined;
}

async function tokensFor(
  deps: FindDeps,
  d: Destination,
  request: FindRequest,
): Promise<AuthToken[] | undefined> {
  const header = request.xUserToken?.trim();
  const problem = header ? userTokenProblem(header, deps.xsuaa()) : undefined;
  if (header && problem) return [{ type: '', value: '', expires_in: '0', error: problem }];
  return authTokensFor(d, { userToken: header || request.caller.userToken }, deps.tokens);
}

export async function findAnswer(deps: FindDeps, request: FindRequest): Promise<FindAnswer | undefined> {
  const ws = deps.workspace();
  const found = findDestination(ws, request.name);
  const emit = (
    level: Level | null,
    outcome: 'found' | 'not-found' | 'token-error',
    error: string | null,
  ): void =>
    deps.bus.emit({
      type: 'destination-resolved',
      at: now(),
      name: request.name,
      level,
      authentication: found?.destination.Authentication ?? null,
      outcome,
      client: request.caller.clientId,
      user: request.caller.user,
      error,
    });
  if (!found) {
    emit(null, 'not-found', null);
    return undefined;
  }
  const { level, destination } = found;
  const answer: FindAnswer = {
    owner: {
      SubaccountId: ws.subaccount.id,
      InstanceId: level === 'instance' ? destinationInstanceId(ws) : null,
    },
    destinationConfiguration: destination,
  };
  const authTokens = request.skipTokenRetrieval ? undefined : await tokensFor(deps, destination, request);
  if (authTokens) answer.authTokens = authTokens;
  const certificates = keyStores(ws, level, destination);
  if (certificates) answer.certificates = certificates;
  const error = authTokens?.find((t) => t.error !== undefined)?.error ?? null;
  emit(level, error === null ? 'found' : 'token-error', error);
  return answer;
}
