// The SCC-style audit log in <data>/audit: one line per proxied request or SOCKS5 connection, written
// in batches off the request path (append-only, async). Files rotate at a size limit and at UTC
// midnight; the oldest beyond keepFiles are removed. Lines carry no secrets (events have none).
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ProxyRequestEvent, SocksConnectionEvent } from '../../app/connectivity/events.js';
import type { AuditSettings } from '../../app/workspace/schema.js';

export const AUDIT_DIR = 'audit';
export const AUDIT_FILE = 'connectivity-audit.log';
const FLUSH_MS = 250;
const FLUSH_BYTES = 256 * 1024;
/** Lines joined before they are encoded: one native call per this many requests, not one each. */
const LINES_PER_ENCODE = 64;

/**
 * The line as bytes, one per character of a latin1 string, so that a batch of lines is written with a
 * plain copy (encoding mixed text as UTF-8 was ~1 µs per request). What the workspace and tokens name
 * (the tail: locations, users, mappings, reasons) is UTF-8; the URL is the request's own bytes (the
 * proxy reads request lines as latin1), so it is written back exactly as the client sent it.
 */
export function auditLine(event: ProxyRequestEvent | SocksConnectionEvent): string {
  const d = event.decision;
  const verdict = d.allowed ? 'ALLOWED' : 'DENIED';
  const what =
    event.type === 'proxy-request'
      ? `HTTP ${event.method} ${event.url} status=${event.status} bytes=${event.sizes.requestBytes}/${event.sizes.responseBytes} ms=${event.timings.totalMs}`
      : utf8Bytes(
          `SOCKS5 CONNECT ${event.destination} reply=${event.reply} bytes=${event.sizes.bytesUp}/${event.sizes.bytesDown} ms=${event.timings.totalMs}`,
        );
  return `${event.at} | ${verdict} | ${d.stage} | ${what} | ${lineTail(event)}`;
}

/** The UTF-8 bytes of `text` as latin1 characters. */
const utf8Bytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** The last tail built, by the values it was built from: consecutive requests of one client mostly agree. */
let tailKey: readonly unknown[] = [];
let tailText = '';

/** `who | rule | reason` plus the newline: the same for most requests, so built once and reused. */
function lineTail(event: ProxyRequestEvent | SocksConnectionEvent): string {
  const d = event.decision;
  const user = event.type === 'proxy-request' ? event.user : undefined;
  const k = tailKey;
  if (
    k[0] === d &&
    k[1] === event.target &&
    k[2] === event.location &&
    k[3] === event.client &&
    k[4] === user &&
    k[5] === event.type
  )
    return tailText;
  const who = `location=${event.location ?? '<default>'} client=${event.client ?? '-'}${event.type === 'proxy-request' ? ` user=${user ?? '-'}` : ''}`;
  const rule = `mapping=${d.mapping ?? '-'} resource=${d.resource ?? '-'} target=${event.target ?? '-'}`;
  const reason = /[\r\n]/.test(d.reason) ? d.reason.replace(/[\r\n]+/g, ' ') : d.reason;
  tailKey = [d, event.target, event.location, event.client, user, event.type];
  tailText = utf8Bytes(`${who} | ${rule} | ${reason}\n`);
  return tailText;
}

export class AuditLog {
  /**
   * Lines are encoded into this buffer every LINES_PER_ENCODE requests: a whole flush's worth of
   * strings would survive young-generation GCs and be copied and promoted, which showed in the
   * proxy's p99.
   */
  private batch = Buffer.allocUnsafe(FLUSH_BYTES);
  private used = 0;
  /** Lines not yet encoded (at most LINES_PER_ENCODE: a few milliseconds of traffic, young garbage). */
  private lines = '';
  private lineCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private handle: FileHandle | undefined;
  private size = 0;
  private day = '';

  constructor(
    private readonly dir: string,
    private readonly settings: () => AuditSettings,
    private readonly onError: (message: string) => void,
  ) {}

  static in(dataDir: string, settings: () => AuditSettings, onError: (message: string) => void): AuditLog {
    return new AuditLog(path.join(dataDir, AUDIT_DIR), settings, onError);
  }

  get file(): string {
    return path.join(this.dir, AUDIT_FILE);
  }

  append(event: ProxyRequestEvent | SocksConnectionEvent): void {
    if (!this.settings().enabled) return;
    this.lines += auditLine(event);
    if (++this.lineCount >= LINES_PER_ENCODE) this.encode();
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Moves the pending lines into the byte batch, first writing the batch out if they do not fit. */
  private encode(): void {
    const text = this.lines;
    this.lines = '';
    this.lineCount = 0;
    // One byte per character (see auditLine).
    if (this.used + text.length > this.batch.length) {
      void this.flush();
      if (text.length > this.batch.length) this.batch = Buffer.allocUnsafe(text.length);
    }
    this.used += this.batch.write(text, this.used, 'latin1');
  }

  /** Writes what is pending; resolves when it is on disk (tests and stop() await it). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lineCount > 0) this.encode();
    if (this.used === 0) return this.writing;
    const bytes = this.batch.subarray(0, this.used);
    this.batch = Buffer.allocUnsafe(FLUSH_BYTES);
    this.used = 0;
    this.writing = this.writing
      .then(() => this.write(bytes))
      .catch((error: unknown) =>
        this.onError(`The audit log could not be written: ${(error as Error).message}`),
      );
    return this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = undefined;
  }

  private async write(data: Buffer): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    const bytes = data.length;
    if (this.handle && (this.day !== today || this.size + bytes > this.settings().maxFileBytes))
      await this.rotate();
    if (!this.handle) await this.openFile(today);
    await this.handle!.appendFile(data);
    this.size += bytes;
  }

  private async openFile(today: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    this.size = await stat(this.file).then(
      (s) => s.size,
      () => 0,
    );
    this.day = this.size > 0 ? await stat(this.file).then((s) => s.mtime.toISOString().slice(0, 10)) : today;
    if (this.day !== today || this.size >= this.settings().maxFileBytes) {
      await this.rename();
      this.size = 0;
      this.day = today;
    }
    this.handle = await open(this.file, 'a', 0o600);
  }

  private async rotate(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    await this.rename();
  }

  private async rename(): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    // Two rotations in one millisecond must not share a name (rename would replace the first file);
    // "_001" sorts after ".log", so the names stay in the order they were written.
    let target = path.join(this.dir, `connectivity-audit-${stamp}.log`);
    for (let n = 1; await exists(target); n++)
      target = path.join(this.dir, `connectivity-audit-${stamp}_${String(n).padStart(3, '0')}.log`);
    await rename(this.file, target).catch(() => undefined);
    const rotated = (await readdir(this.dir)).filter((f) => /^connectivity-audit-.+\.log$/.test(f)).sort();
    const excess = rotated.length - this.settings().keepFiles;
    for (const f of rotated.slice(0, Math.max(0, excess))) await rm(path.join(this.dir, f), { force: true });
  }
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );
