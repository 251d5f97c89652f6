// Which request paths are refused before the resource rules see them. The proxy decides on the path as
// sent and forwards exactly that path, so a path that some backend would resolve to a different one
// must not pass: a backslash (WHATWG parsers, IIS read it as "/") and every spelling of a dot segment
// (raw, percent-encoded once or twice, overlong UTF-8, IIS %uXXXX, Unicode look-alikes that NFKC folds
// to "." or "/", Tomcat's "..;x", a NUL cut). Refusing instead of normalising keeps "checked",
// "forwarded" and "audited" one string. README "Request paths" has the rule and why.

/** Percent-decodings tried after the raw text: once (any backend), twice and thrice (layered decoders). */
const DECODINGS = 3;
const SHOWN = 80;

/**
 * Why `pathname` (the path without query, as sent) is refused, or null. Cheap when the path has no
 * '.', '%', '\' or non-ASCII character: one scan, nothing allocated.
 */
export function pathProblem(pathname: string): string | null {
  let suspicious = false;
  for (let i = 0; i < pathname.length; i++) {
    const c = pathname.charCodeAt(i);
    if (c === 0x5c)
      return 'the path contains a backslash (\\), which backends may read as "/" after the resource check: send "/" (or %5C inside a key)';
    if (c === 0x2e || c === 0x25 || c > 0x7e) suspicious = true;
  }
  if (!suspicious) return null;
  let start = 0;
  for (let i = 0; i <= pathname.length; i++) {
    if (i < pathname.length && pathname.charCodeAt(i) !== 0x2f) continue;
    if (i > start) {
      const problem = segmentProblem(pathname.slice(start, i));
      if (problem !== null) return problem;
    }
    start = i + 1;
  }
  return null;
}

/** One segment between raw slashes: refused if any decoding of it holds a dot-only piece. */
function segmentProblem(raw: string): string | null {
  let text = raw;
  for (let round = 0; ; round++) {
    const dots = dotPiece(text);
    if (dots !== null) return describe(raw, dots);
    if (round === DECODINGS || !/[%\x80-\uffff]/.test(text)) return null;
    const next = fold(percentDecode(toBytes(text)));
    if (next === text) return null;
    text = next;
  }
}

/**
 * The first piece (between "/" or "\") that is only dots once cut at ';' (path parameters), '?', '#' or
 * NUL and stripped of trailing blanks (which Windows drops), or null.
 */
function dotPiece(text: string): string | null {
  for (const piece of text.split(/[/\\]/)) {
    const cut = /^([^;?#\0]*)/.exec(piece)![1]!.replace(/[ \t]+$/, '');
    if (cut !== '' && /^\.+$/.test(cut)) return cut;
  }
  return null;
}

function describe(raw: string, dots: string): string {
  const shown = visible(raw);
  const spelled = shown === dots ? `"${dots}"` : `"${shown}" (read as "${dots}")`;
  return `the path contains the dot segment ${spelled}, which a backend would resolve after the resource check: send the path without . and .. segments`;
}

/** The segment as ASCII: non-ASCII and control characters as %XX of their bytes, long ones cut. */
function visible(raw: string): string {
  const text = raw.replace(/[^\x21-\x7e]/gu, (c) =>
    [...toBytes(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
}

/**
 * The bytes a client sent: the proxy reads the head as latin1 (one char per byte); a URL typed into
 * "Check a URL" may hold any character, which a client would send as UTF-8.
 */
function toBytes(text: string): Buffer {
  return Buffer.from(text, /[\u0100-\uffff]/.test(text) ? 'utf8' : 'latin1');
}

/** %XX and IIS's %uXXXX (as UTF-8) decoded; anything else kept as is. */
function percentDecode(bytes: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25 && isHex(bytes, i + 1, 2)) {
      out.push(parseInt(bytes.toString('latin1', i + 1, i + 3), 16));
      i += 2;
    } else if (b === 0x25 && (bytes[i + 1] === 0x75 || bytes[i + 1] === 0x55) && isHex(bytes, i + 2, 4)) {
      out.push(...Buffer.from(String.fromCharCode(parseInt(bytes.toString('latin1', i + 2, i + 6), 16))));
      i += 5;
    } else out.push(b);
  }
  return Buffer.from(out);
}

function isHex(bytes: Buffer, from: number, n: number): boolean {
  if (from + n > bytes.length) return false;
  for (let i = from; i < from + n; i++) {
    const c = bytes[i]!;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/**
 * Bytes to text as a lax decoder would read them: UTF-8 including overlong forms (C0 AE is "."),
 * then NFKC, which folds look-alikes such as "．" (U+FF0E) and "／" (U+FF0F). Invalid bytes become U+FFFD.
 */
function fold(bytes: Buffer): string {
  let text = '';
  let ascii = true;
  for (let i = 0; i < bytes.length;) {
    const { cp, length } = laxCodePoint(bytes, i);
    if (cp > 0x7f) ascii = false;
    text += String.fromCodePoint(cp);
    i += length;
  }
  return ascii ? text : text.normalize('NFKC');
}

/** One UTF-8 sequence at `at`, overlong forms accepted (what a strict decoder rejects, a lax one reads). */
function laxCodePoint(bytes: Buffer, at: number): { cp: number; length: number } {
  const b = bytes[at]!;
  if (b < 0x80) return { cp: b, length: 1 };
  const extra = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? (b < 0xf0 ? 2 : 0) : b >= 0xc0 ? 1 : 0;
  if (extra === 0) return { cp: 0xfffd, length: 1 };
  let cp = b & (0x3f >> extra);
  for (let n = 1; n <= extra; n++) {
    const c = bytes[at + n];
    if (c === undefined || (c & 0xc0) !== 0x80) return { cp: 0xfffd, length: n };
    cp = (cp << 6) | (c & 0x3f);
  }
  return { cp: cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp, length: extra + 1 };
}
