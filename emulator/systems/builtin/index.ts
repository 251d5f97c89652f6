// `builtin:<name>` metadata references of the workspace.
import { API_BUSINESS_PARTNER_EDMX } from './api-business-partner.js';
import { SALES_ORDER_V4_EDMX } from './sales-order-v4.js';

export const BUILTIN_METADATA: Readonly<Record<string, string>> = {
  API_BUSINESS_PARTNER: API_BUSINESS_PARTNER_EDMX,
  SalesOrderV4: SALES_ORDER_V4_EDMX,
};
