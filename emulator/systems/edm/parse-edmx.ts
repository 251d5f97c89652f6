// EDMX (V2 and V4 CSDL) → EdmModel. fast-xml-parser does the XML; this maps elements to the model and
// links navigations to their joins and target sets. Malformed or unsupported EDMX raises EdmxError with
// the element that is wrong, so a workspace author sees which line of their file to fix.
import { XMLParser } from 'fast-xml-parser';
import type {
  EdmComplexType,
  EdmEntitySet,
  EdmEntityType,
  EdmModel,
  EdmNavigation,
  EdmOperation,
  EdmParameter,
  EdmProperty,
  ODataVersion,
} from './model.js';
import { EdmxError } from './edmx-error.js';
import { linkNavigations, type V2Association } from './link.js';

export { EdmxError };

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'Schema',
  'EntityType',
  'ComplexType',
  'Property',
  'PropertyRef',
  'NavigationProperty',
  'Association',
  'End',
  'EntityContainer',
  'EntitySet',
  'AssociationSet',
  'FunctionImport',
  'ActionImport',
  'Function',
  'Action',
  'Parameter',
  'NavigationPropertyBinding',
  'ReferentialConstraint',
  'Annotation',
  'Annotations',
  'PropertyPath',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseAttributeValue: false,
  isArray: (tagName) => ARRAYS.has(tagName),
});

const list = (node: Node | undefined, key: string): Node[] => (node?.[key] as Node[] | undefined) ?? [];
const attr = (node: Node, key: string): string | undefined => {
  const value = node[`@${key}`];
  return typeof value === 'string' ? value : undefined;
};
const required = (node: Node, key: string, where: string): string => {
  const value = attr(node, key);
  if (value === undefined || value === '') throw new EdmxError(`${where} has no ${key} attribute`);
  return value;
};

export function parseEdmx(xml: string): EdmModel {
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (error) {
    // fast-xml-parser ends its messages with `:line:column`.
    const match = /^(.*?):(\d+):(\d+)$/s.exec((error as Error).message);
    throw new EdmxError(
      match
        ? `not well-formed XML at line ${match[2]!}, column ${match[3]!}: ${match[1]!}`
        : `not well-formed XML: ${(error as Error).message}`,
    );
  }
  try {
    return build(doc, xml);
  } catch (error) {
    if (!(error instanceof EdmxError)) throw error;
    const line = lineOf(xml, error.message);
    throw line === undefined ? error : new EdmxError(`line ${line}: ${error.message}`);
  }
}

/** The line of the element a message starts with (`EntityType Foo …`), when the XML has it once. */
function lineOf(xml: string, message: string): number | undefined {
  const match = /^([A-Z][A-Za-z]+) ([A-Za-z_][\w.]*)/.exec(message);
  if (!match) return undefined;
  const [, element, name] = match;
  const escaped = name!.replace(/[.]/g, '\\.');
  const pattern = new RegExp(`<(?:[\\w]+:)?${element!}\\b[^>]*\\bName="${escaped}"`, 'g');
  const found = [...xml.matchAll(pattern)];
  if (found.length !== 1) return undefined;
  return xml.slice(0, found[0]!.index).split('\n').length;
}

function build(doc: Node, xml: string): EdmModel {
  const edmx = doc.Edmx as Node | undefined;
  if (!edmx) throw new EdmxError('the root element is not edmx:Edmx');
  const version: ODataVersion = attr(edmx, 'Version')?.startsWith('4') ? 'v4' : 'v2';
  const schemas = list(edmx.DataServices as Node | undefined, 'Schema');
  if (schemas.length === 0) throw new EdmxError('edmx:DataServices has no Schema');
  const builder = new ModelBuilder(version, xml);
  for (const schema of schemas) builder.readTypes(schema);
  for (const schema of schemas) builder.readContainer(schema);
  for (const schema of schemas) builder.readConcurrency(schema);
  return builder.finish();
}

class ModelBuilder {
  private readonly entityTypes = new Map<string, EdmEntityType>();
  private readonly complexTypes = new Map<string, EdmComplexType>();
  private readonly entitySets = new Map<string, EdmEntitySet>();
  private readonly operations = new Map<string, EdmOperation>();
  private readonly boundOperations = new Map<string, EdmOperation[]>();
  private readonly declaredOperations = new Map<string, EdmOperation[]>();
  private readonly associations = new Map<string, V2Association>();
  private readonly aliases = new Map<string, string>();
  private namespace = '';
  private containerName = '';

