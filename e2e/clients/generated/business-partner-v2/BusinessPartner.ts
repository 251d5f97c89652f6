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
} from '@sap-cloud-sdk/odata-v2';
import type { BusinessPartnerApi } from './BusinessPartnerApi';
import {
  BusinessPartnerAddress,
  BusinessPartnerAddressType
} from './BusinessPartnerAddress';
import {
  BusinessPartnerRole,
  BusinessPartnerRoleType
} from './BusinessPartnerRole';

/**
 * This class represents the entity "A_BusinessPartner" of service "API_BUSINESS_PARTNER".
 */
export class BusinessPartner<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements BusinessPartnerType<T>
{
  /**
   * Technical entity name for BusinessPartner.
   */
  static override _entityName = 'A_BusinessPartner';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/sap/opu/odata/sap/API_BUSINESS_PARTNER';
  /**
   * All key fields of the BusinessPartner entity.
   */
  static _keys = ['BusinessPartner'];
  /**
   * Business Partner.
   * Maximum length: 10.
   */
  declare businessPartner: DeserializedType<T, 'Edm.String'>;
  /**
   * BP GUID.
   * @nullable
   */
  declare businessPartnerUuid?: DeserializedType<T, 'Edm.Guid'> | null;
  /**
   * Customer.
   * Maximum length: 10.
   * @nullable
   */
  declare customer?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * BP Category.
   * Maximum length: 1.
   * @nullable
   */
  declare businessPartnerCategory?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Full Name.
   * Maximum length: 81.
   * @nullable
   */
  declare businessPartnerFullName?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * First Name.
   * Maximum length: 40.
   * @nullable
   */
  declare firstName?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Last Name.
   * Maximum length: 40.
   * @nullable
   */
  declare lastName?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Name 1.
   * Maximum length: 40.
   * @nullable
   */
  declare organizationBpName1?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Search Term 1.
   * Maximum length: 20.
   * @nullable
   */
  declare searchTerm1?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Industry.
   * Maximum length: 10.
   * @nullable
   */
  declare industry?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Credit Limit.
   * @nullable
   */
  declare creditLimitAmount?: DeserializedType<T, 'Edm.Decimal'> | null;
  /**
   * Currency.
   * Maximum length: 5.
   * @nullable
   */
  declare currency?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Employees.
   * @nullable
   */
  declare employeeCount?: DeserializedType<T, 'Edm.Int32'> | null;
  /**
   * Rating.
   * @nullable
   */
  declare rating?: DeserializedType<T, 'Edm.Double'> | null;
  /**
   * Archiving Flag.
   * @nullable
   */
  declare isMarkedForArchiving?: DeserializedType<T, 'Edm.Boolean'> | null;
  /**
   * Created On.
   * @nullable
   */
  declare creationDate?: DeserializedType<T, 'Edm.DateTime'> | null;
  /**
   * Last Change.
   * @nullable
   */
  declare lastChangeDateTime?: DeserializedType<T, 'Edm.DateTimeOffset'> | null;
  /**
   * One-to-many navigation property to the {@link BusinessPartnerAddress} entity.
   */
  declare toBusinessPartnerAddress: BusinessPartnerAddress<T>[];
  /**
   * One-to-many navigation property to the {@link BusinessPartnerRole} entity.
   */
  declare toBusinessPartnerRole: BusinessPartnerRole<T>[];

  constructor(_entityApi: BusinessPartnerApi<T>) {
    super(_entityApi);
  }
}

export interface BusinessPartnerType<
  T extends DeSerializers = DefaultDeSerializers
> {
  businessPartner: DeserializedType<T, 'Edm.String'>;
  businessPartnerUuid?: DeserializedType<T, 'Edm.Guid'> | null;
  customer?: DeserializedType<T, 'Edm.String'> | null;
  businessPartnerCategory?: DeserializedType<T, 'Edm.String'> | null;
  businessPartnerFullName?: DeserializedType<T, 'Edm.String'> | null;
  firstName?: DeserializedType<T, 'Edm.String'> | null;
  lastName?: DeserializedType<T, 'Edm.String'> | null;
  organizationBpName1?: DeserializedType<T, 'Edm.String'> | null;
  searchTerm1?: DeserializedType<T, 'Edm.String'> | null;
  industry?: DeserializedType<T, 'Edm.String'> | null;
  creditLimitAmount?: DeserializedType<T, 'Edm.Decimal'> | null;
  currency?: DeserializedType<T, 'Edm.String'> | null;
  employeeCount?: DeserializedType<T, 'Edm.Int32'> | null;
  rating?: DeserializedType<T, 'Edm.Double'> | null;
  isMarkedForArchiving?: DeserializedType<T, 'Edm.Boolean'> | null;
  creationDate?: DeserializedType<T, 'Edm.DateTime'> | null;
  lastChangeDateTime?: DeserializedType<T, 'Edm.DateTimeOffset'> | null;
  toBusinessPartnerAddress: BusinessPartnerAddressType<T>[];
  toBusinessPartnerRole: BusinessPartnerRoleType<T>[];
}
