// Second pass over a parsed model: every navigation learns its target type, multiplicity, the entity
// set it leads to and how rows join (from a V2 association's or a V4 partner's referential constraint).
import { EdmxError } from './edmx-error.js';
import type { EdmEntitySet, EdmModel, EdmNavigation } from './model.js';

export interface V2Association {
  ends: { role: string; type: string; multiplicity: string }[];
  principal?: { role: string; properties: string[] };
  dependent?: { role: string; properties: string[] };
}

export function linkNavigations(model: EdmModel, associations: Map<string, V2Association>): void {
  for (const type of model.entityTypes.values()) {
    for (const nav of type.navigations.values()) {
      if (nav.association) linkV2(nav, associations, `${type.name}/${nav.name}`);
    }
  }
  for (const type of model.entityTypes.values()) {
    for (const nav of type.navigations.values()) {
      if (!nav.association && nav.joins.length === 0 && nav.partner) {
        const partner = model.entityTypes.get(nav.targetType)?.navigations.get(nav.partner);
        nav.joins = (partner?.joins ?? []).map((j) => ({ source: j.target, target: j.source }));
      }
    }
  }
  for (const set of model.entitySets.values()) {
    for (const nav of set.entityType.navigations.values()) {
      nav.targetSet ??= targetSet(model, set, nav);
    }
  }
}

function linkV2(nav: EdmNavigation, associations: Map<string, V2Association>, where: string): void {
  const { name, fromRole, toRole } = nav.association!;
  const association = associations.get(name);
  if (!association) throw new EdmxError(`${where} names unknown Association ${name}`);
  const to = association.ends.find((e) => e.role === toRole);
  if (!to) throw new EdmxError(`${where}: Association ${name} has no End with Role ${toRole}`);
  nav.targetType = to.type;
  nav.many = to.multiplicity === '*';
  const { principal, dependent } = association;
  if (!principal || !dependent) return;
  const from = fromRole === principal.role ? principal.properties : dependent.properties;
  const target = fromRole === principal.role ? dependent.properties : principal.properties;
  nav.joins = from.map((source, i) => ({ source, target: target[i] ?? source }));
}

/** V4 binding first, else the one set of the target type (as V2 association sets nearly always are). */
function targetSet(model: EdmModel, set: EdmEntitySet, nav: EdmNavigation): string | undefined {
  const bound = set.navigationBindings.get(nav.name);
  if (bound) return bound.split('/').pop();
  for (const candidate of model.entitySets.values()) {
    if (candidate.entityType.qualifiedName === nav.targetType) return candidate.name;
  }
  return undefined;
}
