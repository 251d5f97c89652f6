// Runs a read plan over rows: index-assisted filter, top-k selection instead of a full sort when a
// page is small, and early exit when no count is needed. Rows are returned as they are stored.
import type { Row } from '../expr/compile.js';
import type { EntityTable } from '../store/entity-table.js';
import type { ReadPlan } from './plan.js';

export interface PageResult {
  rows: Row[];
  /** Matching rows in total, when the plan asks for a count. */
  count?: number;
  /** More rows follow the page (for server-driven paging). */
  more: boolean;
}

/**
 * @param source the candidate rows (a whole table or the targets of a navigation)
 * @param table when source is the whole table, lets an eq filter use the table's index
 * @param pageSize server-driven page size (0: none)
 */
export function executePlan(
  source: readonly Row[],
  plan: ReadPlan,
  table?: EntityTable,
  pageSize = 0,
): PageResult {
  let candidates = source;
  const hint = plan.filter?.eqHint;
  if (table && hint) candidates = table.lookupEq(hint.property, hint.value);
  const predicate = combine(plan);
  const limit = pageSize > 0 ? Math.min(plan.top ?? Infinity, pageSize) : (plan.top ?? Infinity);
  const skip = plan.skip;

  if (!plan.sort) return unsorted(candidates, predicate, skip, limit, plan.count);
  const matches = predicate ? candidates.filter(predicate) : candidates;
  const wanted = skip + limit;
  const rows =
    wanted < matches.length / 4
      ? topK(matches, plan.sort, wanted).slice(skip)
      : [...matches].sort(plan.sort).slice(skip, skip + limit);
  return {
    rows,
    count: plan.count ? matches.length : undefined,
    more: skip + rows.length < matches.length && rows.length === limit,
  };
}

function combine(plan: ReadPlan): ((row: Row) => boolean) | undefined {
  const filter = plan.filter?.predicate;
  const search = plan.search;
  if (filter && search) return (row) => filter(row) && search(row);
  return filter ?? search;
}

function unsorted(
  candidates: readonly Row[],
  predicate: ((row: Row) => boolean) | undefined,
  skip: number,
  limit: number,
  count: boolean,
): PageResult {
  if (!predicate) {
    const rows = candidates.slice(skip, limit === Infinity ? undefined : skip + limit);
    return {
      rows,
      count: count ? candidates.length : undefined,
      more: skip + rows.length < candidates.length,
    };
  }
  const rows: Row[] = [];
  let matched = 0;
  let more = false;
  for (const row of candidates) {
    if (!predicate(row)) continue;
    matched++;
    if (matched <= skip) continue;
    if (rows.length < limit) rows.push(row);
    else {
      more = true;
      if (!count) break;
    }
  }
  return { rows, count: count ? matched : undefined, more };
}

/** The k smallest rows in order: binary insertion into a bounded sorted buffer, O(n log k). */
function topK(rows: readonly Row[], compare: (a: Row, b: Row) => number, k: number): Row[] {
  const buffer: Row[] = [];
  if (k === 0) return buffer;
  for (const row of rows) {
    if (buffer.length === k && compare(row, buffer[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = buffer.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(buffer[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    buffer.splice(lo, 0, row);
    if (buffer.length > k) buffer.pop();
  }
  return buffer;
}
