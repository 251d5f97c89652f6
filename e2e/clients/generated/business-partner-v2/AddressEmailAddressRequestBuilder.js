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
var AddressEmailAddressRequestBuilder_exports = {};
__export(AddressEmailAddressRequestBuilder_exports, {
  AddressEmailAddressRequestBuilder: () => AddressEmailAddressRequestBuilder
});
module.exports = __toCommonJS(AddressEmailAddressRequestBuilder_exports);
var import_odata_v2 = require("@sap-cloud-sdk/odata-v2");
var import_AddressEmailAddress = require("./AddressEmailAddress");
class AddressEmailAddressRequestBuilder extends import_odata_v2.RequestBuilder {
  /**
   * Returns a request builder for querying all `AddressEmailAddress` entities.
   * @returns A request builder for creating requests to retrieve all `AddressEmailAddress` entities.
   */
  getAll() {
    return new import_odata_v2.GetAllRequestBuilder(this.entityApi);
  }
  /**
   * Returns a request builder for creating a `AddressEmailAddress` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `AddressEmailAddress`.
   */
  create(entity) {
    return new import_odata_v2.CreateRequestBuilder(
      this.entityApi,
      entity
    );
  }
  /**
   * Returns a request builder for retrieving one `AddressEmailAddress` entity based on its keys.
   * @param addressId Key property. See {@link AddressEmailAddress.addressId}.
   * @param person Key property. See {@link AddressEmailAddress.person}.
   * @param ordinalNumber Key property. See {@link AddressEmailAddress.ordinalNumber}.
   * @returns A request builder for creating requests to retrieve one `AddressEmailAddress` entity based on its keys.
   */
  getByKey(addressId, person, ordinalNumber) {
    return new import_odata_v2.GetByKeyRequestBuilder(
      this.entityApi,
      {
        AddressID: addressId,
        Person: person,
        OrdinalNumber: ordinalNumber
      }
    );
  }
  /**
   * Returns a request builder for updating an entity of type `AddressEmailAddress`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `AddressEmailAddress`.
   */
  update(entity) {
    return new import_odata_v2.UpdateRequestBuilder(
      this.entityApi,
      entity
    );
  }
  delete(addressIdOrEntity, person, ordinalNumber) {
    return new import_odata_v2.DeleteRequestBuilder(
      this.entityApi,
      addressIdOrEntity instanceof import_AddressEmailAddress.AddressEmailAddress ? addressIdOrEntity : {
        AddressID: addressIdOrEntity,
        Person: person,
        OrdinalNumber: ordinalNumber
      }
    );
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  AddressEmailAddressRequestBuilder
});