  constructor(
    private readonly version: ODataVersion,
    private readonly xml: string,
  ) {}

  /** Resolves `Alias.Name` to `Namespace.Name`. */
  private qualify(name: string): string {
    const dot = name.lastIndexOf('.');
    if (dot < 0) return name;
    const prefix = name.slice(0, dot);
    return `${this.aliases.get(prefix) ?? prefix}${name.slice(dot)}`;
  }

  readTypes(schema: Node): void {
    const ns = required(schema, 'Namespace', 'Schema');
    const alias = attr(schema, 'Alias');
    if (alias) this.aliases.set(alias, ns);
    if (!this.namespace || list(schema, 'EntityType').length > 0) this.namespace ||= ns;
    for (const node of list(schema, 'ComplexType')) {
      const type = this.complexType(node, ns);
      this.complexTypes.set(type.qualifiedName, type);
    }
    for (const node of list(schema, 'EntityType')) {
      const type = this.entityType(node, ns);
      this.entityTypes.set(type.qualifiedName, type);
    }
    for (const node of list(schema, 'Association')) this.association(node, ns);
    for (const node of list(schema, 'Function')) this.declare(this.v4Operation(node, ns, 'function'));
    for (const node of list(schema, 'Action')) this.declare(this.v4Operation(node, ns, 'action'));
  }

  private declare(op: EdmOperation): void {
    this.declaredOperations.set(op.qualifiedName, [
      ...(this.declaredOperations.get(op.qualifiedName) ?? []),
      op,
    ]);
    if (!op.boundTo) return;
    for (const key of [op.qualifiedName, op.name]) {
      this.boundOperations.set(key, [...(this.boundOperations.get(key) ?? []), op]);
    }
  }

  private properties(node: Node, where: string): EdmProperty[] {
    return list(node, 'Property').map((p) => {
      const rawType = required(p, 'Type', `${where} property ${attr(p, 'Name') ?? '?'}`);
      const collection = rawType.startsWith('Collection(');
      const type = this.qualify(collection ? rawType.slice(11, -1) : rawType);
      const num = (key: string): number | undefined => {
        const value = attr(p, key);
        return value === undefined || !/^\d+$/.test(value) ? undefined : Number(value);
      };
      return {
        name: required(p, 'Name', `${where} property`),
        type,
        nullable: attr(p, 'Nullable') !== 'false',
        maxLength: num('MaxLength'),
        precision: num('Precision'),
        scale: num('Scale'),
        collection,
        complex: !type.startsWith('Edm.'),
      };
    });
  }

  private complexType(node: Node, ns: string): EdmComplexType {
    const name = required(node, 'Name', 'ComplexType');
    const properties = this.properties(node, `ComplexType ${name}`);
    return {
      name,
      qualifiedName: `${ns}.${name}`,
      properties,
      propertyMap: new Map(properties.map((p) => [p.name, p])),
    };
  }

  private entityType(node: Node, ns: string): EdmEntityType {
    const name = required(node, 'Name', 'EntityType');
    const where = `EntityType ${name}`;
    const properties = this.properties(node, where);
    const keys = list(node.Key as Node | undefined, 'PropertyRef').map((k) =>
      required(k, 'Name', `${where} key`),
    );
    if (keys.length === 0) throw new EdmxError(`${where} declares no key`);
    const propertyMap = new Map(properties.map((p) => [p.name, p]));
    for (const key of keys) {
      if (!propertyMap.has(key)) throw new EdmxError(`${where} key ${key} is not one of its properties`);
    }
    const navigations = new Map<string, EdmNavigation>();
    for (const nav of list(node, 'NavigationProperty')) {
      const navigation = this.navigation(nav, where);
      navigations.set(navigation.name, navigation);
    }
    const etagProperties = list(node, 'Property')
      .filter((p) => attr(p, 'ConcurrencyMode') === 'Fixed' || attr(p, 'etag') === 'true')
      .map((p) => attr(p, 'Name') ?? '');
    return {
      name,
      qualifiedName: `${ns}.${name}`,
      keys,
      properties,
      propertyMap,
      navigations,
      etagProperties,
    };
  }

