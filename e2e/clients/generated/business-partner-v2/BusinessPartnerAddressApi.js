"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var BusinessPartnerAddressApi_exports = {};
__export(BusinessPartnerAddressApi_exports, {
  BusinessPartnerAddressApi: () => BusinessPartnerAddressApi
});
module.exports = __toCommonJS(BusinessPartnerAddressApi_exports);
var import_BusinessPartnerAddress = require("./BusinessPartnerAddress");
var import_BusinessPartnerAddressRequestBuilder = require("./BusinessPartnerAddressRequestBuilder");
var import_BusinessPartnerApi = require("./BusinessPartnerApi");
var import_AddressEmailAddressApi = require("./AddressEmailAddressApi");
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
class BusinessPartnerAddressApi {
  deSerializers;
  constructor(deSerializers = import_odata_v2.defaultDeSerializers) {
    this.deSerializers = deSerializers;
  }
  /**
   * Do not use this method or the constructor directly.
   * Use the service function as described in the documentation to get an API instance.
   */
  static _privateFactory(deSerializers = import_odata_v2.defaultDeSerializers) {
    return new BusinessPartnerAddressApi(deSerializers);
  }
  navigationPropertyFields;
  _addNavigationProperties(linkedApis) {
    this.navigationPropertyFields = {
      TO_BUSINESS_PARTNER: new import_odata_v2.OneToOneLink(
        "to_BusinessPartner",
        this,
        linkedApis[0]
      ),
      TO_EMAIL_ADDRESS: new import_odata_v2.Link("to_EmailAddress", this, linkedApis[1])
    };
    return this;
  }
  entityConstructor = import_BusinessPartnerAddress.BusinessPartnerAddress;
  requestBuilder() {
    return new import_BusinessPartnerAddressRequestBuilder.BusinessPartnerAddressRequestBuilder(this);
  }
  entityBuilder() {
    return (0, import_odata_v2.entityBuilder)(this);
  }
  customField(fieldName, isNullable = false) {
    return new import_odata_v2.CustomField(
      fieldName,
      this.entityConstructor,
      this.deSerializers,
      isNullable
    );
  }
  _fieldBuilder;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new import_odata_v2.FieldBuilder(
        import_BusinessPartnerAddress.BusinessPartnerAddress,
        this.deSerializers
      );
    }
    return this._fieldBuilder;
  }
  _schema;
  get schema() {
    if (!this._schema) {
      const fieldBuilder = this.fieldBuilder;
      this._schema = {
        /**
         * Static representation of the {@link businessPartner} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        BUSINESS_PARTNER: fieldBuilder.buildEdmTypeField(
          "BusinessPartner",
          "Edm.String",
          false
        ),
        /**
         * Static representation of the {@link addressId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ADDRESS_ID: fieldBuilder.buildEdmTypeField(
          "AddressID",
          "Edm.String",
          false
        ),
        /**
         * Static representation of the {@link streetName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        STREET_NAME: fieldBuilder.buildEdmTypeField(
          "StreetName",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link houseNumber} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        HOUSE_NUMBER: fieldBuilder.buildEdmTypeField(
          "HouseNumber",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link postalCode} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        POSTAL_CODE: fieldBuilder.buildEdmTypeField(
          "PostalCode",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link cityName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        CITY_NAME: fieldBuilder.buildEdmTypeField(
          "CityName",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link country} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        COUNTRY: fieldBuilder.buildEdmTypeField("Country", "Edm.String", true),
        /**
         * Static representation of the {@link region} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        REGION: fieldBuilder.buildEdmTypeField("Region", "Edm.String", true),
        /**
         * Static representation of the {@link validityStartDate} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        VALIDITY_START_DATE: fieldBuilder.buildEdmTypeField(
          "ValidityStartDate",
          "Edm.DateTimeOffset",
          true
        ),
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new import_odata_v2.AllFields("*", import_BusinessPartnerAddress.BusinessPartnerAddress)
      };
    }
    return this._schema;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BusinessPartnerAddressApi
});
