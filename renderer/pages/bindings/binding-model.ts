// VCAP_SERVICES as the Bindings page shows it: bindings grouped by service label, and which
// credentials are secret (masked until revealed) or too long to show inline.
import { z } from 'zod';
import type { BindingFormat } from '../../../app/admin-api.js';

/** One entry of VCAP_SERVICES[label]; extra fields (instance_name, provider…) are kept for copying. */
const serviceBindingSchema = z.looseObject({
  name: z.string(),
  label: z.string().optional(),
  plan: z.string().optional(),
  tags: z.array(z.string()).default([]),
  credentials: z.record(z.string(), z.unknown()).default({}),
});

export interface ServiceBinding {
  label: string;
  name: string;
  plan: string;
  tags: string[];
  credentials: Record<string, unknown>;
  /** The entry exactly as VCAP_SERVICES has it, for "copy binding". */
  raw: Record<string, unknown>;
}

export interface BindingGroup {
  label: string;
  bindings: ServiceBinding[];
}

/** Groups in VCAP_SERVICES order; an entry that is not a binding is skipped rather than shown half-broken. */
export function groupBindings(vcapServices: Record<string, unknown>): BindingGroup[] {
  return Object.entries(vcapServices).flatMap(([label, entries]) => {
    if (!Array.isArray(entries)) return [];
    const bindings = entries.flatMap((entry: unknown): ServiceBinding[] => {
      const parsed = serviceBindingSchema.safeParse(entry);
      if (!parsed.success) return [];
      const { name, plan, tags, credentials } = parsed.data;
      return [
        {
          label: parsed.data.label ?? label,
          name,
          plan: plan ?? '',
          tags,
          credentials,
          raw: entry as Record<string, unknown>,
        },
      ];
    });
    return bindings.length > 0 ? [{ label, bindings }] : [];
  });
}

const SECRET_KEY = /secret|password|passwd|private[-_]?key|api[-_]?key/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A credential is masked when its key is secret-like, or when it is an object holding such a key. */
export function isSecretCredential(key: string, value: unknown): boolean {
  return isSecretKey(key) || containsSecretKey(value);
}

function containsSecretKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsSecretKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, nested]) => isSecretKey(key) || containsSecretKey(nested));
}

/** The text a credential is shown and copied as: strings as they are, everything else as JSON. */
export function credentialText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** PEM keys, certificates and nested JSON are collapsed behind a summary. */
export function isLongCredential(value: unknown): boolean {
  const text = credentialText(value);
  return text.includes('\n') || text.length > 120;
}

export interface ExportFormat {
  format: BindingFormat;
  /** The download's file name. */
  fileName: string;
  mimeType: string;
  /** Who reads it and how. */
  usage: string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    format: 'default-env',
    fileName: 'default-env.json',
    mimeType: 'application/json',
    usage:
      'VCAP_SERVICES, VCAP_APPLICATION and the destinations the approuter can take from it (those needing credentials, a location or sap-client it gets from the Destination service); the approuter and @sap/xsenv read it from the app folder.',
  },
  {
    format: 'dotenv',
    fileName: '.env',
    mimeType: 'text/plain',
    usage: 'For dotenv and tools that load .env files; includes NODE_EXTRA_CA_CERTS.',
  },
  {
    format: 'shell',
    fileName: 'vcap.sh',
    mimeType: 'text/plain',
    usage: 'Export the variables into a shell with "source vcap.sh".',
  },
  {
    format: 'json',
    fileName: 'vcap-services.json',
    mimeType: 'application/json',
    usage: 'VCAP_SERVICES alone, pretty-printed.',
  },
];

/** POSIX single quotes where a path needs them, so a copied command works as pasted. */
export function shellArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
