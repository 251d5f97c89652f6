// EDMX reading details: V4 ETags from Core.OptimisticConcurrency (on the type, the set or inline), and
// errors that name the line and element to fix.
import { describe, expect, it } from 'vitest';
import { SALES_ORDER_V4_EDMX } from '../builtin/sales-order-v4.js';
import { EdmxError, parseEdmx } from './parse-edmx.js';

const withoutAnnotations = SALES_ORDER_V4_EDMX.replace(/<Annotations[\s\S]*<\/Annotations>/, '');
const concurrency = (paths: string[]): string =>
  `<Annotation Term="Core.OptimisticConcurrency"><Collection>${paths
    .map((p) => `<PropertyPath>${p}</PropertyPath>`)
    .join('')}</Collection></Annotation>`;

describe('V4 ETags from Core.OptimisticConcurrency', () => {
  it('reads the annotation on the entity type (the built-in sales order service)', () => {
    const model = parseEdmx(SALES_ORDER_V4_EDMX);
    expect(model.entitySets.get('SalesOrder')!.entityType.etagProperties).toEqual(['LastChangeDateTime']);
    expect(model.entitySets.get('SalesOrderItem')!.entityType.etagProperties).toEqual([]);
  });

  it('reads it when it targets Container/Set, and inline on the EntitySet', () => {
    const targeted = withoutAnnotations.replace(
      '</Schema>',
      `<Annotations Target="SAP__self.Container/SalesOrder">${concurrency(['LastChangeDateTime', 'SalesOrderUUID'])}</Annotations></Schema>`,
    );
    expect(parseEdmx(targeted).entitySets.get('SalesOrder')!.entityType.etagProperties).toEqual([
      'LastChangeDateTime',
      'SalesOrderUUID',
    ]);
    const inline = withoutAnnotations.replace(
      '<NavigationPropertyBinding Path="_Item" Target="SalesOrderItem"/>',
      `<NavigationPropertyBinding Path="_Item" Target="SalesOrderItem"/>${concurrency(['SalesOrderDate'])}`,
    );
    expect(parseEdmx(inline).entitySets.get('SalesOrder')!.entityType.etagProperties).toEqual([
      'SalesOrderDate',
    ]);
    expect(parseEdmx(withoutAnnotations).entitySets.get('SalesOrder')!.entityType.etagProperties).toEqual([]);
  });

  it('refuses a property the type does not have', () => {
    const wrong = SALES_ORDER_V4_EDMX.replace(
      '<PropertyPath>LastChangeDateTime</PropertyPath>',
      '<PropertyPath>Nope</PropertyPath>',
    );
    expect(() => parseEdmx(wrong)).toThrow(
      'Core.OptimisticConcurrency of SalesOrderType names unknown property Nope',
    );
  });
});

describe('errors name the line and element', () => {
  it('gives line and column of XML that is not well-formed', () => {
    expect(() => parseEdmx('<edmx:Edmx>\n  <a>\n</edmx:Edmx>')).toThrow(
      /^not well-formed XML at line 3, column \d+: Expected closing tag 'a'/,
    );
  });

  it('prefixes the line of the element a model error names', () => {
    const noKey = SALES_ORDER_V4_EDMX.replace('<Key><PropertyRef Name="SalesOrder"/></Key>', '');
    const line = SALES_ORDER_V4_EDMX.split('\n').findIndex((l) => l.includes('Name="SalesOrderType"')) + 1;
    expect(() => parseEdmx(noKey)).toThrow(
      new EdmxError(`line ${line}: EntityType SalesOrderType declares no key`),
    );
    const badSet = SALES_ORDER_V4_EDMX.replace(
      'EntityType="com.sap.gateway.srvd.salesorder.v0001.SalesOrderItemType"',
      'EntityType="com.sap.gateway.srvd.salesorder.v0001.Missing"',
    );
    expect(() => parseEdmx(badSet)).toThrow(
      /^line \d+: EntitySet SalesOrderItem names unknown EntityType com\.sap\.gateway\.srvd\.salesorder\.v0001\.Missing$/,
    );
  });
});
