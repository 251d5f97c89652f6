// The framing rules the proxy relies on: ambiguous messages are refused, chunked bodies end where the
// grammar says, however the bytes are split, and request targets are absolute http:// URLs only.
import { describe, expect, it } from 'vitest';
import { BodyFramer } from './body-framer.js';
import { parseRequestHead, parseResponseHead } from './http1.js';
import { parseProxyTarget } from './target.js';

const head = (...lines: string[]): string => ['GET http://a.virtual/ HTTP/1.1', ...lines].join('\r\n');

describe('strict HTTP/1.1 heads', () => {
  it('refuses request smuggling shapes', () => {
    const refused = [
      head('Content-Length: 5', 'Transfer-Encoding: chunked'),
      head('Content-Length: 5', 'Content-Length: 6'),
      head('Transfer-Encoding: gzip, chunked'),
      head('Transfer-Encoding: chunked', 'Transfer-Encoding: chunked'),
      head('X-A: 1', ' folded'),
      head('Bad Name: 1'),
      head('X-A: a\x01b'),
      head('Proxy-Authorization: Bearer a', 'Proxy-Authorization: Bearer b'),
      'GET  http://a.virtual/ HTTP/1.1',
      // Control characters in the target (found by emulator/fuzz): a backend's parser resets on them.
      'GET http://a.virtual/a\x00b HTTP/1.1',
      'GET http://a.virtual/a\x01b HTTP/1.1',
      'GET http://a.virtual/a\tb HTTP/1.1',
      'GET http://a.virtual/\x7f HTTP/1.1',
      // Raw bytes above ASCII (the head is read as Latin-1): node:http backends reset on them too.
      'GET http://a.virtual/\xc4\x80 HTTP/1.1',
      'GET http://a.virtual/a\xa0b HTTP/1.1',
    ];
    for (const text of refused)
      expect(parseRequestHead(text), JSON.stringify(text)).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestHead('GET http://a.virtual/ HTTP/2.0')).toMatchObject({ ok: false, status: 505 });
    expect(parseRequestHead('GET http://a.virtual/ HTTP/1.0\r\nHost: a.virtual')).toMatchObject({
      ok: true,
      head: { version: '1.0' },
    });
    expect(parseRequestHead('POST http://a.virtual/ HTTP/1.0\r\nTransfer-Encoding: chunked')).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('frames requests and responses', () => {
    expect(parseRequestHead(head('Content-Length: 3', 'content-length: 3'))).toMatchObject({
      ok: true,
      head: { framing: { kind: 'length', length: 3 } },
    });
    expect(parseRequestHead(head('Transfer-Encoding: Chunked'))).toMatchObject({
      ok: true,
      head: { framing: { kind: 'chunked' } },
    });
    expect(parseRequestHead(head())).toMatchObject({ ok: true, head: { framing: { kind: 'none' } } });
    expect(parseResponseHead('HTTP/1.1 200 OK\r\nX: 1', 'GET')).toMatchObject({
      ok: true,
      head: { framing: { kind: 'close' } },
    });
    expect(parseResponseHead('HTTP/1.1 200 OK\r\nContent-Length: 9', 'HEAD')).toMatchObject({
      ok: true,
      head: { framing: { kind: 'none' } },
    });
    expect(parseResponseHead('HTTP/1.1 304 Not Modified\r\nContent-Length: 9', 'GET')).toMatchObject({
      ok: true,
      head: { framing: { kind: 'none' } },
    });
    expect(parseResponseHead('garbage', 'GET')).toMatchObject({ ok: false, status: 502 });
  });

  it('reads names case-blind, values without optional whitespace, and nothing inherited', () => {
    const parsed = parseRequestHead(head('X-A:\t one \t', 'Constructor: c', 'x-a: two', '__proto__: p'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.head.headers['x-a']).toBe('one, two');
    expect(parsed.head.headers.constructor).toBe('c');
    expect(parsed.head.names).toEqual(['x-a', 'constructor', 'x-a', '__proto__']);
    expect(parsed.head.raw).toEqual(['X-A', 'one', 'Constructor', 'c', 'x-a', 'two', '__proto__', 'p']);
    // Only spaces and tabs are optional whitespace: a vertical tab at the edge is a control character.
    expect(parseRequestHead(head('X-A: \x0bvalue'))).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestHead(head('X-A: value', ''))).toMatchObject({ ok: false, status: 400 });
  });

  it('reads status lines strictly', () => {
    expect(parseResponseHead('HTTP/1.1 200', 'GET')).toMatchObject({
      ok: true,
      head: { status: 200, reason: '' },
    });
    expect(parseResponseHead('HTTP/1.0 404 Not Found\r\nContent-Length: 0', 'GET')).toMatchObject({
      ok: true,
      head: { status: 404, reason: 'Not Found', framing: { kind: 'none' } },
    });
    for (const line of [
      'HTTP/1.2 200 OK',
      'HTTP/1.1 20 OK',
      'HTTP/1.1 2000',
      'HTTP/1.1 200OK',
      'HTTP/1.1 2x0 OK',
      'HTTP/1.1 200 O\nK',
    ])
      expect(parseResponseHead(line, 'GET'), JSON.stringify(line)).toMatchObject({ ok: false, status: 502 });
  });

  it('finds the end of a chunked body split at every byte', () => {
    const body = Buffer.from('4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\nNEXT');
    for (let split = 1; split < body.length; split++) {
      const framer = new BodyFramer({ kind: 'chunked' });
      const first = framer.feed(body.subarray(0, split));
      const second = framer.done ? 0 : framer.feed(body.subarray(split));
      expect(first + second, `split at ${split}`).toBe(body.length - 4);
      expect(framer.done).toBe(true);
    }
    expect(new BodyFramer({ kind: 'chunked' }).feed(Buffer.from('zz\r\n'))).toBe(-1);
  });

  it('accepts only absolute http:// targets, without user info or dot segments', () => {
    expect(parseProxyTarget('http://S4.Virtual:44300/a?b=1#f')).toEqual({
      ok: true,
      target: { host: 's4.virtual', port: 44300, path: '/a?b=1', pathname: '/a' },
    });
    expect(parseProxyTarget('http://s4.virtual')).toMatchObject({
      ok: true,
      target: { port: 80, path: '/' },
    });
    expect(parseProxyTarget('https://s4.virtual/')).toMatchObject({ ok: false, kind: 'https' });
    expect(parseProxyTarget('/relative')).toMatchObject({ ok: false, kind: 'not-absolute' });
    for (const bad of [
      'http://u:p@s4.virtual/',
      'http://s4.virtual:0/',
      'http://s4.virtual:99999/',
      'http://s4.virtual/a/../b',
      'http://s4.virtual/a/%2e%2E/b',
    ])
      expect(parseProxyTarget(bad), bad).toMatchObject({ ok: false, kind: 'malformed' });
  });
});
