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
var BusinessPartnerApi_exports = {};
__export(BusinessPartnerApi_exports, {
  BusinessPartnerApi: () => BusinessPartnerApi
});
module.exports = __toCommonJS(BusinessPartnerApi_exports);
var import_BusinessPartner = require("./BusinessPartner");
var import_BusinessPartnerRequestBuilder = require("./BusinessPartnerRequestBuilder");
var import_BusinessPartnerAddressApi = require("./BusinessPartnerAddressApi");
var import_BusinessPartnerRoleApi = require("./BusinessPartnerRoleApi");
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
class BusinessPartnerApi {
  deSerializers;
  constructor(deSerializers = import_odata_v2.defaultDeSerializers) {
    this.deSerializers = deSerializers;
  }
  /**
   * Do not use this method or the constructor directly.
   * Use the service function as described in the documentation to get an API instance.
   */
  static _privateFactory(deSerializers = import_odata_v2.defaultDeSerializers) {
    return new BusinessPartnerApi(deSerializers);
  }
  navigationPropertyFields;
  _addNavigationProperties(linkedApis) {
    this.navigationPropertyFields = {
      TO_BUSINESS_PARTNER_ADDRESS: new import_odata_v2.Link(
        "to_BusinessPartnerAddress",
        this,
        linkedApis[0]
      ),
      TO_BUSINESS_PARTNER_ROLE: new import_odata_v2.Link(
        "to_BusinessPartnerRole",
        this,
        linkedApis[1]
      )
    };
    return this;
  }
  entityConstructor = import_BusinessPartner.BusinessPartner;
  requestBuilder() {
    return new import_BusinessPartnerRequestBuilder.BusinessPartnerRequestBuilder(this);
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
        import_BusinessPartner.BusinessPartner,
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
         * Static representation of the {@link businessPartnerUuid} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        BUSINESS_PARTNER_UUID: fieldBuilder.buildEdmTypeField(
          "BusinessPartnerUUID",
          "Edm.Guid",
          true
        ),
        /**
         * Static representation of the {@link customer} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        CUSTOMER: fieldBuilder.buildEdmTypeField(
          "Customer",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link businessPartnerCategory} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        BUSINESS_PARTNER_CATEGORY: fieldBuilder.buildEdmTypeField(
          "BusinessPartnerCategory",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link businessPartnerFullName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        BUSINESS_PARTNER_FULL_NAME: fieldBuilder.buildEdmTypeField(
          "BusinessPartnerFullName",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link firstName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        FIRST_NAME: fieldBuilder.buildEdmTypeField(
          "FirstName",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link lastName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        LAST_NAME: fieldBuilder.buildEdmTypeField(
          "LastName",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link organizationBpName1} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ORGANIZATION_BP_NAME_1: fieldBuilder.buildEdmTypeField(
          "OrganizationBPName1",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link searchTerm1} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SEARCH_TERM_1: fieldBuilder.buildEdmTypeField(
          "SearchTerm1",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link industry} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        INDUSTRY: fieldBuilder.buildEdmTypeField(
          "Industry",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link creditLimitAmount} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        CREDIT_LIMIT_AMOUNT: fieldBuilder.buildEdmTypeField(
          "CreditLimitAmount",
          "Edm.Decimal",
          true
        ),
        /**
         * Static representation of the {@link currency} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        CURRENCY: fieldBuilder.buildEdmTypeField(
          "Currency",
          "Edm.String",
          true
        ),
        /**
         * Static representation of the {@link employeeCount} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        EMPLOYEE_COUNT: fieldBuilder.buildEdmTypeField(
          "EmployeeCount",
          "Edm.Int32",
          true
        ),
        /**
         * Static representation of the {@link rating} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        RATING: fieldBuilder.buildEdmTypeField("Rating", "Edm.Double", true),
        /**
         * Static representation of the {@link isMarkedForArchiving} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        IS_MARKED_FOR_ARCHIVING: fieldBuilder.buildEdmTypeField(
          "IsMarkedForArchiving",
          "Edm.Boolean",
          true
        ),
        /**
         * Static representation of the {@link creationDate} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        CREATION_DATE: fieldBuilder.buildEdmTypeField(
          "CreationDate",
          "Edm.DateTime",
          true
        ),
        /**
         * Static representation of the {@link lastChangeDateTime} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        LAST_CHANGE_DATE_TIME: fieldBuilder.buildEdmTypeField(
          "LastChangeDateTime",
          "Edm.DateTimeOffset",
          true
        ),
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new import_odata_v2.AllFields("*", import_BusinessPartner.BusinessPartner)
      };
    }
    return this._schema;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BusinessPartnerApi
});