  private navigation(nav: Node, where: string): EdmNavigation {
    const name = required(nav, 'Name', `${where} navigation property`);
    const relationship = attr(nav, 'Relationship');
    if (relationship) {
      // V2: target and multiplicity come from the association, resolved in finish().
      return {
        name,
        targetType: '',
        many: false,
        joins: [],
        association: {
          name: this.qualify(relationship),
          fromRole: required(nav, 'FromRole', `${where}/${name}`),
          toRole: required(nav, 'ToRole', `${where}/${name}`),
        },
      };
    }
    const rawType = required(nav, 'Type', `${where}/${name}`);
    const many = rawType.startsWith('Collection(');
    const joins = list(nav, 'ReferentialConstraint').map((c) => ({
      source: required(c, 'Property', `${where}/${name} ReferentialConstraint`),
      target: required(c, 'ReferencedProperty', `${where}/${name} ReferentialConstraint`),
    }));
    return {
      name,
      targetType: this.qualify(many ? rawType.slice(11, -1) : rawType),
      many,
      joins,
      partner: attr(nav, 'Partner'),
    };
  }

  private association(node: Node, ns: string): void {
    const name = required(node, 'Name', 'Association');
    const ends = list(node, 'End').map((end) => ({
      role: required(end, 'Role', `Association ${name} End`),
      type: this.qualify(required(end, 'Type', `Association ${name} End`)),
      multiplicity: required(end, 'Multiplicity', `Association ${name} End`),
    }));
    const constraint = (node.ReferentialConstraint as Node[] | undefined)?.[0];
    const refs = (side: string): string[] =>
      list(constraint?.[side] as Node | undefined, 'PropertyRef').map((r) => attr(r, 'Name') ?? '');
    this.associations.set(`${ns}.${name}`, {
      ends,
      principal: constraint
        ? { role: attr(constraint.Principal as Node, 'Role') ?? '', properties: refs('Principal') }
        : undefined,
      dependent: constraint
        ? { role: attr(constraint.Dependent as Node, 'Role') ?? '', properties: refs('Dependent') }
        : undefined,
    });
  }

  private parameters(node: Node, where: string): EdmParameter[] {
    return list(node, 'Parameter').map((p) => {
      const rawType = required(p, 'Type', `${where} parameter`);
      const collection = rawType.startsWith('Collection(');
      return {
        name: required(p, 'Name', `${where} parameter`),
        type: this.qualify(collection ? rawType.slice(11, -1) : rawType),
        collection,
        nullable: attr(p, 'Nullable') !== 'false',
      };
    });
  }

  private returnType(raw: string | undefined, entitySet?: string): EdmOperation['returnType'] {
    if (!raw) return undefined;
    const collection = raw.startsWith('Collection(');
    return { type: this.qualify(collection ? raw.slice(11, -1) : raw), collection, entitySet };
  }

  private v4Operation(node: Node, ns: string, kind: 'function' | 'action'): EdmOperation {
    const name = required(node, 'Name', kind === 'action' ? 'Action' : 'Function');
    const parameters = this.parameters(node, `${kind} ${name}`);
    const bound = attr(node, 'IsBound') === 'true';
    const binding = bound ? parameters.shift() : undefined;
    if (bound && !binding) throw new EdmxError(`bound ${kind} ${name} has no binding parameter`);
    const returnNode = (node.ReturnType as Node | undefined) ?? undefined;
    return {
      name,
      kind,
      qualifiedName: `${ns}.${name}`,
      parameters,
      boundTo: binding ? { type: binding.type, collection: binding.collection } : undefined,
      returnType: this.returnType(returnNode ? attr(returnNode, 'Type') : undefined),
    };
  }

  readContainer(schema: Node): void {
    for (const container of list(schema, 'EntityContainer')) {
      this.containerName ||= required(container, 'Name', 'EntityContainer');
      for (const node of list(container, 'EntitySet')) this.entitySet(node);
      for (const node of list(container, 'FunctionImport')) this.functionImport(node);
      for (const node of list(container, 'ActionImport')) this.actionImport(node);
    }
  }

