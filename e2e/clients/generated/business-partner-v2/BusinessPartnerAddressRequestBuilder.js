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
var BusinessPartnerAddressRequestBuilder_exports = {};
__export(BusinessPartnerAddressRequestBuilder_exports, {
  BusinessPartnerAddressRequestBuilder: () => BusinessPartnerAddressRequestBuilder
});
module.exports = __toCommonJS(BusinessPartnerAddressRequestBuilder_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
var import_BusinessPartnerAddress = require("./BusinessPartnerAddress");
class BusinessPartnerAddressRequestBuilder extends import_odata_v2.RequestBuilder {
  /**
   * Returns a request builder for querying all `BusinessPartnerAddress` entities.
   * @returns A request builder for creating requests to retrieve all `BusinessPartnerAddress` entities.
   */
  getAll() {
    return new import_odata_v2.GetAllRequestBuilder(
      this.entityApi
    );
  }
  /**
   * Returns a request builder for creating a `BusinessPartnerAddress` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `BusinessPartnerAddress`.
   */
  create(entity) {
    return new import_odata_v2.CreateRequestBuilder(
      this.entityApi,
      entity
    );
  }
  /**
   * Returns a request builder for retrieving one `BusinessPartnerAddress` entity based on its keys.
   * @param businessPartner Key property. See {@link BusinessPartnerAddress.businessPartner}.
   * @param addressId Key property. See {@link BusinessPartnerAddress.addressId}.
   * @returns A request builder for creating requests to retrieve one `BusinessPartnerAddress` entity based on its keys.
   */
  getByKey(businessPartner, addressId) {
    return new import_odata_v2.GetByKeyRequestBuilder(
      this.entityApi,
      {
        BusinessPartner: businessPartner,
        AddressID: addressId
      }
    );
  }
  /**
   * Returns a request builder for updating an entity of type `BusinessPartnerAddress`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `BusinessPartnerAddress`.
   */
  update(entity) {
    return new import_odata_v2.UpdateRequestBuilder(
      this.entityApi,
      entity
    );
  }
  delete(businessPartnerOrEntity, addressId) {
    return new import_odata_v2.DeleteRequestBuilder(
      this.entityApi,
      businessPartnerOrEntity instanceof import_BusinessPartnerAddress.BusinessPartnerAddress ? businessPartnerOrEntity : {
        BusinessPartner: businessPartnerOrEntity,
        AddressID: addressId
      }
    );
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BusinessPartnerAddressRequestBuilder
});
