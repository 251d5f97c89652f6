/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
export * from './BusinessPartner';
export * from './BusinessPartnerAddress';
export * from './BusinessPartnerRole';
export * from './AddressEmailAddress';
export * from './BusinessPartnerRequestBuilder';
export * from './BusinessPartnerAddressRequestBuilder';
export * from './BusinessPartnerRoleRequestBuilder';
export * from './AddressEmailAddressRequestBuilder';
export * from './TaxNumberCheckResult';
export * from './operations';
export * from './BatchRequest';
export * from './service';
