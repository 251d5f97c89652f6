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
var BusinessPartnerRequestBuilder_exports = {};
__export(BusinessPartnerRequestBuilder_exports, {
  BusinessPartnerRequestBuilder: () => BusinessPartnerRequestBuilder
});
module.exports = __toCommonJS(BusinessPartnerRequestBuilder_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
var import_BusinessPartner = require("./BusinessPartner");
class BusinessPartnerRequestBuilder extends import_odata_v2.RequestBuilder {
  /**
   * Returns a request builder for querying all `BusinessPartner` entities.
   * @returns A request builder for creating requests to retrieve all `BusinessPartner` entities.
   */
  getAll() {
    return new import_odata_v2.GetAllRequestBuilder(this.entityApi);
  }
  /**
   * Returns a request builder for creating a `BusinessPartner` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `BusinessPartner`.
   */
  create(entity) {
    return new import_odata_v2.CreateRequestBuilder(
      this.entityApi,
      entity
    );
  }
  /**
   * Returns a request builder for retrieving one `BusinessPartner` entity based on its keys.
   * @param businessPartner Key property. See {@link BusinessPartner.businessPartner}.
   * @returns A request builder for creating requests to retrieve one `BusinessPartner` entity based on its keys.
   */
  getByKey(businessPartner) {
    return new import_odata_v2.GetByKeyRequestBuilder(this.entityApi, {
      BusinessPartner: businessPartner
    });
  }
  /**
   * Returns a request builder for updating an entity of type `BusinessPartner`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `BusinessPartner`.
   */
  update(entity) {
    return new import_odata_v2.UpdateRequestBuilder(
      this.entityApi,
      entity
    );
  }
  delete(businessPartnerOrEntity) {
    return new import_odata_v2.DeleteRequestBuilder(
      this.entityApi,
      businessPartnerOrEntity instanceof import_BusinessPartner.BusinessPartner ? businessPartnerOrEntity : { BusinessPartner: businessPartnerOrEntity }
    );
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BusinessPartnerRequestBuilder
});
