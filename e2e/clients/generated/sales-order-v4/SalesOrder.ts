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
import type { SalesOrderApi } from './SalesOrderApi';
import { SalesOrderItem, SalesOrderItemType } from './SalesOrderItem';

/**
 * This class represents the entity "SalesOrder" of service "com.sap.gateway.srvd.salesorder.v0001".
 */
export class SalesOrder<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements SalesOrderType<T>
{
  /**
   * Technical entity name for SalesOrder.
   */
  static override _entityName = 'SalesOrder';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath =
    '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001';
  /**
   * All key fields of the SalesOrder entity.
   */
  static _keys = ['SalesOrder'];
  /**
   * Sales Order.
   * Maximum length: 10.
   */
  declare salesOrder: DeserializedType<T, 'Edm.String'>;
  /**
   * Sales Order Type.
   * Maximum length: 4.
   * @nullable
   */
  declare salesOrderType?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Sales Organization.
   * Maximum length: 4.
   * @nullable
   */
  declare salesOrganization?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Sold To Party.
   * Maximum length: 10.
   * @nullable
   */
  declare soldToParty?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Purchase Order By Customer.
   * Maximum length: 35.
   * @nullable
   */
  declare purchaseOrderByCustomer?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Customer Name.
   * Maximum length: 80.
   * @nullable
   */
  declare customerName?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Total Net Amount.
   * @nullable
   */
  declare totalNetAmount?: DeserializedType<T, 'Edm.Decimal'> | null;
  /**
   * Transaction Currency.
   * Maximum length: 5.
   * @nullable
   */
  declare transactionCurrency?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Overall Sd Process Status.
   * Maximum length: 1.
   * @nullable
   */
  declare overallSdProcessStatus?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Is Released.
   * @nullable
   */
  declare isReleased?: DeserializedType<T, 'Edm.Boolean'> | null;
  /**
   * Sales Order Date.
   * @nullable
   */
  declare salesOrderDate?: DeserializedType<T, 'Edm.Date'> | null;
  /**
   * Sales Order Uuid.
   * @nullable
   */
  declare salesOrderUuid?: DeserializedType<T, 'Edm.Guid'> | null;
  /**
   * Last Change Date Time.
   * @nullable
   */
  declare lastChangeDateTime?: DeserializedType<T, 'Edm.DateTimeOffset'> | null;
  /**
   * One-to-many navigation property to the {@link SalesOrderItem} entity.
   */
  declare item: SalesOrderItem<T>[];

  constructor(_entityApi: SalesOrderApi<T>) {
    super(_entityApi);
  }
}

export interface SalesOrderType<
  T extends DeSerializers = DefaultDeSerializers
> {
  salesOrder: DeserializedType<T, 'Edm.String'>;
  salesOrderType?: DeserializedType<T, 'Edm.String'> | null;
  salesOrganization?: DeserializedType<T, 'Edm.String'> | null;
  soldToParty?: DeserializedType<T, 'Edm.String'> | null;
  purchaseOrderByCustomer?: DeserializedType<T, 'Edm.String'> | null;
  customerName?: DeserializedType<T, 'Edm.String'> | null;
  totalNetAmount?: DeserializedType<T, 'Edm.Decimal'> | null;
  transactionCurrency?: DeserializedType<T, 'Edm.String'> | null;
  overallSdProcessStatus?: DeserializedType<T, 'Edm.String'> | null;
  isReleased?: DeserializedType<T, 'Edm.Boolean'> | null;
  salesOrderDate?: DeserializedType<T, 'Edm.Date'> | null;
  salesOrderUuid?: DeserializedType<T, 'Edm.Guid'> | null;
  lastChangeDateTime?: DeserializedType<T, 'Edm.DateTimeOffset'> | null;
  item: SalesOrderItemType<T>[];
}
