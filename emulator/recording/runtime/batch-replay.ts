// $batch on replay: the client's batch is split into its parts and each part is matched on its own,
// against the parts of recorded batches and against recorded single requests alike; the answer is
// assembled in the client's own structure (boundary, changesets, Content-IDs). Multipart (V2/V4) and
// JSON (V4) batches. A part that misses makes the whole batch a miss that names it.
import { ReplayIndex, type Miss } from '../matcher.js';
import type { HarEntry } from '../har.js';
import { harBody, type ReplayResponse } from '../replayer.js';
import { shapeOf, type MatchRules, type RequestShape } from '../request-shape.js';
import { boundaryOf, multipartText, partText, type PartResponse } from '../../systems/batch/multipart.js';
import {
  partHeaders,
  readAnswers,
  readBatch,
  versionOf,
  type ClientGroup,
  type ClientPart,
  type RecordedAnswer,
} from './batch-parts.js';

export interface Origin {
  session: string;
  index: number;
}

interface Answer extends RecordedAnswer {
  origin: Origin;
}

interface Outer {
  /** The service root: the batch path without `/$batch`. */
  base: string;
  sapClient: string | null;
  headers: Record<string, string>;
}

export type BatchOutcome =
  | { kind: 'hit'; response: ReplayResponse; origins: Origin[] }
  | { kind: 'miss'; miss: Miss; nearest: Origin[] }
  | { kind: 'malformed'; message: string };

export function isBatch(method: string, pathname: string): boolean {
  return method.toUpperCase() === 'POST' && pathname.endsWith('/$batch');
}

export class BatchReplay {
  private readonly index = new ReplayIndex<Answer>([]);

  constructor(private readonly rules: MatchRules) {}

  /** A recorded batch contributes its parts, any other recorded request itself. */
  add(entry: HarEntry, origin: Origin): void {
    const url = new URL(entry.request.url, 'http://recorded.invalid');
    const headers = lowerHeaders(entry.request.headers.map((h) => [h.name, h.value]));
    if (isBatch(entry.request.method, url.pathname)) {
      this.addBatch(entry, url, headers, origin);
      return;
    }
    const outer = { base: '', sapClient: null, headers: {} };
    const part = {
      method: entry.request.method,
      url: `${url.pathname}${url.search}`,
      headers,
      body: entry.request.postData?.text ?? '',
    };
    this.index.add(this.shape(part, outer), {
      status: entry.response.status,
      headers: partHeaders(entry.response.headers.map((h) => [h.name, h.value])),
      body: harBody(entry).toString('utf8'),
      origin,
      groupError: false,
      ...versionOf(entry.response.headers.map((h) => [h.name, h.value])),
    });
  }

  private addBatch(entry: HarEntry, url: URL, headers: Record<string, string>, origin: Origin): void {
    const outer = outerOf(url, headers);
    let groups: ClientGroup[];
    let answers: Omit<Answer, 'origin'>[][];
    try {
      groups = readBatch(headers['content-type'] ?? '', entry.request.postData?.text ?? '');
      const responseHeaders = entry.response.headers.map((h): [string, string] => [h.name, h.value]);
      answers = readAnswers(
        groups,
        lowerHeaders(responseHeaders)['content-type'] ?? '',
        harBody(entry).toString('utf8'),
      );
      const version = versionOf(responseHeaders);
      answers = answers.map((group) => group.map((a) => ({ ...version, ...a })));
    } catch {
      return; // not a batch we can take apart: it still replays whole through the Replayer
    }
    groups.forEach((group, g) =>
      group.parts.forEach((part, p) => {
        const answer = answers[g]?.[p];
        if (answer) this.index.add(this.shape(part, outer), { ...answer, origin });
      }),
    );
  }

  private shape(part: ClientPart, outer: Outer): RequestShape {
    let url = part.url.replace(/^https?:\/\/[^/]+/i, '');
    if (!url.startsWith('/')) url = `${outer.base}/${url}`;
    if (outer.sapClient !== null && !/[?&]sap-client=/i.test(url))
      url += `${url.includes('?') ? '&' : '?'}sap-client=${outer.sapClient}`;
    return shapeOf(
      { method: part.method, url, headers: { ...outer.headers, ...part.headers }, body: part.body },
      this.rules,
    );
  }

