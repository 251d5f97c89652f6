// Request bodies: JSON only (Atom/XML payloads are refused with a clear message, not misread).
import type { ODataRequest } from '../http/types.js';
import { badRequest, ODataError } from './errors.js';

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
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** `return=minimal` / `return=representation` from the Prefer header. */
export function preferReturn(req: ODataRequest): 'minimal' | 'representation' | undefined {
  const prefer = req.headers.prefer ?? '';
  if (/return=minimal/i.test(prefer)) return 'minimal';
  if (/return=representation/i.test(prefer)) return 'representation';
  return undefined;
}
