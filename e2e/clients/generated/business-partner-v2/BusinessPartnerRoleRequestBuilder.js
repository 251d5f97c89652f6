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
var BusinessPartnerRoleRequestBuilder_exports = {};
__export(BusinessPartnerRoleRequestBuilder_exports, {
  BusinessPartnerRoleRequestBuilder: () => BusinessPartnerRoleRequestBuilder
});
module.exports = __toCommonJS(BusinessPartnerRoleRequestBuilder_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
var import_BusinessPartnerRole = require("./BusinessPartnerRole");
class BusinessPartnerRoleRequestBuilder extends import_odata_v2.RequestBuilder {
  /**
   * Returns a request builder for querying all `BusinessPartnerRole` entities.
   * @returns A request builder for creating requests to retrieve all `BusinessPartnerRole` entities.
   */
  getAll() {
    return new import_odata_v2.GetAllRequestBuilder(this.entityApi);
  }
  /**
   * Returns a request builder for creating a `BusinessPartnerRole` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `BusinessPartnerRole`.
   */
  create(entity) {
    return new import_odata_v2.CreateRequestBuilder(
      this.entityApi,
      entity
    );
  }
  /**
   * Returns a request builder for retrieving one `BusinessPartnerRole` entity based on its keys.
   * @param businessPartner Key property. See {@link BusinessPartnerRole.businessPartner}.
   * @param businessPartnerRole Key property. See {@link BusinessPartnerRole.businessPartnerRole}.
   * @returns A request builder for creating requests to retrieve one `BusinessPartnerRole` entity based on its keys.
   */
  getByKey(businessPartner, businessPartnerRole) {
    return new import_odata_v2.GetByKeyRequestBuilder(
      this.entityApi,
      {
        BusinessPartner: businessPartner,
        BusinessPartnerRole: businessPartnerRole
      }
    );
  }
  /**
   * Returns a request builder for updating an entity of type `BusinessPartnerRole`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `BusinessPartnerRole`.
   */
  update(entity) {
    return new import_odata_v2.UpdateRequestBuilder(
      this.entityApi,
      entity
    );
  }
  delete(businessPartnerOrEntity, businessPartnerRole) {
    return new import_odata_v2.DeleteRequestBuilder(
      this.entityApi,
      businessPartnerOrEntity instanceof import_BusinessPartnerRole.BusinessPartnerRole ? businessPartnerOrEntity : {
        BusinessPartner: businessPartnerOrEntity,
        BusinessPartnerRole: businessPartnerRole
      }
    );
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BusinessPartnerRoleRequestBuilder
});
