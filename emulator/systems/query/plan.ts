// Query options compiled against an entity type into a plan: filter closure, comparator, paging,
// projection and an expand tree. Compiling checks every name, so execution cannot fail on one.
import type { EdmEntitySet, EdmEntityType, EdmModel, EdmNavigation, ODataVersion } from '../edm/model.js';
import { compileFilter, compileValue, type CompiledFilter, type Row } from '../expr/compile.js';
import { ExpressionError } from '../expr/lexer.js';
import { parseExpression, parseOrderBy } from '../expr/parser.js';
import { parseSearch } from '../expr/search.js';
import { badRequest } from '../odata/errors.js';
import { parseExpand, splitTopLevel, type ExpandItem, type QueryOptions } from './options.js';

export interface ReadPlan {
  filter?: CompiledFilter;
  search?: (row: Row) => boolean;
  sort?: (a: Row, b: Row) => number;
  top?: number;
  skip: number;
  count: boolean;
  /** Properties to include; undefined selects all. */
  select?: Set<string>;
  expand: ExpandPlan[];
}

export interface ExpandPlan {
  nav: EdmNavigation;
  targetSet: EdmEntitySet;
  plan: ReadPlan;
}

export interface PlanContext {
  version: ODataVersion;
  model: EdmModel;
  navigate(row: Row, from: EdmEntityType, nav: EdmNavigation): Row[];
}

/**
 * Levels of `$expand` (path segments and nested `$expand`s together). Each level is compiled and
 * serialised by recursion, and multiplies the rows in the answer by the navigation's fan-out.
 */
export const MAX_EXPAND_DEPTH = 10;

export function compilePlan(
  options: QueryOptions,
  set: EdmEntitySet,
  ctx: PlanContext,
  expandDepth = 0,
): ReadPlan {
  const type = set.entityType;
  const plan: ReadPlan = {
    skip: options.skip ?? 0,
    top: options.top,
    count: options.count,
    expand: [],
  };
  if (options.filter !== undefined)
    plan.filter = guarded('$filter', () =>
      compileFilter(parseExpression(options.filter!, ctx.version), {
        ...ctx,
        entityType: type,
        option: '$filter',
      }),
    );
  if (options.orderby !== undefined)
    plan.sort = guarded('$orderby', () => comparator(options.orderby!, type, ctx));
  if (options.search !== undefined)
    plan.search = guarded('$search', () => searchPredicate(options.search!, type));
  const expandItems = options.expand ? parseExpand(options.expand, ctx.version) : [];
  const selectPaths = options.select ? splitTopLevel(options.select, ',').map((s) => s.split('/')) : [];
  plan.select = projection(selectPaths, type);
  plan.expand = expandPlans(expandItems, selectPaths, set, ctx, expandDepth);
  return plan;
}

function guarded<T>(option: string, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (error instanceof ExpressionError) throw badRequest(`Invalid ${option}: ${error.message}`);
    throw error;
  }
}

function comparator(text: string, type: EdmEntityType, ctx: PlanContext): (a: Row, b: Row) => number {
  const keys = parseOrderBy(text, ctx.version).map(({ expr, desc }) => ({
    value: compileValue(expr, { ...ctx, entityType: type, option: '$orderby' }).fn,
    sign: desc ? -1 : 1,
  }));
  return (a, b) => {
    for (const { value, sign } of keys) {
      const x = value(a);
      const y = value(b);
      if (x === y) continue;
      // Nulls sort first ascending, as Gateway's ABAP sort does.
      if (x === null || x === undefined) return -sign;
      if (y === null || y === undefined) return sign;
      return (x as number) < (y as number) ? -sign : sign;
    }
    return 0;
  };
}

function searchPredicate(text: string, type: EdmEntityType): (row: Row) => boolean {
  const matches = parseSearch(text);
  const names = type.properties.filter((p) => p.type === 'Edm.String').map((p) => p.name);
  return (row) =>
    matches((term) => names.some((n) => typeof row[n] === 'string' && row[n].toLowerCase().includes(term)));
}

