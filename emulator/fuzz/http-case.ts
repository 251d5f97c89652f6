// One HTTP fuzz case: bytes to a port, the answers checked by the oracle plus the fuzz's own checks.
import type { FuzzCase } from './harness.js';
import { httpProblems, showBytes, type HttpCheck } from './oracle.js';
import { buildRequest, exchange, requestComplete, type ParsedResponse, type RequestSpec } from './wire.js';

export interface HttpCaseOptions extends Partial<HttpCheck> {
  port: number;
  tls?: boolean;
  /** Look into whole bodies (e.g. $batch answers); default: the first head decides. */
  readBodies?: boolean;
  /** More checks on each answer (e.g. a redirect must stay on loopback). */
  extra?: (response: ParsedResponse) => string | null;
}

export function rawCase(bytes: Buffer, methods: readonly string[], options: HttpCaseOptions): FuzzCase {
  const complete = options.complete ?? requestComplete(bytes);
  let outcome = '?';
  return {
    outcome: () => outcome,
    input: `${options.tls ? 'TLS ' : ''}${showBytes(bytes)}`,
    async run(signal) {
      const result = await exchange({
        port: options.port,
        bytes,
        methods,
        complete,
        signal,
        ...(options.tls ? { tls: true } : {}),
        ...(options.readBodies ? { readBodies: true } : {}),
      });
      outcome =
        result.responses.length > 0
          ? result.responses.map((r) => r.status).join('+')
          : result.hung
            ? 'hang'
            : result.aborted
              ? 'crash'
              : `closed${result.error ? ` ${result.error}` : ''}`;
      const problems = httpProblems(result, {
        complete,
        ...(options.allow5xx ? { allow5xx: options.allow5xx } : {}),
      });
      for (const response of result.responses) {
        const extra = options.extra?.(response);
        if (extra) problems.push(extra);
      }
      return problems;
    },
  };
}

export function requestCase(spec: RequestSpec, options: HttpCaseOptions): FuzzCase {
  return rawCase(buildRequest(spec), [spec.method], options);
}

/** An OData request; a $batch answer is read whole, to look into its parts. */
export function odataCase(spec: RequestSpec, port: number): FuzzCase {
  return requestCase(spec, { port, readBodies: spec.target.endsWith('$batch') });
}
