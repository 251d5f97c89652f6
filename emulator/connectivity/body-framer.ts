// Where a relayed body ends. The proxy forwards body bytes unchanged (chunked stays chunked), so it
// only needs to find the end: a byte count, or the chunked grammar walked across arbitrary splits.

const MAX_LINE = 4096;

export class BodyFramer {
  private remaining: number;
  private state: 'size' | 'data' | 'data-crlf' | 'trailer' | 'done';
  private line = '';

  constructor(
    framing: { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' },
  ) {
    this.remaining = framing.kind === 'length' ? framing.length : framing.kind === 'close' ? Infinity : 0;
    this.state = framing.kind === 'chunked' ? 'size' : framing.kind === 'none' ? 'done' : 'data';
    this.chunked = framing.kind === 'chunked';
  }

  private readonly chunked: boolean;

  get done(): boolean {
    return this.state === 'done';
  }

  /** How many bytes of `chunk` belong to this body; -1 when the chunked framing is malformed. */
  feed(chunk: Buffer): number {
    if (!this.chunked) {
      const n = Math.min(chunk.length, this.remaining);
      this.remaining -= n;
      if (this.remaining === 0) this.state = 'done';
      return n;
    }
    let i = 0;
    while (i < chunk.length && this.state !== 'done') {
      if (this.state === 'data') {
        const n = Math.min(chunk.length - i, this.remaining);
        i += n;
        this.remaining -= n;
        if (this.remaining === 0) this.state = 'data-crlf';
        continue;
      }
      const nl = chunk.indexOf(10, i);
      const end = nl < 0 ? chunk.length : nl + 1;
      this.line += chunk.toString('latin1', i, end);
      i = end;
      if (this.line.length > MAX_LINE) return -1;
      if (nl < 0) break;
      if (!this.endLine()) return -1;
    }
    return i;
  }

  private endLine(): boolean {
    const line = this.line;
    this.line = '';
    if (!line.endsWith('\r\n')) return false;
    const text = line.slice(0, -2);
    if (this.state === 'data-crlf') {
      this.state = 'size';
      return text === '';
    }
    if (this.state === 'trailer') {
      if (text === '') this.state = 'done';
      return true;
    }
    const size = /^([0-9A-Fa-f]{1,12})(?:[ \t]*;.*)?$/.exec(text);
    if (!size) return false;
    this.remaining = parseInt(size[1]!, 16);
    this.state = this.remaining === 0 ? 'trailer' : 'data';
    return true;
  }
}
