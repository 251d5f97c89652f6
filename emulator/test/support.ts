// Shared test support: temp folders, engines that are always stopped, raw HTTP with any Host header.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { startEmulator } from '../core/engine.js';
import type { EmulatorHandle, StartOptions } from '../types.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

export async function tempDir(prefix = 'btp-emu-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** An engine on ephemeral ports with its own data folder, stopped after the test whatever happens. */
export async function engine(options: StartOptions = {}): Promise<EmulatorHandle> {
  const dataDir = options.dataDir ?? (await tempDir());
  const handle = await startEmulator({ ephemeralPorts: true, uiDir: null, ...options, dataDir });
  onCleanup(() => handle.stop());
  return handle;
}

export function adminUrl(handle: EmulatorHandle): string {
  const url = handle.urls.admin;
  if (!url) throw new Error('no admin url');
  return url;
}

export const bearer = (handle: EmulatorHandle): Record<string, string> => ({
  Authorization: `Bearer ${handle.adminToken}`,
});

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http instead of fetch, because fetch will not send a forged Host header. */
export function rawRequest(
  url: string,
  options: http.RequestOptions & { body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { ...options, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Reads SSE `data:` messages from a fetch response body, one JSON object at a time. */
export async function* sseMessages(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if (data) yield JSON.parse(data);
    }
  }
}

/**
 * A loopback port nothing listens on and no other test will be handed: it lies below the kernel's
 * ephemeral range, which is where every `listen(0)` and every outgoing connection takes its port from.
 * A port freed from `listen(0)` is not enough: a test running in parallel can be given it a moment
 * later, and a connection meant to be refused then reaches that test's server instead.
 */
export async function unusedPort(): Promise<number> {
  const range = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '49152');
  const ephemeralFrom = Number(/\d+/.exec(range)?.[0] ?? 49152);
  const low = 10_000;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * Math.max(1, ephemeralFrom - low));
    const server = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!free) continue;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }
  throw new Error(`no unused loopback port found between ${low} and ${ephemeralFrom}`);
}
