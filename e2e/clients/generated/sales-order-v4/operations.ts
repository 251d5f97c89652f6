/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  entityDeserializer,
  transformReturnValueForComplexType,
  transformReturnValueForEntity,
  DeSerializers,
  DefaultDeSerializers,
  defaultDeSerializers,
  OperationParameter,
  OperationRequestBuilder
} from '@sap-cloud-sdk/odata-v4';
import { salesOrderV4 } from './service';
import { OrderSummary } from './OrderSummary';
import { SalesOrder } from './SalesOrder';
import { SalesOrderApi } from './SalesOrderApi';

/**
 * Type of the parameters to be passed to {@link summary}.
 */
export interface SummaryParameters<DeSerializersT extends DeSerializers> {
  /**
   * Sold To Party.
   */
  soldToParty?: string | null;
}

/**
 * Summary.
 * @param parameters - Object containing all parameters for the function.
 * @returns A request builder that allows to overwrite some of the values and execute the resulting request.
 */
export function summary<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
>(
  parameters: SummaryParameters<DeSerializersT>,
  deSerializers: DeSerializersT = defaultDeSerializers as DeSerializersT
): OperationRequestBuilder<
  DeSerializersT,
  SummaryParameters<DeSerializersT>,
  OrderSummary | null
> {
  const params = {
    soldToParty: new OperationParameter(
      'SoldToParty',
      'Edm.String',
      parameters.soldToParty
    )
  };

  return new OperationRequestBuilder(
    '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001',
    'summary',
    data =>
      transformReturnValueForComplexType(data, data =>
        entityDeserializer(
          deSerializers || defaultDeSerializers
        ).deserializeComplexType(data, OrderSummary)
      ),
    params,
    deSerializers,
    'function'
  );
}

/**
 * Type of the parameters to be passed to {@link createFromQuote}.
 */
export interface CreateFromQuoteParameters<
  DeSerializersT extends DeSerializers
> {
  /**
   * Quote.
   */
  quote?: string | null;
  /**
   * Sold To Party.
   */
  soldToParty?: string | null;
}

/**
 * Create From Quote.
 * @param parameters - Object containing all parameters for the action.
 * @returns A request builder that allows to overwrite some of the values and execute the resulting request.
 */
export function createFromQuote<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
>(
  parameters: CreateFromQuoteParameters<DeSerializersT>,
  deSerializers: DeSerializersT = defaultDeSerializers as DeSerializersT
): OperationRequestBuilder<
  DeSerializersT,
  CreateFromQuoteParameters<DeSerializersT>,
  SalesOrder | null
> {
  const params = {
    quote: new OperationParameter('Quote', 'Edm.String', parameters.quote),
    soldToParty: new OperationParameter(
      'SoldToParty',
      'Edm.String',
      parameters.soldToParty
    )
  };

  return new OperationRequestBuilder(
    '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001',
    'createFromQuote',
    data =>
      transformReturnValueForEntity(
        data,
        salesOrderV4(deSerializers).salesOrderApi
      ),
    params,
    deSerializers,
    'action'
  );
}

export const operations = {
  summary,
  createFromQuote
};
