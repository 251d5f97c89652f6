// Generated rows made per entity set when a table is first used, instead of for the whole model at
// once: importing a service of thousands of entity sets and opening one of them generates that set and
// the parents its rows point to, not every table (which cost hundreds of MB for a 9 MB EDMX).
import type { EdmModel } from '../edm/model.js';
import type { Row } from '../expr/compile.js';
import { generateData, parentLinks, type GenerateOptions } from './generate.js';

/**
 * The generated rows of one entity set, on demand. They are the rows generateData gives for the whole
 * model: each set draws from its own random stream (seeded by its name), and its rows point only to
 * its parents, which are generated with it (parents first, in the model's order). A model whose
 * referential constraints form a cycle may break the cycle at another set than the whole-model run;
 * the rows are valid either way. Results are kept per set, so a parent is generated once.
 */
export function lazyGenerated(model: EdmModel, options: GenerateOptions): (set: string) => Row[] {
  const made = new Map<string, Row[]>();
  return (name) => {
    const known = made.get(name);
    if (known) return known;
    const needed = withParents(model, name);
    const part: EdmModel = {
      ...model,
      entitySets: new Map([...model.entitySets].filter(([set]) => needed.has(set))),
    };
    for (const [set, rows] of generateData(part, options)) if (!made.has(set)) made.set(set, rows);
    return made.get(name) ?? [];
  };
}

/** The set and every set its generated rows point to, transitively. */
function withParents(model: EdmModel, name: string): Set<string> {
  const needed = new Set<string>();
  const pending = [name];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const set = model.entitySets.get(next);
    if (!set || needed.has(next)) continue;
    needed.add(next);
    for (const link of parentLinks(model, set)) pending.push(link.parentSet);
  }
  return needed;
}
