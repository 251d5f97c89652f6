/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  edmToTs,
  entityDeserializer,
  transformReturnValueForEntity,
  transformReturnValueForComplexType,
  transformReturnValueForEdmType,
  DeSerializers,
  DefaultDeSerializers,
  defaultDeSerializers,
  OperationParameter,
  OperationRequestBuilder
} from '@sap-cloud-sdk/odata-v2';
import { businessPartnerV2 } from './service';
import { BusinessPartner } from './BusinessPartner';
import { BusinessPartnerApi } from './BusinessPartnerApi';
import { TaxNumberCheckResult } from './TaxNumberCheckResult';

/**
 * Type of the parameters to be passed to {@link markForArchiving}.
 */
export interface MarkForArchivingParameters<
  DeSerializersT extends DeSerializers
> {
  /**
   * Business Partner.
   */
  businessPartner?: string | null;
}

/**
 * Mark For Archiving.
 * @param parameters - Object containing all parameters for the function.
 * @returns A request builder that allows to overwrite some of the values and execute the resulting request.
 */
export function markForArchiving<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
>(
  parameters: MarkForArchivingParameters<DeSerializersT>,
  deSerializers: DeSerializersT = defaultDeSerializers as DeSerializersT
): OperationRequestBuilder<
  DeSerializersT,
  MarkForArchivingParameters<DeSerializersT>,
  BusinessPartner
> {
  const params = {
    businessPartner: new OperationParameter(
      'BusinessPartner',
      'Edm.String',
      parameters.businessPartner
    )
  };

  return new OperationRequestBuilder(
    'post',
    '/sap/opu/odata/sap/API_BUSINESS_PARTNER',
    'MarkForArchiving',
    data =>
      transformReturnValueForEntity(
        data,
        businessPartnerV2(deSerializers).businessPartnerApi
      ),
    params,
    deSerializers
  );
}

/**
 * Type of the parameters to be passed to {@link checkTaxNumber}.
 */
export interface CheckTaxNumberParameters<
  DeSerializersT extends DeSerializers
> {
  /**
   * Country.
   */
  country?: string | null;
  /**
   * Tax Number.
   */
  taxNumber?: string | null;
}

/**
 * Check Tax Number.
 * @param parameters - Object containing all parameters for the function.
 * @returns A request builder that allows to overwrite some of the values and execute the resulting request.
 */
export function checkTaxNumber<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
>(
  parameters: CheckTaxNumberParameters<DeSerializersT>,
  deSerializers: DeSerializersT = defaultDeSerializers as DeSerializersT
): OperationRequestBuilder<
  DeSerializersT,
  CheckTaxNumberParameters<DeSerializersT>,
  TaxNumberCheckResult
> {
  const params = {
    country: new OperationParameter(
      'Country',
      'Edm.String',
      parameters.country
    ),
    taxNumber: new OperationParameter(
      'TaxNumber',
      'Edm.String',
      parameters.taxNumber
    )
  };

  return new OperationRequestBuilder(
    'get',
    '/sap/opu/odata/sap/API_BUSINESS_PARTNER',
    'CheckTaxNumber',
    data =>
      transformReturnValueForComplexType(data, data =>
        entityDeserializer(
          deSerializers || defaultDeSerializers
        ).deserializeComplexType(data, TaxNumberCheckResult)
      ),
    params,
    deSerializers
  );
}

/**
 * Type of the parameters to be passed to {@link countPartnersInCity}.
 */
export interface CountPartnersInCityParameters<
  DeSerializersT extends DeSerializers
> {
  /**
   * City Name.
   */
  cityName?: string | null;
}

/**
 * Count Partners In City.
 * @param parameters - Object containing all parameters for the function.
 * @returns A request builder that allows to overwrite some of the values and execute the resulting request.
 */
export function countPartnersInCity<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
>(
  parameters: CountPartnersInCityParameters<DeSerializersT>,
  deSerializers: DeSerializersT = defaultDeSerializers as DeSerializersT
): OperationRequestBuilder<
  DeSerializersT,
  CountPartnersInCityParameters<DeSerializersT>,
  number
> {
  const params = {
    cityName: new OperationParameter(
      'CityName',
      'Edm.String',
      parameters.cityName
    )
  };

  return new OperationRequestBuilder(
    'get',
    '/sap/opu/odata/sap/API_BUSINESS_PARTNER',
    'CountPartnersInCity',
    data =>
      transformReturnValueForEdmType(data, val =>
        edmToTs(val.CountPartnersInCity, 'Edm.Int32', deSerializers)
      ),
    params,
    deSerializers
  );
}

export const operations = {
  markForArchiving,
  checkTaxNumber,
  countPartnersInCity
};
