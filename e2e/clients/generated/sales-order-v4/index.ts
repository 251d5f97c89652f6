/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
export * from './SalesOrder';
export * from './SalesOrderItem';
export * from './SalesOrderRequestBuilder';
export * from './SalesOrderItemRequestBuilder';
export * from './OrderSummary';
export * from './operations';
export * from './BatchRequest';
export * from './service';
