import { describe, expect, it } from 'vitest';
import { readSseMessages, SseParser, type SseMessage } from './sse-parser.js';

function parseChunks(chunks: string[]): SseMessage[] {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

function byteStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(chunk));
      controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<SseMessage[]> {
  const messages: SseMessage[] = [];
  for await (const message of readSseMessages(body)) messages.push(message);
  return messages;
}

const TWO_EVENTS = 'data: {"type":"engine-stopping","at":"t1"}\n\n: ping\n\ndata: {"n":2}\n\n';
const EXPECTED = [
  { event: 'message', data: '{"type":"engine-stopping","at":"t1"}' },
  { event: 'message', data: '{"n":2}' },
];

describe('SseParser', () => {
  it('parses several messages delivered in one chunk and skips comment heartbeats', () => {
    expect(parseChunks([TWO_EVENTS])).toEqual(EXPECTED);
  });

  it('gives the same messages wherever the network splits the text', () => {
    for (let cut = 0; cut <= TWO_EVENTS.length; cut++) {
      expect(parseChunks([TWO_EVENTS.slice(0, cut), TWO_EVENTS.slice(cut)]), `cut at ${cut}`).toEqual(
        EXPECTED,
      );
    }
  });

  it('survives one character per chunk', () => {
    expect(parseChunks([...TWO_EVENTS])).toEqual(EXPECTED);
  });

  it('treats a CRLF split across chunks as one line end, not two', () => {
    // A second line end after "data: a" would be an empty line and dispatch early; it must not.
    const messages = parseChunks(['data: a\r', '\ndata: b\r', '\n\r\n']);
    expect(messages).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('accepts CR-only and CRLF line ends', () => {
    expect(parseChunks(['data: x\r\rdata: y\r\n\r\n'])).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: 'y' },
    ]);
  });

  it('joins data lines, keeps event names, and strips only one space after the colon', () => {
    expect(parseChunks(['event: custom\ndata:a\ndata:  b\nid: 7\nretry: 10\n\n'])).toEqual([
      { event: 'custom', data: 'a\n b' },
    ]);
  });

  it('does not dispatch a message without data', () => {
    expect(parseChunks(['event: only\n\n: ping\n\n'])).toEqual([]);
  });

  it('strips a leading byte-order mark', () => {
    expect(parseChunks(['\uFEFFdata: 1\n\n'])).toEqual([{ event: 'message', data: '1' }]);
  });
});

describe('readSseMessages', () => {
  it('decodes a multi-byte character split between network chunks', async () => {
    const bytes = new TextEncoder().encode('data: Grüße 🚀\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "ü"
    const messages = await collect(byteStream([bytes.slice(0, cut), bytes.slice(cut, -3), bytes.slice(-3)]));
    expect(messages).toEqual([{ event: 'message', data: 'Grüße 🚀' }]);
  });

  it('drops a trailing message that was never terminated', async () => {
    const messages = await collect(byteStream([new TextEncoder().encode('data: 1\n\ndata: cut off')]));
    expect(messages).toEqual([{ event: 'message', data: '1' }]);
  });
});
