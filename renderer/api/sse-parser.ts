// Incremental Server-Sent Events parser (WHATWG HTML §9.2.6). Network chunks split lines, and even
// CRLF pairs, at arbitrary places, so state is carried across push() calls.

export interface SseMessage {
  /** The `event:` field, "message" when absent. */
  event: string;
  data: string;
}

export class SseParser {
  #partialLine = '';
  #data: string[] = [];
  #event = '';
  #started = false;
  #endedWithCR = false;

  push(chunk: string): SseMessage[] {
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    // A CR at the end of the previous chunk already ended the line; its LF must not end another.
    if (this.#endedWithCR && text.startsWith('\n')) text = text.slice(1);
    if (text.length > 0) this.#endedWithCR = text.endsWith('\r');
    const lines = (this.#partialLine + text).split(/\r\n|\r|\n/);
    this.#partialLine = lines.pop() ?? '';
    const messages: SseMessage[] = [];
    for (const line of lines) {
      const message = this.#line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  #line(line: string): SseMessage | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined; // comment, e.g. the `: ping` heartbeat
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    // `id` and `retry` are ignored: every connection starts with a full status snapshot.
    return undefined;
  }

  #dispatch(): SseMessage | undefined {
    const message =
      this.#data.length > 0 ? { event: this.#event || 'message', data: this.#data.join('\n') } : undefined;
    this.#data = [];
    this.#event = '';
    return message;
  }
}

/** Reads a byte stream to its end, yielding each complete message. A trailing partial message is dropped, as the spec says. */
export async function* readSseMessages(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
