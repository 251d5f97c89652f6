// How the CLI shows a running engine: a short human summary, or one JSON object per line.
import type { ReadyLine } from '../../app/admin-api.js';
import type { EngineEvent } from '../../app/events.js';
import type { EmulatorHandle } from '../types.js';

/**
 * `{"event":"<type>", ...}` per engine event, after the ready line. Lines are gathered and written once
 * per event-loop turn: stdout to a pipe is synchronous on Linux, and a write per proxied request made
 * the CLI's own output the bottleneck under load. Returns a flush for the final line.
 */
export function printJsonEvents(
  handle: EmulatorHandle,
  write: (text: string) => unknown = (text) => process.stdout.write(text),
): () => void {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    write(text);
  };
  handle.onAny((event: EngineEvent) => {
    const { type, ...rest } = event;
    pending.push(`${JSON.stringify({ event: type, ...rest })}\n`);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  return flush;
}

export function printHuman(handle: EmulatorHandle, ready: ReadyLine): void {
  const status = handle.status();
  const ws = status.workspace;
  const lines = [
    `btp-emulator ${status.version} — workspace "${ws.name}" (${ws.path ?? 'built-in demo'})`,
    ...status.services.map((s) => `  ${s.title.padEnd(30)} ${s.url ?? s.state}`),
    `  ${'Data folder'.padEnd(30)} ${status.dataDir}`,
    ...(ws.migrated.length
      ? [`  Migrated on load: ${ws.migrated.join('; ')} (saved in the new version on the next change)`]
      : []),
    '',
    `Open the UI: ${ready.ui}`,
    '(the link works once and then sets a browser session; use --json to get the admin token for scripts)',
    'Press Ctrl+C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  handle.onAny((event) => {
    if (event.type === 'log' && event.level !== 'debug')
      process.stderr.write(`[${event.level}] ${event.message}\n`);
  });
}
