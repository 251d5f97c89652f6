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
} from '@sap-cloud-sdk/odata-v2';
import { transformVariadicArgumentToArray } from '@sap-cloud-sdk/util';
import {
  BusinessPartner,
  BusinessPartnerAddress,
  BusinessPartnerRole,
  AddressEmailAddress,
  MarkForArchivingParameters,
  CheckTaxNumberParameters,
  CountPartnersInCityParameters,
  TaxNumberCheckResult
} from './index';

/**
 * Batch builder for operations supported on the Business Partner V2.
 * @param requests The requests of the batch.
 * @returns A request builder for batch.
 */
export function batch<DeSerializersT extends DeSerializers>(
  ...requests: Array<
    | ReadBusinessPartnerV2RequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT>;
export function batch<DeSerializersT extends DeSerializers>(
  requests: Array<
    | ReadBusinessPartnerV2RequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT>;
export function batch<DeSerializersT extends DeSerializers>(
  first:
    | undefined
    | ReadBusinessPartnerV2RequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
    | Array<
        | ReadBusinessPartnerV2RequestBuilder<DeSerializersT>
        | BatchChangeSet<DeSerializersT>
      >,
  ...rest: Array<
    | ReadBusinessPartnerV2RequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT> {
  return new ODataBatchRequestBuilder(
    defaultBusinessPartnerV2Path,
    transformVariadicArgumentToArray(first, rest)
  );
}

/**
 * Change set constructor consists of write operations supported on the Business Partner V2.
 * @param requests The requests of the change set.
 * @returns A change set for batch.
 */
export function changeset<DeSerializersT extends DeSerializers>(
  ...requests: Array<WriteBusinessPartnerV2RequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT>;
export function changeset<DeSerializersT extends DeSerializers>(
  requests: Array<WriteBusinessPartnerV2RequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT>;
export function changeset<DeSerializersT extends DeSerializers>(
  first:
    | undefined
    | WriteBusinessPartnerV2RequestBuilder<DeSerializersT>
    | Array<WriteBusinessPartnerV2RequestBuilder<DeSerializersT>>,
  ...rest: Array<WriteBusinessPartnerV2RequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT> {
  return new BatchChangeSet(transformVariadicArgumentToArray(first, rest));
}

export const defaultBusinessPartnerV2Path =
  '/sap/opu/odata/sap/API_BUSINESS_PARTNER';
export type ReadBusinessPartnerV2RequestBuilder<
  DeSerializersT extends DeSerializers
> =
  | GetAllRequestBuilder<BusinessPartner<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<BusinessPartnerAddress<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<BusinessPartnerRole<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<AddressEmailAddress<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<BusinessPartner<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<
      BusinessPartnerAddress<DeSerializersT>,
      DeSerializersT
    >
  | GetByKeyRequestBuilder<BusinessPartnerRole<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<AddressEmailAddress<DeSerializersT>, DeSerializersT>
  | OperationRequestBuilder<
      DeSerializersT,
      CheckTaxNumberParameters<DeSerializersT>,
      TaxNumberCheckResult
    >
  | OperationRequestBuilder<
      DeSerializersT,
      CountPartnersInCityParameters<DeSerializersT>,
      number
    >;
export type WriteBusinessPartnerV2RequestBuilder<
  DeSerializersT extends DeSerializers
> =
  | CreateRequestBuilder<BusinessPartner<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<BusinessPartner<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<BusinessPartner<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<BusinessPartnerAddress<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<BusinessPartnerAddress<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<BusinessPartnerAddress<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<BusinessPartnerRole<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<BusinessPartnerRole<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<BusinessPartnerRole<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<AddressEmailAddress<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<AddressEmailAddress<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<AddressEmailAddress<DeSerializersT>, DeSerializersT>
  | OperationRequestBuilder<
      DeSerializersT,
      MarkForArchivingParameters<DeSerializersT>,
      BusinessPartner
    >;