function projection(paths: string[][], type: EdmEntityType): Set<string> | undefined {
  if (paths.length === 0 || paths.some((p) => p.length === 1 && p[0] === '*')) return undefined;
  const selected = new Set<string>();
  for (const path of paths) {
    const name = path[0]!;
    if (!type.propertyMap.has(name) && !type.navigations.has(name)) {
      throw badRequest(`Invalid $select: property ${name} does not exist in type ${type.name}`);
    }
    selected.add(name);
  }
  // Keys always travel with an entity so clients can address it again.
  for (const key of type.keys) selected.add(key);
  return selected;
}

function expandPlans(
  items: ExpandItem[],
  selectPaths: string[][],
  set: EdmEntitySet,
  ctx: PlanContext,
  depth: number,
): ExpandPlan[] {
  if (items.length > 0 && depth >= MAX_EXPAND_DEPTH)
    throw badRequest(`Invalid $expand: more than ${MAX_EXPAND_DEPTH} levels of navigation are not supported`);
  const byNav = new Map<string, { nested: ExpandItem[]; options: Map<string, string> }>();
  for (const item of items) {
    const [head, ...rest] = item.path;
    if (!head) throw badRequest('Invalid $expand: empty path');
    const entry = byNav.get(head) ?? { nested: [], options: new Map<string, string>() };
    if (rest.length > 0) entry.nested.push({ path: rest, options: item.options });
    else for (const [k, v] of item.options) entry.options.set(k, v);
    byNav.set(head, entry);
  }
  return [...byNav].map(([name, { nested, options }]) => {
    const nav = set.entityType.navigations.get(name);
    if (!nav)
      throw badRequest(
        `Invalid $expand: navigation property ${name} does not exist in type ${set.entityType.name}`,
      );
    const targetSet = nav.targetSet ? ctx.model.entitySets.get(nav.targetSet) : undefined;
    if (!targetSet) throw badRequest(`Invalid $expand: navigation property ${name} has no target entity set`);
    const nestedSelect = selectPaths.filter((p) => p[0] === name && p.length > 1).map((p) => p.slice(1));
    const plan = nestedPlan(name, { options, nested, selectPaths: nestedSelect }, targetSet, ctx, depth + 1);
    return { nav, targetSet, plan };
  });
}

function nestedPlan(
  navName: string,
  {
    options,
    nested,
    selectPaths,
  }: { options: Map<string, string>; nested: ExpandItem[]; selectPaths: string[][] },
  set: EdmEntitySet,
  ctx: PlanContext,
  depth: number,
): ReadPlan {
  for (const name of options.keys()) {
    if (!EXPAND_OPTIONS.has(name)) throw badRequest(`Option ${name} is not allowed in $expand of ${navName}`);
  }
  const get = (name: string): string | undefined => options.get(name);
  const num = (name: string): number | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw badRequest(`Invalid value '${v}' of ${name} in $expand`);
    return Number(v);
  };
  const inner = compilePlan(
    {
      filter: get('$filter'),
      orderby: get('$orderby'),
      top: num('$top'),
      skip: num('$skip'),
      select: get('$select'),
      search: get('$search'),
      count: get('$count') === 'true',
      custom: new Map(),
    },
    set,
    ctx,
    depth,
  );
  if (get('$select') === undefined && selectPaths.length > 0)
    inner.select = projection(selectPaths, set.entityType);
  const extra = get('$expand');
  const nestedItems = [...nested, ...(extra ? parseExpand(extra, ctx.version) : [])];
  inner.expand = expandPlans(nestedItems, selectPaths, set, ctx, depth);
  return inner;
}

const EXPAND_OPTIONS = new Set([
  '$select',
  '$filter',
  '$orderby',
  '$top',
  '$skip',
  '$count',
  '$expand',
  '$search',
  '$levels',
]);
