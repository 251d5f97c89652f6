// What counts as a problem in an answer: any 5xx (also inside a $batch answer), bytes that are not HTTP,
// a complete request that got no answer, a listener that neither answered nor closed.
import type { ParsedResponse, WireResult } from './wire.js';

/** Bytes as pasteable text: JSON-escaped UTF-8 when they are UTF-8, else JSON-escaped Latin-1. */
export function showBytes(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes)
    ? `utf8 ${JSON.stringify(utf8)}`
    : `latin1 ${JSON.stringify(bytes.toString('latin1'))}`;
}

function firstLine(body: Buffer): string {
  return body.toString('utf8', 0, 300).split('\n')[0]!.trim().slice(0, 160);
}

/** 5xx statuses of the parts of a multipart or JSON $batch answer. */
export function batchStatuses(response: ParsedResponse): number[] {
  const type = response.headers['content-type'] ?? '';
  const text = response.body.toString('utf8');
  if (type.startsWith('multipart/'))
    return [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((m) => Number(m[1]));
  if (type.startsWith('application/json') && text.includes('"responses"')) {
    try {
      const json = JSON.parse(text) as { responses?: { status?: unknown }[] };
      return (json.responses ?? []).map((r) => Number(r.status));
    } catch {
      return [];
    }
  }
  return [];
}

export interface HttpCheck {
  /** The request was whole (an answer is owed). */
  complete: boolean;
  /** A 5xx the protocol gives for a condition the fuzz did not cause (documented per fuzz). */
  allow5xx?: (response: ParsedResponse) => boolean;
}

export function httpProblems(result: WireResult, check: HttpCheck): string[] {
  const problems: string[] = [];
  if (result.aborted) return problems; // the crash that aborted it is the finding
  for (const response of result.responses) {
    if (response.status >= 500 && !check.allow5xx?.(response))
      problems.push(`HTTP ${response.status}: ${firstLine(response.body)}`);
    for (const inner of batchStatuses(response))
      if (inner >= 500) problems.push(`HTTP ${response.status} with a ${inner} inside the $batch answer`);
  }
  if (result.garbage !== null)
    problems.push(`answer is not HTTP: ${JSON.stringify(result.garbage.slice(0, 80))}`);
  if (result.hung) problems.push('neither an answer nor a close within the hang bound');
  else if (check.complete && result.responses.length === 0 && result.garbage === null)
    problems.push(`closed without an answer${result.error ? ` (${result.error})` : ''}`);
  return problems;
}
