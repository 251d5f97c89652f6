/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  CollectionField,
  ComplexTypeField,
  ConstructorOrField,
  DeSerializers,
  DefaultDeSerializers,
  DeserializedType,
  EdmTypeField,
  Entity,
  EnumField,
  FieldBuilder,
  FieldOptions,
  OrderableEdmTypeField,
  PropertyMetadata
} from '@sap-cloud-sdk/odata-v4';

/**
 * OrderSummary
 */
export interface OrderSummary<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> {
  /**
   * Order Count.
   * @nullable
   */
  orderCount?: DeserializedType<DeSerializersT, 'Edm.Int32'>;
  /**
   * Total Net Amount.
   * @nullable
   */
  totalNetAmount?: DeserializedType<DeSerializersT, 'Edm.Decimal'>;
}

/**
 * OrderSummaryField
 * @typeParam EntityT - Type of the entity the complex type field belongs to.
 */
export class OrderSummaryField<
  EntityT extends Entity,
  DeSerializersT extends DeSerializers = DefaultDeSerializers,
  NullableT extends boolean = false,
  SelectableT extends boolean = false
> extends ComplexTypeField<
  EntityT,
  DeSerializersT,
  OrderSummary,
  NullableT,
  SelectableT
> {
  private _fieldBuilder: FieldBuilder<this, DeSerializersT> = new FieldBuilder(
    this,
    this.deSerializers
  );
  /**
   * Representation of the {@link OrderSummary.orderCount} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  orderCount: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.Int32',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('OrderCount', 'Edm.Int32', true);
  /**
   * Representation of the {@link OrderSummary.totalNetAmount} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  totalNetAmount: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.Decimal',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField(
    'TotalNetAmount',
    'Edm.Decimal',
    true
  );

  /**
   * Creates an instance of OrderSummaryField.
   * @param fieldName - Actual name of the field as used in the OData request.
   * @param fieldOf - Either the parent entity constructor of the parent complex type this field belongs to.
   */
  constructor(
    fieldName: string,
    fieldOf: ConstructorOrField<EntityT>,
    deSerializers: DeSerializersT,
    fieldOptions?: FieldOptions<NullableT, SelectableT>
  ) {
    super(fieldName, fieldOf, deSerializers, OrderSummary, fieldOptions);
  }
}

export namespace OrderSummary {
  /**
   * Metadata information on all properties of the `OrderSummary` complex type.
   */
  export const _propertyMetadata: PropertyMetadata<OrderSummary>[] = [
    {
      originalName: 'OrderCount',
      name: 'orderCount',
      type: 'Edm.Int32',
      isCollection: false
    },
    {
      originalName: 'TotalNetAmount',
      name: 'totalNetAmount',
      type: 'Edm.Decimal',
      isCollection: false
    }
  ];
}
