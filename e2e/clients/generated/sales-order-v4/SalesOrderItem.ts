/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  Entity,
  DefaultDeSerializers,
  DeSerializers,
  DeserializedType
} from '@sap-cloud-sdk/odata-v4';
import type { SalesOrderItemApi } from './SalesOrderItemApi';
import { SalesOrder, SalesOrderType } from './SalesOrder';

/**
 * This class represents the entity "SalesOrderItem" of service "com.sap.gateway.srvd.salesorder.v0001".
 */
export class SalesOrderItem<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements SalesOrderItemType<T>
{
  /**
   * Technical entity name for SalesOrderItem.
   */
  static override _entityName = 'SalesOrderItem';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath =
    '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001';
  /**
   * All key fields of the SalesOrderItem entity.
   */
  static _keys = ['SalesOrder', 'SalesOrderItem'];
  /**
   * Sales Order.
   * Maximum length: 10.
   */
  declare salesOrder: DeserializedType<T, 'Edm.String'>;
  /**
   * Sales Order Item.
   * Maximum length: 6.
   */
  declare salesOrderItem: DeserializedType<T, 'Edm.String'>;
  /**
   * Material.
   * Maximum length: 40.
   * @nullable
   */
  declare material?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Sales Order Item Text.
   * Maximum length: 40.
   * @nullable
   */
  declare salesOrderItemText?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Requested Quantity.
   * @nullable
   */
  declare requestedQuantity?: DeserializedType<T, 'Edm.Decimal'> | null;
  /**
   * Requested Quantity Unit.
   * Maximum length: 3.
   * @nullable
   */
  declare requestedQuantityUnit?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Net Amount.
   * @nullable
   */
  declare netAmount?: DeserializedType<T, 'Edm.Decimal'> | null;
  /**
   * Transaction Currency.
   * Maximum length: 5.
   * @nullable
   */
  declare transactionCurrency?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Item Position.
   * @nullable
   */
  declare itemPosition?: DeserializedType<T, 'Edm.Int32'> | null;
  /**
   * One-to-one navigation property to the {@link SalesOrder} entity.
   */
  declare salesOrder_1?: SalesOrder<T> | null;

  constructor(_entityApi: SalesOrderItemApi<T>) {
    super(_entityApi);
  }
}

export interface SalesOrderItemType<
  T extends DeSerializers = DefaultDeSerializers
> {
  salesOrder: DeserializedType<T, 'Edm.String'>;
  salesOrderItem: DeserializedType<T, 'Edm.String'>;
  material?: DeserializedType<T, 'Edm.String'> | null;
  salesOrderItemText?: DeserializedType<T, 'Edm.String'> | null;
  requestedQuantity?: DeserializedType<T, 'Edm.Decimal'> | null;
  requestedQuantityUnit?: DeserializedType<T, 'Edm.String'> | null;
  netAmount?: DeserializedType<T, 'Edm.Decimal'> | null;
  transactionCurrency?: DeserializedType<T, 'Edm.String'> | null;
  itemPosition?: DeserializedType<T, 'Edm.Int32'> | null;
  salesOrder_1?: SalesOrderType<T> | null;
}
