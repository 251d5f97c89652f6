// The entity data model both protocol layers serve: what an EDMX (V2 or V4) declares, reduced to what
// queries, serialisation and writes need. Built once per service; requests only read it.

export type ODataVersion = 'v2' | 'v4';

export interface EdmProperty {
  name: string;
  /** Qualified primitive type (`Edm.String`) or a complex type's qualified name. */
  type: string;
  nullable: boolean;
  maxLength?: number;
  precision?: number;
  scale?: number;
  /** Collection(...) in V4. */
  collection: boolean;
  /** A complex type (not a primitive). */
  complex: boolean;
}

export interface EdmComplexType {
  name: string;
  qualifiedName: string;
  properties: EdmProperty[];
  propertyMap: Map<string, EdmProperty>;
}

/** How rows of two sets relate: pairs of (property on the source, property on the target). */
export interface EdmJoin {
  source: string;
  target: string;
}

export interface EdmNavigation {
  name: string;
  /** Qualified name of the target entity type. */
  targetType: string;
  many: boolean;
  /** Filled when the model is linked; empty when the EDMX gives no referential constraint. */
  joins: EdmJoin[];
  /** Entity set the navigation leads to in the container (linked). */
  targetSet?: string;
  partner?: string;
  /** V2: association and its roles, for `$links` and deep inserts. */
  association?: { name: string; fromRole: string; toRole: string };
}

export interface EdmEntityType {
  name: string;
  qualifiedName: string;
  keys: string[];
  properties: EdmProperty[];
  propertyMap: Map<string, EdmProperty>;
  navigations: Map<string, EdmNavigation>;
  /** Property holding an ETag (ConcurrencyMode=Fixed / Core.OptimisticConcurrency); else a content hash. */
  etagProperties: string[];
}

export interface EdmEntitySet {
  name: string;
  entityType: EdmEntityType;
  /** V4 NavigationPropertyBinding: navigation path → target set. */
  navigationBindings: Map<string, string>;
}

export interface EdmParameter {
  name: string;
  type: string;
  collection: boolean;
  nullable: boolean;
}

export interface EdmReturnType {
  type: string;
  collection: boolean;
  /** The entity set results belong to (V2 EntitySet attribute / V4 EntitySetPath or import's set). */
  entitySet?: string;
}

/** V2 FunctionImport, V4 Function/Action (bound or unbound, via their imports). */
export interface EdmOperation {
  name: string;
  kind: 'function' | 'action';
  /** V2: the HTTP method the import declares (m:HttpMethod). */
  httpMethod?: string;
  /** V4 bound operations: the binding parameter's entity type and whether it binds to a collection. */
  boundTo?: { type: string; collection: boolean };
  parameters: EdmParameter[];
  returnType?: EdmReturnType;
  /** Qualified name (V4 namespace.Name) used in bound-operation URLs. */
  qualifiedName: string;
}

export interface EdmModel {
  version: ODataVersion;
  namespace: string;
  containerName: string;
  entityTypes: Map<string, EdmEntityType>;
  complexTypes: Map<string, EdmComplexType>;
  entitySets: Map<string, EdmEntitySet>;
  /** Unbound operations by import name (V2 function imports, V4 function/action imports). */
  operations: Map<string, EdmOperation>;
  /** V4 bound operations by qualified name and by simple name. */
  boundOperations: Map<string, EdmOperation[]>;
  /** The EDMX text as read, served as `$metadata` (V2 adds its atom:links, odata-v2/metadata.ts). */
  xml: string;
}

export function entitySetOfType(model: EdmModel, qualifiedType: string): EdmEntitySet | undefined {
  for (const set of model.entitySets.values()) {
    if (set.entityType.qualifiedName === qualifiedType) return set;
  }
  return undefined;
}
