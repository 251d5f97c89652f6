// ETags: derived from the row's content (or its concurrency properties when the metadata names them),
// so they need no bookkeeping, survive restarts and change exactly when the data changes.
import type { EdmEntityType } from '../edm/model.js';
import type { Row } from '../expr/compile.js';
import { ODataError } from '../odata/errors.js';

export function etagOf(type: EdmEntityType, row: Row): string {
  const names = type.etagProperties.length > 0 ? type.etagProperties : type.properties.map((p) => p.name);
  let h = 2166136261;
  for (const name of names) {
    const text = JSON.stringify(row[name] ?? null);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 0x1f, 16777619);
  }
  return `W/"${(h >>> 0).toString(16).padStart(8, '0')}"`;
}

/** 412 when If-Match names other ETags; `*` and no header pass. */
export function checkIfMatch(type: EdmEntityType, row: Row, ifMatch: string | undefined): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const current = etagOf(type, row);
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  if (ifMatch.split(',').some((tag) => strip(tag) === strip(current))) return;
  throw new ODataError(
    412,
    '/IWBEP/CM_MGW_RT/022',
    `Precondition failed: the entity was changed (ETag ${current})`,
  );
}
