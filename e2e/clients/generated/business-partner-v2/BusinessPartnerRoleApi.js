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
var BusinessPartnerRoleApi_exports = {};
__export(BusinessPartnerRoleApi_exports, {
  BusinessPartnerRoleApi: () => BusinessPartnerRoleApi
});
module.exports = __toCommonJS(BusinessPartnerRoleApi_exports);
var import_BusinessPartnerRole = require("./BusinessPartnerRole");
var import_BusinessPartnerRoleRequestBuilder = require("./BusinessPartnerRoleRequestBuilder");
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
class BusinessPartnerRoleApi {
  deSerializers;
  constructor(deSerializers = import_odata_v2.defaultDeSerializers) {
    this.deSerializers = deSerializers;
  }
  /**
   * Do not use this method or the constructor directly.
   * Use the service function as described in the documentation to get an API instance.
   */
  static _privateFactory(deSerializers = import_odata_v2.defaultDeSerializers) {
    return new BusinessPartnerRoleApi(deSerializers);
  }
  navigationPropertyFields;
  _addNavigationProperties(linkedApis) {
    this.navigationPropertyFields = {};
    return this;
  }
  entityConstructor = import_BusinessPartnerRole.BusinessPartnerRole;
  requestBuilder() {
    return new import_BusinessPartnerRoleRequestBuilder.BusinessPartnerRoleRequestBuilder(this);
  }
  entityBuilder() {
    return (0, import_odata_v2.entityBuilder)(
      this
    );
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
        import_BusinessPartnerRole.BusinessPartnerRole,
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
         * Static representation of the {@link businessPartnerRole} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        BUSINESS_PARTNER_ROLE: fieldBuilder.buildEdmTypeField(
          "BusinessPartnerRole",
          "Edm.String",
          false
        ),
        /**
         * Static representation of the {@link validFrom} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        VALID_FROM: fieldBuilder.buildEdmTypeField(
          "ValidFrom",
          "Edm.DateTimeOffset",
          true
        ),
        /**
         * Static representation of the {@link validTo} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        VALID_TO: fieldBuilder.buildEdmTypeField(
          "ValidTo",
          "Edm.DateTimeOffset",
          true
        ),
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new import_odata_v2.AllFields("*", import_BusinessPartnerRole.BusinessPartnerRole)
      };
    }
    return this._schema;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BusinessPartnerRoleApi
});
