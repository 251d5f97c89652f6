// The destinations part of the workspace, with BTP's property names (sap-contract §3).
import { z } from 'zod';
import { name } from '../workspace/primitives.js';

const destinationBase = z.looseObject({
  Name: name,
  Type: z.enum(['HTTP', 'MAIL', 'TCP', 'RFC', 'LDAP']),
  URL: z.string().optional(),
  Authentication: z.string().optional(),
  ProxyType: z.enum(['Internet', 'OnPremise', 'PrivateLink']).optional(),
  CloudConnectorLocationId: z.string().optional(),
  Description: z.string().optional(),
});
export const destinationSchema = destinationBase.describe(
  'A destination with BTP property names; further string properties (sap-client, URL.headers.*, …) are kept.',
);

export const destinationsSchema = z.object({
  subaccount: z.array(destinationSchema).default([]),
  instance: z.array(destinationSchema).default([]),
});
