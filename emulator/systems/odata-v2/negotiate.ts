// Content negotiation of the V2 service. It serves data as JSON and $metadata as XML (Atom is not
// implemented), so a request that accepts neither (`Accept: application/atom+xml`, `$format=atom`, a
// $metadata request accepting only JSON) is answered 406, as SAP Gateway answers what it cannot
// produce, with Gateway's message plus what is served, in V2's XML error format: a client that asked
// for Atom or XML can read that, and a JSON body would be as unacceptable to it as the data.
// `$format` overrides Accept, as in Gateway; `$count`, `$value`, `$batch` and bodiless answers are
// not negotiated.
import { randomUUID } from 'node:crypto';
import type { ODataRequest, ODataResponse } from '../http/types.js';

type Served = 'json' | 'xml';

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

// Gateway's code and text for 406, as a real Gateway answer shows them (SAP KBA 3722152); V2
// services answer with the same text.
const CODE = '/IWCOR/CX_OD_NOT_ACCEPTABLE/005056A509B11ED19BEB6513AA349DA5';
const GATEWAY_TEXT =
  'The resource identified by the request is only capable of generating response entities which have content characteristics not acceptable according to the accept headers sent in the request';
const SERVED =
  'This simulated OData V2 service answers data as JSON (Accept: application/json or $format=json) and $metadata as XML (Accept: application/xml); it does not serve Atom';
const METADATA_MEDIA = [
  ['application', 'xml'],
  ['text', 'xml'],
] as const;

/** The 406 answer when the request accepts nothing this resource is served as, else undefined. */
export function notAcceptableV2(req: ODataRequest, path: string): ODataResponse | undefined {
  const served = servedAs(req.method, path);
  if (!served) return undefined;
  const format = served === 'json' ? req.query.get('$format') : null;
  if (format !== null) {
    const wanted = format.trim().toLowerCase();
    if (wanted === 'json' || wanted.startsWith('application/json')) return undefined;
    // Anything else that names a format is one this service does not produce; garbage stays a 400.
    if (wanted === 'atom' || wanted === 'xml' || wanted.includes('/'))
      return notAcceptable(`$format=${format}`);
    return undefined;
  }
  const accept = req.headers.accept?.trim();
  if (!accept) return undefined;
  const ranges = parseAccept(accept);
  // Nothing parsable (`Accept: *`, a bare word) states no preference.
  if (ranges.length === 0) return undefined;
  const media = served === 'json' ? ([['application', 'json']] as const) : METADATA_MEDIA;
  return media.some(([type, subtype]) => acceptable(ranges, type, subtype))
    ? undefined
    : notAcceptable(`Accept: ${accept}`);
}

/** What the resource's successful answer is, when it has a negotiable body. */
function servedAs(method: string, path: string): Served | undefined {
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return undefined;
  if (path === '$metadata') return method === 'POST' ? undefined : 'xml';
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last === '$count' || last === '$value') return undefined;
  if (method === 'POST' && path.includes('/$links/')) return undefined;
  return 'json';
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [media = '', ...params] = part.split(';').map((s) => s.trim());
    const slash = media.indexOf('/');
    if (slash <= 0) continue;
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam ? Number(qParam.slice(qParam.indexOf('=') + 1).trim()) : 1;
    ranges.push({
      type: media.slice(0, slash).toLowerCase(),
      subtype: media.slice(slash + 1).toLowerCase(),
      q: Number.isFinite(q) ? q : 0,
    });
  }
  return ranges;
}

/** RFC 9110 12.5.1: the most specific range that matches decides, and q=0 means "not acceptable". */
function acceptable(ranges: MediaRange[], type: string, subtype: string): boolean {
  let best: MediaRange | undefined;
  let bestRank = -1;
  for (const range of ranges) {
    const rank = specificity(range, type, subtype);
    if (rank < 0) continue;
    if (rank > bestRank || (rank === bestRank && range.q > best!.q)) {
      best = range;
      bestRank = rank;
    }
  }
  return best !== undefined && best.q > 0;
}

function specificity(range: MediaRange, type: string, subtype: string): number {
  if (range.type === type) return range.subtype === subtype ? 2 : range.subtype === '*' ? 1 : -1;
  return range.type === '*' && range.subtype === '*' ? 0 : -1;
}

function notAcceptable(asked: string): ODataResponse {
  const message = `${GATEWAY_TEXT} (${asked}). ${SERVED}.`;
  return {
    status: 406,
    headers: { 'content-type': 'application/xml;charset=utf-8', dataserviceversion: '1.0' },
    body: errorXml(CODE, message),
  };
}

/** A V2 error in its XML form (`m:error`), as Gateway writes it for Atom/XML clients. */
export function errorXml(code: string, message: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">' +
    `<code>${escapeXml(code)}</code><message xml:lang="en">${escapeXml(message)}</message>` +
    `<innererror><transactionid>${randomUUID().replaceAll('-', '').toUpperCase()}</transactionid>` +
    `<timestamp>${stamp}.0000000</timestamp><errordetails><errordetail><code>${escapeXml(code)}</code>` +
    `<message>${escapeXml(message)}</message><propertyref/><severity>error</severity><target/>` +
    '</errordetail></errordetails></innererror></error>'
  );
}

export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
