// One error type for everything that can go wrong talking to the admin API, so the UI can decide
// from `kind` and `status` alone: unreachable engine, a rejected request, or a response we don't understand.
import { z } from 'zod';
import { ERROR_CATALOG, type ErrorCode, type ErrorIssue } from '../../app/errors.js';

export type AdminErrorKind = 'network' | 'http' | 'invalid-response';

const errorCodeSchema = z.enum(Object.keys(ERROR_CATALOG) as [ErrorCode, ...ErrorCode[]]);

const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    hint: z.string(),
    issues: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          file: z.string().optional(),
          line: z.number().optional(),
          column: z.number().optional(),
        }),
      )
      .optional(),
  }),
});

interface AdminErrorDetails {
  kind: AdminErrorKind;
  status?: number;
  code?: ErrorCode;
  hint?: string;
  issues?: ErrorIssue[];
  cause?: unknown;
}

export class AdminApiError extends Error {
  readonly kind: AdminErrorKind;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  /** Catalog code when the engine sent an ErrorBody. */
  readonly code: ErrorCode | null;
  readonly hint: string | null;
  readonly issues: readonly ErrorIssue[];

  constructor(message: string, details: AdminErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AdminApiError';
    this.kind = details.kind;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.hint = details.hint ?? null;
    this.issues = details.issues ?? [];
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

/** Turns a non-2xx response into an AdminApiError, keeping the engine's code, hint and issues when present. */
export async function errorFromResponse(response: Response): Promise<AdminApiError> {
  const text = await response.text().catch(() => '');
  const parsed = errorBodySchema.safeParse(safeJson(text));
  if (parsed.success) {
    const { code, message, hint, issues } = parsed.data.error;
    return new AdminApiError(message, {
      kind: 'http',
      status: response.status,
      code,
      hint,
      issues: issues ?? [],
    });
  }
  // Not an ErrorBody: a proxy, an older engine or a crash page. Say so instead of guessing.
  const reason = response.statusText ? ` ${response.statusText}` : '';
  return new AdminApiError(`The admin API answered HTTP ${response.status}${reason}.`, {
    kind: 'http',
    status: response.status,
  });
}

export function networkError(cause: unknown): AdminApiError {
  return new AdminApiError('The engine cannot be reached.', { kind: 'network', cause });
}

export function invalidResponseError(what: string, cause?: unknown): AdminApiError {
  return new AdminApiError(`The admin API sent an unexpected ${what}.`, { kind: 'invalid-response', cause });
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A rejection reason as an Error for display (the client itself only throws AdminApiError). */
export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
