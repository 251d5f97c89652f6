// Request bodies: JSON only (Atom/XML payloads are refused with a clear message, not misread).
import type { ODataRequest } from '../http/types.js';
import { badRequest, ODataError } from './errors.js';

/**
 * Nesting of arrays and objects a JSON body may have. JSON.parse copes with any depth, but deep inserts,
 * JSON $batch parts and JSON.stringify recurse per level; 64 levels hold 30 levels of deep insert.
 */
export const MAX_JSON_DEPTH = 64;

export function jsonBody(req: ODataRequest): unknown {
  const type = req.headers['content-type'] ?? '';
  if (/xml/i.test(type))
    throw new ODataError(
      415,
      '/IWBEP/CM_MGW_RT/015',
      `Content type ${type} is not supported: send application/json`,
    );
  const text = req.body.toString('utf8');
  if (text.trim() === '') throw badRequest('The request body is empty; a JSON object is expected');
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (depthOf(body) > MAX_JSON_DEPTH)
    throw badRequest(
      `The request body is nested too deeply (limit ${MAX_JSON_DEPTH} levels of arrays and objects)`,
    );
  return body;
}

/** Levels of arrays and objects, counted without recursion (stops once past the limit). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) break;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** `return=minimal` / `return=representation` from the Prefer header. */
export function preferReturn(req: ODataRequest): 'minimal' | 'representation' | undefined {
  const prefer = req.headers.prefer ?? '';
  if (/return=minimal/i.test(prefer)) return 'minimal';
  if (/return=representation/i.test(prefer)) return 'representation';
  return undefined;
}
