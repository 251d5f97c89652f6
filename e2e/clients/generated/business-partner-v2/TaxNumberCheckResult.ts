/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  ComplexTypeField,
  ConstructorOrField,
  DeSerializers,
  DefaultDeSerializers,
  DeserializedType,
  EdmTypeField,
  Entity,
  FieldBuilder,
  FieldOptions,
  OrderableEdmTypeField,
  PropertyMetadata
} from '@sap-cloud-sdk/odata-v2';

/**
 * TaxNumberCheckResult
 */
export interface TaxNumberCheckResult<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> {
  /**
   * Tax Number.
   * @nullable
   */
  taxNumber?: DeserializedType<DeSerializersT, 'Edm.String'>;
  /**
   * Is Valid.
   * @nullable
   */
  isValid?: DeserializedType<DeSerializersT, 'Edm.Boolean'>;
  /**
   * Message.
   * @nullable
   */
  message?: DeserializedType<DeSerializersT, 'Edm.String'>;
}

/**
 * TaxNumberCheckResultField
 * @typeParam EntityT - Type of the entity the complex type field belongs to.
 */
export class TaxNumberCheckResultField<
  EntityT extends Entity,
  DeSerializersT extends DeSerializers = DefaultDeSerializers,
  NullableT extends boolean = false,
  SelectableT extends boolean = false
> extends ComplexTypeField<
  EntityT,
  DeSerializersT,
  TaxNumberCheckResult,
  NullableT,
  SelectableT
> {
  private _fieldBuilder: FieldBuilder<this, DeSerializersT> = new FieldBuilder(
    this,
    this.deSerializers
  );
  /**
   * Representation of the {@link TaxNumberCheckResult.taxNumber} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  taxNumber: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('TaxNumber', 'Edm.String', true);
  /**
   * Representation of the {@link TaxNumberCheckResult.isValid} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  isValid: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.Boolean',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('IsValid', 'Edm.Boolean', true);
  /**
   * Representation of the {@link TaxNumberCheckResult.message} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  message: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('Message', 'Edm.String', true);

  /**
   * Creates an instance of TaxNumberCheckResultField.
   * @param fieldName - Actual name of the field as used in the OData request.
   * @param fieldOf - Either the parent entity constructor of the parent complex type this field belongs to.
   */
  constructor(
    fieldName: string,
    fieldOf: ConstructorOrField<EntityT>,
    deSerializers: DeSerializersT,
    fieldOptions?: FieldOptions<NullableT, SelectableT>
  ) {
    super(
      fieldName,
      fieldOf,
      deSerializers,
      TaxNumberCheckResult,
      fieldOptions
    );
  }
}

export namespace TaxNumberCheckResult {
  /**
   * Metadata information on all properties of the `TaxNumberCheckResult` complex type.
   */
  export const _propertyMetadata: PropertyMetadata<TaxNumberCheckResult>[] = [
    {
      originalName: 'TaxNumber',
      name: 'taxNumber',
      type: 'Edm.String',
      isCollection: false
    },
    {
      originalName: 'IsValid',
      name: 'isValid',
      type: 'Edm.Boolean',
      isCollection: false
    },
    {
      originalName: 'Message',
      name: 'message',
      type: 'Edm.String',
      isCollection: false
    }
  ];
}
