import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../app/events.js';
import type { EmulatorHandle } from '../types.js';
import { printJsonEvents } from './output.js';

describe('--json event lines', () => {
  it('gathers the events of one turn into one write, each a line of its own, and flushes on demand', async () => {
    let listener: ((e: EngineEvent) => void) | undefined;
    const handle = {
      onAny: (l: (e: EngineEvent) => void) => ((listener = l), () => undefined),
    } as unknown as EmulatorHandle;
    const writes: string[] = [];
    const flush = printJsonEvents(handle, (text) => writes.push(text));
    for (const message of ['a', 'b', 'c']) listener!({ type: 'log', at: 'now', level: 'info', message });
    expect(writes).toEqual([]); // nothing written synchronously on the hot path
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(1);
    expect(
      writes[0]!
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { event: string; message: string }).message),
    ).toEqual(['a', 'b', 'c']);
    listener!({ type: 'log', at: 'now', level: 'info', message: 'd' });
    flush();
    expect(writes).toHaveLength(2);
    flush();
    expect(writes).toHaveLength(2);
  });
});
