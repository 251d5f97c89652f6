// The JSON result lines of the client scripts, validated so a spec fails on shape before it asserts.
import { z } from 'zod';

export const observedRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  xZid: z.string().nullable(),
  authorization: z.string().nullable(),
  form: z.record(z.string(), z.string()).nullable(),
  status: z.number().nullable(),
});
export type ObservedRequest = z.infer<typeof observedRequestSchema>;

export const securityContextSchema = z.object({
  grantType: z.string(),
  clientId: z.string().nullable(),
  logonName: z.string().nullable(),
  userName: z.string().nullable(),
  email: z.string().nullable().optional(),
  givenName: z.string().nullable().optional(),
  familyName: z.string().nullable().optional(),
  origin: z.string().nullable().optional(),
  zoneId: z.string().nullable().optional(),
  subaccountId: z.string().nullable().optional(),
  subdomain: z.string().nullable(),
  scopes: z.array(z.string()),
  localScopes: z.object({ Display: z.boolean(), Edit: z.boolean() }),
  attributes: z.record(z.string(), z.array(z.string())).nullable(),
  country: z.array(z.string()).nullable(),
  roleCollections: z.array(z.string()).nullable(),
  audiences: z.array(z.string()).nullable(),
  issuer: z.string().nullable().optional(),
  expiresAt: z.string().nullable(),
  header: z.record(z.string(), z.unknown()),
});
export type SecurityContextReport = z.infer<typeof securityContextSchema>;

export const xssecCaseSchema = z.discriminatedUnion('ok', [
  z.object({ case: z.string(), ok: z.literal(true), context: securityContextSchema }),
  z.object({
    case: z.string(),
    ok: z.literal(false),
    error: z.object({ class: z.string(), message: z.string(), statusCode: z.number().nullable() }),
  }),
]);
export type XssecCase = z.infer<typeof xssecCaseSchema>;

export const xssecResultSchema = z.object({
  script: z.literal('xssec-validate'),
  binding: z.object({
    clientid: z.string(),
    xsappname: z.string(),
    url: z.string(),
    uaadomain: z.string(),
    destinationClientid: z.string(),
  }),
  nodeExtraCaCerts: z.string().nullable(),
  cases: z.array(xssecCaseSchema),
  requests: z.array(observedRequestSchema),
});
export type XssecResult = z.infer<typeof xssecResultSchema>;

export const tokenClaimsSchema = z.object({
  jti: z.string(),
  cid: z.string(),
  client_id: z.string(),
  azp: z.string().optional(),
  aud: z.array(z.string()),
  zid: z.string(),
  grant_type: z.string(),
  scope: z.array(z.string()),
  user_name: z.string().nullable(),
  iss: z.string(),
  ext_attr: z.record(z.string(), z.unknown()),
  lifetime: z.number(),
});

const bindingSummary = z.object({
  name: z.string(),
  clientid: z.string(),
  url: z.string(),
  uaadomain: z.string(),
  tenantid: z.string().optional(),
});

export const cloudSdkResultSchema = z.object({
  script: z.literal('cloud-sdk-tokens'),
  bindings: z.object({ xsuaa: bindingSummary, destination: bindingSummary, connectivity: bindingSummary }),
  cases: z.array(
    z.object({
      case: z.string(),
      claims: tokenClaimsSchema,
      response: z
        .object({ token_type: z.string(), expires_in: z.number(), scope: z.string(), jti: z.string() })
        .optional(),
      requests: z.array(observedRequestSchema),
    }),
  ),
});
export type CloudSdkResult = z.infer<typeof cloudSdkResultSchema>;

/** The single case of a one-case run, or a precise failure. */
export function onlyCase<T extends { case: string }>(cases: T[], name: string): T {
  const found = cases.filter((c) => c.case === name);
  if (found.length !== 1)
    throw new Error(`expected exactly one result for case ${name}, got ${JSON.stringify(cases)}`);
  return found[0]!;
}