  /**
   * V4 `Core.OptimisticConcurrency` (inline on an EntitySet or in `Annotations` targeting the entity
   * type or `Container/Set`): the listed properties are the type's ETag, as `ConcurrencyMode` is in V2.
   */
  readConcurrency(schema: Node): void {
    for (const container of list(schema, 'EntityContainer')) {
      for (const node of list(container, 'EntitySet'))
        this.concurrency(this.entitySets.get(attr(node, 'Name') ?? '')?.entityType, list(node, 'Annotation'));
    }
    for (const group of list(schema, 'Annotations')) {
      const target = this.qualify(required(group, 'Target', 'Annotations'));
      const slash = target.indexOf('/');
      const type =
        slash < 0 ? this.entityTypes.get(target) : this.entitySets.get(target.slice(slash + 1))?.entityType;
      this.concurrency(type, list(group, 'Annotation'));
    }
  }

  private concurrency(type: EdmEntityType | undefined, annotations: Node[]): void {
    const term = annotations.find((a) => /(^|\.)OptimisticConcurrency$/.test(attr(a, 'Term') ?? ''));
    if (!type || !term) return;
    // <PropertyPath>X</PropertyPath> parses to the string X (an object only if it had attributes).
    const paths = list(term.Collection as Node | undefined, 'PropertyPath').map((p: unknown) => {
      const text = typeof p === 'string' ? p : (p as Node | null)?.['#text'];
      return typeof text === 'string' ? text : '';
    });
    for (const path of paths) {
      if (!type.propertyMap.has(path))
        throw new EdmxError(`Core.OptimisticConcurrency of ${type.name} names unknown property ${path}`);
      if (!type.etagProperties.includes(path)) type.etagProperties.push(path);
    }
  }

  private entitySet(node: Node): void {
    const name = required(node, 'Name', 'EntitySet');
    const typeName = this.qualify(required(node, 'EntityType', `EntitySet ${name}`));
    const entityType = this.entityTypes.get(typeName);
    if (!entityType) throw new EdmxError(`EntitySet ${name} names unknown EntityType ${typeName}`);
    const navigationBindings = new Map(
      list(node, 'NavigationPropertyBinding').map((b) => [
        required(b, 'Path', `EntitySet ${name} binding`),
        required(b, 'Target', `EntitySet ${name} binding`),
      ]),
    );
    this.entitySets.set(name, { name, entityType, navigationBindings });
  }

  private functionImport(node: Node): void {
    const name = required(node, 'Name', 'FunctionImport');
    if (this.version === 'v4') {
      const target = this.declaredOperations.get(this.qualify(required(node, 'Function', name)));
      const op = target?.find((o) => !o.boundTo);
      if (!op) throw new EdmxError(`FunctionImport ${name} names an unknown unbound Function`);
      this.operations.set(name, { ...op, returnType: withSet(op.returnType, attr(node, 'EntitySet')) });
      return;
    }
    this.operations.set(name, {
      name,
      kind: 'function',
      qualifiedName: name,
      httpMethod: (attr(node, 'HttpMethod') ?? 'GET').toUpperCase(),
      parameters: this.parameters(node, `FunctionImport ${name}`),
      returnType: this.returnType(attr(node, 'ReturnType'), attr(node, 'EntitySet')),
    });
  }

  private actionImport(node: Node): void {
    const name = required(node, 'Name', 'ActionImport');
    const target = this.declaredOperations.get(this.qualify(required(node, 'Action', name)));
    const op = target?.find((o) => !o.boundTo && o.kind === 'action');
    if (!op) throw new EdmxError(`ActionImport ${name} names an unknown unbound Action`);
    this.operations.set(name, { ...op, returnType: withSet(op.returnType, attr(node, 'EntitySet')) });
  }

  finish(): EdmModel {
    if (this.entitySets.size === 0) throw new EdmxError('the EntityContainer declares no EntitySet');
    const model: EdmModel = {
      version: this.version,
      namespace: this.namespace,
      containerName: this.containerName,
      entityTypes: this.entityTypes,
      complexTypes: this.complexTypes,
      entitySets: this.entitySets,
      operations: this.operations,
      boundOperations: this.boundOperations,
      xml: this.xml,
    };
    linkNavigations(model, this.associations);
    return model;
  }
}

function withSet(
  returnType: EdmOperation['returnType'],
  entitySet: string | undefined,
): EdmOperation['returnType'] {
  return returnType && entitySet ? { ...returnType, entitySet } : returnType;
}
