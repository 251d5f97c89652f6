// ETags: derived from the row's content (or its concurrency properties when the metadata names them),
// so they need no bookkeeping, survive restarts and change exactly when the data changes.
import type { EdmEntityType, ODataVersion } from '../edm/model.js';
import type { Row } from '../expr/compile.js';
import { ODataError } from '../odata/errors.js';

export function etagOf(type: EdmEntityType, row: Row): string {
  let h = 2166136261;
  if (type.etagProperties.length > 0) {
    for (const name of type.etagProperties) h = Math.imul(hashJson(h, row[name] ?? null) ^ 0x1f, 16777619);
  } else {
    for (const { name } of type.properties) h = Math.imul(hashJson(h, row[name] ?? null) ^ 0x1f, 16777619);
  }
  return `W/"${(h >>> 0).toString(16).padStart(8, '0')}"`;
}

/** FNV-1a over the value's JSON text; plain strings are hashed without building that text. */
function hashJson(hash: number, value: unknown): number {
  let h = hash;
  if (typeof value === 'string' && plain(value)) {
    h = Math.imul(h ^ 34, 16777619);
    for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
    return Math.imul(h ^ 34, 16777619);
  }
  const text = JSON.stringify(value);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/** True when JSON.stringify would only add the quotes (no escapes, no surrogates). */
function plain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * 412 when If-Match names other ETags; `*` passes. Without If-Match the change passes too, unless the
 * service requires it (`requireIfMatch`) and the type has an ETag in its metadata: then 428, as SAP
 * Gateway answers (V2 `/IWBEP/CM_MGW_RT/194`, V4 `/IWBEP/CM_V4_APPS/017`).
 */
export function checkIfMatch(
  type: EdmEntityType,
  row: Row,
  ifMatch: string | undefined,
  require?: { version: ODataVersion },
): void {
  if (ifMatch === undefined) {
    if (require && type.etagProperties.length > 0) throw preconditionRequired(type, require.version);
    return;
  }
  if (ifMatch.trim() === '*') return;
  const current = etagOf(type, row);
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  if (ifMatch.split(',').some((tag) => strip(tag) === strip(current))) return;
  throw new ODataError(
    412,
    '/IWBEP/CM_MGW_RT/022',
    `Precondition failed: the entity was changed (ETag ${current})`,
  );
}

function preconditionRequired(type: EdmEntityType, version: ODataVersion): ODataError {
  const message =
    version === 'v2'
      ? `Precondition required: ${type.name} has an ETag; send If-Match with the ETag you read (or *)`
      : `The request has to be conditional (ETag required): send If-Match for ${type.name}`;
  return new ODataError(428, version === 'v2' ? '/IWBEP/CM_MGW_RT/194' : '/IWBEP/CM_V4_APPS/017', message);
}