  replay(pathAndQuery: string, headers: Record<string, string>, body: string): BatchOutcome {
    const url = new URL(pathAndQuery, 'http://client.invalid');
    const contentType = headers['content-type'] ?? '';
    let groups: ClientGroup[];
    try {
      groups = readBatch(contentType, body);
    } catch (error) {
      return { kind: 'malformed', message: (error as Error).message };
    }
    const outer = outerOf(url, headers);
    const total = groups.reduce((n, g) => n + g.parts.length, 0);
    const found: Answer[][] = [];
    let number = 0;
    for (const group of groups) {
      const hits: Answer[] = [];
      for (const part of group.parts) {
        number += 1;
        const lookup = this.index.lookup(this.shape(part, outer));
        if ('miss' in lookup) {
          const request = `POST ${url.pathname} part ${number} of ${total}: ${lookup.miss.request}`;
          return {
            kind: 'miss',
            miss: { request, candidates: lookup.miss.candidates },
            nearest: lookup.nearest.map((a) => a.origin),
          };
        }
        hits.push(lookup.hit);
      }
      found.push(hits);
    }
    const origins = uniqueOrigins(found.flat());
    const json = contentType.toLowerCase().startsWith('application/json');
    const response = json
      ? jsonResponse(groups, found)
      : multipartResponse(contentType, groups, found, url.pathname);
    return { kind: 'hit', response, origins };
  }
}

function lowerHeaders(headers: [string, string][]): Record<string, string> {
  return Object.fromEntries(headers.map(([k, v]) => [k.toLowerCase(), v]));
}

function outerOf(url: URL, headers: Record<string, string>): Outer {
  return {
    base: url.pathname.slice(0, -'/$batch'.length),
    sapClient: url.searchParams.get('sap-client') ?? headers['sap-client'] ?? null,
    headers: Object.fromEntries(
      Object.entries(headers).filter(([k]) => k === 'sap-language' || k === 'accept-language'),
    ),
  };
}

function uniqueOrigins(answers: Answer[]): Origin[] {
  const seen = new Map<string, Origin>();
  for (const a of answers) seen.set(`${a.origin.session}#${a.origin.index}`, a.origin);
  return [...seen.values()];
}

/** The client's batch as groups of parts: multipart/mixed (changesets are atomic) or V4 JSON. */
function multipartResponse(
  contentType: string,
  groups: ClientGroup[],
  found: Answer[][],
  pathname: string,
): ReplayResponse {
  const boundary = boundaryOf(contentType);
  const text = (a: Answer, contentId?: string): string =>
    partText({
      status: a.status,
      headers: a.headers,
      body: a.body,
      ...(contentId ? { contentId } : {}),
    } satisfies PartResponse);
  const out = groups.map((group, g) => {
    const answers = found[g]!;
    if (!group.atomic) return text(answers[0]!, group.parts[0]!.contentId);
    const failed = answers.find((a) => a.groupError);
    if (failed) return text(failed);
    const changeset = group.boundary!;
    const inner = answers.map((a, i) => text(a, group.parts[i]!.contentId));
    return `content-type: multipart/mixed; boundary=${changeset}\r\n\r\n${multipartText(changeset, inner)}`;
  });
  const version = versionHeader(found, pathname);
  // A V4 service answers a multipart batch with 200 OK, a V2 one with 202 Accepted.
  const v4 = version[0].toLowerCase() === 'odata-version';
  return {
    status: v4 ? 200 : 202,
    statusText: v4 ? 'OK' : 'Accepted',
    headers: [['content-type', `multipart/mixed; boundary=${boundary}`], version],
    body: Buffer.from(multipartText(boundary, out), 'utf8'),
  };
}

function jsonResponse(groups: ClientGroup[], found: Answer[][]): ReplayResponse {
  const responses = groups.flatMap((group, g) =>
    group.parts.map((part, i) => {
      const a = found[g]![i]!;
      let body: unknown = undefined;
      if (a.body !== '') {
        try {
          body = JSON.parse(a.body) as unknown;
        } catch {
          body = a.body;
        }
      }
      return {
        id: part.contentId,
        status: a.status,
        headers: a.headers,
        ...(body === undefined ? {} : { body }),
      };
    }),
  );
  return {
    status: 200,
    statusText: 'OK',
    headers: [
      ['content-type', 'application/json;charset=utf-8'],
      ['odata-version', '4.0'],
    ],
    body: Buffer.from(JSON.stringify({ responses }), 'utf8'),
  };
}

function versionHeader(found: Answer[][], pathname: string): [string, string] {
  const recorded = found.flat().find((a) => a.version)?.version;
  if (recorded) return recorded;
  return pathname.includes('/odata4/') ? ['odata-version', '4.0'] : ['dataserviceversion', '2.0'];
}
