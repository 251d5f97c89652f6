/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  CreateRequestBuilder,
  DeleteRequestBuilder,
  DeSerializers,
  GetAllRequestBuilder,
  GetByKeyRequestBuilder,
  ODataBatchRequestBuilder,
  UpdateRequestBuilder,
  OperationRequestBuilder,
  BatchChangeSet
} from '@sap-cloud-sdk/odata-v4';
import { transformVariadicArgumentToArray } from '@sap-cloud-sdk/util';
import {
  SalesOrder,
  SalesOrderItem,
  SummaryParameters,
  CreateFromQuoteParameters,
  OrderSummary
} from './index';

/**
 * Batch builder for operations supported on the Sales Order V4.
 * @param requests The requests of the batch.
 * @returns A request builder for batch.
 */
export function batch<DeSerializersT extends DeSerializers>(
  ...requests: Array<
    | ReadSalesOrderV4RequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT>;
export function batch<DeSerializersT extends DeSerializers>(
  requests: Array<
    | ReadSalesOrderV4RequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT>;
export function batch<DeSerializersT extends DeSerializers>(
  first:
    | undefined
    | ReadSalesOrderV4RequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
    | Array<
        | ReadSalesOrderV4RequestBuilder<DeSerializersT>
        | BatchChangeSet<DeSerializersT>
      >,
  ...rest: Array<
    | ReadSalesOrderV4RequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT> {
  return new ODataBatchRequestBuilder(
    defaultSalesOrderV4Path,
    transformVariadicArgumentToArray(first, rest)
  );
}

/**
 * Change set constructor consists of write operations supported on the Sales Order V4.
 * @param requests The requests of the change set.
 * @returns A change set for batch.
 */
export function changeset<DeSerializersT extends DeSerializers>(
  ...requests: Array<WriteSalesOrderV4RequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT>;
export function changeset<DeSerializersT extends DeSerializers>(
  requests: Array<WriteSalesOrderV4RequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT>;
export function changeset<DeSerializersT extends DeSerializers>(
  first:
    | undefined
    | WriteSalesOrderV4RequestBuilder<DeSerializersT>
    | Array<WriteSalesOrderV4RequestBuilder<DeSerializersT>>,
  ...rest: Array<WriteSalesOrderV4RequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT> {
  return new BatchChangeSet(transformVariadicArgumentToArray(first, rest));
}

export const defaultSalesOrderV4Path =
  '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001';
export type ReadSalesOrderV4RequestBuilder<
  DeSerializersT extends DeSerializers
> =
  | GetAllRequestBuilder<SalesOrder<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<SalesOrderItem<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<SalesOrder<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<SalesOrderItem<DeSerializersT>, DeSerializersT>
  | OperationRequestBuilder<
      DeSerializersT,
      SummaryParameters<DeSerializersT>,
      OrderSummary | null
    >;
export type WriteSalesOrderV4RequestBuilder<
  DeSerializersT extends DeSerializers
> =
  | CreateRequestBuilder<SalesOrder<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<SalesOrder<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<SalesOrder<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<SalesOrderItem<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<SalesOrderItem<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<SalesOrderItem<DeSerializersT>, DeSerializersT>
  | OperationRequestBuilder<
      DeSerializersT,
      CreateFromQuoteParameters<DeSerializersT>,
      SalesOrder | null
    >;
