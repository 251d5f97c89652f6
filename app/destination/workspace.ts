// The destinations part of the workspace, with BTP's property names (sap-contract §3). Every value is a
// string, as BTP stores it; rules.ts says which properties each type and authentication needs.
import { z } from 'zod';
import { name } from '../workspace/primitives.js';
import { DESTINATION_TYPES, PROXY_TYPES, destinationProblems } from './rules.js';

const propertyValue = z.string({ error: 'must be a string (BTP stores every property as text)' });

const destinationBase = z
  .object({
    Name: name,
    Type: z.enum(DESTINATION_TYPES),
    URL: propertyValue.optional(),
    Authentication: propertyValue.optional(),
    ProxyType: z.enum(PROXY_TYPES).optional(),
    CloudConnectorLocationId: z.string().max(64).optional(),
    Description: propertyValue.optional(),
  })
  .catchall(propertyValue);

export const destinationSchema = destinationBase
  .superRefine((d, ctx) => {
    for (const p of destinationProblems(d))
      ctx.addIssue({ code: 'custom', path: [p.property], message: p.message });
  })
  .describe(
    'A destination with BTP property names; further string properties (sap-client, URL.headers.*, HTML5.*, …) are kept.',
  );

export const CERTIFICATE_FORMATS = ['pem', 'p12', 'pfx', 'jks', 'keystore', 'crt', 'cer', 'der'] as const;

export const certificateSchema = z
  .object({
    Name: z
      .string()
      .max(200)
      .regex(
        new RegExp(`^[A-Za-z0-9_.-]+\\.(${CERTIFICATE_FORMATS.join('|')})$`, 'i'),
        `a file name ending in .${CERTIFICATE_FORMATS.join(', .')}`,
      ),
    Type: z.string().default('CERTIFICATE'),
    Content: z
      .string()
      .min(1)
      .regex(/^[A-Za-z0-9+/\s]+={0,2}\s*$/, 'must be the file content in base64'),
  })
  .describe('A certificate or key store of the destination service (KeyStoreLocation names it).');

type DestinationsShape = {
  subaccount: z.output<typeof destinationSchema>[];
  instance: z.output<typeof destinationSchema>[];
  certificates: { subaccount: { Name: string }[]; instance: { Name: string }[] };
};

/** KeyStoreLocation must name a certificate of the same level, or of the subaccount (BTP's lookup order). */
function checkKeyStores(ws: DestinationsShape, ctx: z.RefinementCtx): void {
  const subaccount = new Set(ws.certificates.subaccount.map((c) => c.Name));
  const instance = new Set([...subaccount, ...ws.certificates.instance.map((c) => c.Name)]);
  for (const level of ['subaccount', 'instance'] as const) {
    const known = level === 'instance' ? instance : subaccount;
    ws[level].forEach((d, index) => {
      const store = d.KeyStoreLocation;
      if (store !== undefined && store !== '' && !known.has(store))
        ctx.addIssue({
          code: 'custom',
          path: [level, index, 'KeyStoreLocation'],
          message: `no certificate "${store}" at the ${level} level${level === 'instance' ? ' or the subaccount' : ''}`,
        });
    });
  }
}

export const destinationsSchema = z
  .object({
    subaccount: z.array(destinationSchema).default([]),
    instance: z.array(destinationSchema).default([]),
    certificates: z
      .object({
        subaccount: z.array(certificateSchema).default([]),
        instance: z.array(certificateSchema).default([]),
      })
      .prefault({}),
  })
  .superRefine(checkKeyStores);
