/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { BusinessPartnerApi } from './BusinessPartnerApi';
import { BusinessPartnerAddressApi } from './BusinessPartnerAddressApi';
import { BusinessPartnerRoleApi } from './BusinessPartnerRoleApi';
import { AddressEmailAddressApi } from './AddressEmailAddressApi';
import {
  markForArchiving,
  checkTaxNumber,
  countPartnersInCity,
  MarkForArchivingParameters,
  CheckTaxNumberParameters,
  CountPartnersInCityParameters
} from './operations';
import { BigNumber } from 'bignumber.js';
import { Moment } from 'moment';
import {
  defaultDeSerializers,
  DeSerializers,
  DefaultDeSerializers,
  mergeDefaultDeSerializersWith,
  Time
} from '@sap-cloud-sdk/odata-v2';
import { batch, changeset } from './BatchRequest';

export function businessPartnerV2<
  BinaryT = string,
  BooleanT = boolean,
  ByteT = number,
  DecimalT = BigNumber,
  DoubleT = number,
  FloatT = number,
  Int16T = number,
  Int32T = number,
  Int64T = BigNumber,
  GuidT = string,
  SByteT = number,
  SingleT = number,
  StringT = string,
  AnyT = any,
  DateTimeOffsetT = Moment,
  DateTimeT = Moment,
  TimeT = Time
>(
  deSerializers: Partial<
    DeSerializers<
      BinaryT,
      BooleanT,
      ByteT,
      DecimalT,
      DoubleT,
      FloatT,
      Int16T,
      Int32T,
      Int64T,
      GuidT,
      SByteT,
      SingleT,
      StringT,
      AnyT,
      DateTimeOffsetT,
      DateTimeT,
      TimeT
    >
  > = defaultDeSerializers as any
): BusinessPartnerV2<
  DeSerializers<
    BinaryT,
    BooleanT,
    ByteT,
    DecimalT,
    DoubleT,
    FloatT,
    Int16T,
    Int32T,
    Int64T,
    GuidT,
    SByteT,
    SingleT,
    StringT,
    AnyT,
    DateTimeOffsetT,
    DateTimeT,
    TimeT
  >
> {
  return new BusinessPartnerV2(mergeDefaultDeSerializersWith(deSerializers));
}
class BusinessPartnerV2<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> {
  private apis: Record<string, any> = {};
  private deSerializers: DeSerializersT;

  constructor(deSerializers: DeSerializersT) {
    this.deSerializers = deSerializers;
  }

  private initApi(key: string, entityApi: any): any {
    if (!this.apis[key]) {
      this.apis[key] = entityApi._privateFactory(this.deSerializers);
    }
    return this.apis[key];
  }

  get businessPartnerApi(): BusinessPartnerApi<DeSerializersT> {
    const api = this.initApi('businessPartnerApi', BusinessPartnerApi);
    const linkedApis = [
      this.initApi('businessPartnerAddressApi', BusinessPartnerAddressApi),
      this.initApi('businessPartnerRoleApi', BusinessPartnerRoleApi)
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get businessPartnerAddressApi(): BusinessPartnerAddressApi<DeSerializersT> {
    const api = this.initApi(
      'businessPartnerAddressApi',
      BusinessPartnerAddressApi
    );
    const linkedApis = [
      this.initApi('businessPartnerApi', BusinessPartnerApi),
      this.initApi('addressEmailAddressApi', AddressEmailAddressApi)
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get businessPartnerRoleApi(): BusinessPartnerRoleApi<DeSerializersT> {
    return this.initApi('businessPartnerRoleApi', BusinessPartnerRoleApi);
  }

  get addressEmailAddressApi(): AddressEmailAddressApi<DeSerializersT> {
    return this.initApi('addressEmailAddressApi', AddressEmailAddressApi);
  }

  get operations() {
    return {
      markForArchiving: (
        parameter: MarkForArchivingParameters<DeSerializersT>
      ) => markForArchiving(parameter, this.deSerializers),
      checkTaxNumber: (parameter: CheckTaxNumberParameters<DeSerializersT>) =>
        checkTaxNumber(parameter, this.deSerializers),
      countPartnersInCity: (
        parameter: CountPartnersInCityParameters<DeSerializersT>
      ) => countPartnersInCity(parameter, this.deSerializers)
    };
  }

  get batch(): typeof batch {
    return batch;
  }

  get changeset(): typeof changeset {
    return changeset;
  }
}
