// Stand-ins for the Electron objects main's modules receive. Plain Node, so tests never load 'electron'
// (which would try to download a binary). Each fake records what the code under test did to it.
import { EventEmitter } from 'node:events';
import type { MainToWorker } from '../engine-protocol.js';
import type { UtilityChild, UtilityForker } from '../engine-host.js';

export interface FakeEvent {
  url: string;
  preventDefault(): void;
  defaultPrevented: boolean;
}

export function fakeEvent(url = ''): FakeEvent {
  const event = {
    url,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type Listener = (...args: never[]) => unknown;

/** Records listeners by event name so a test can fire them and inspect the outcome. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** A utility process child: the test plays the worker by calling reply() and exit(). */
export class FakeChild extends EventEmitter implements UtilityChild {
  readonly sent: MainToWorker[] = [];
  killed = 0;
  /** What kill() does; by default the process dies at once, like a SIGKILL. */
  onKill: () => void = () => this.exit(-1);

  postMessage(message: MainToWorker): void {
    this.sent.push(message);
  }

  kill(): boolean {
    this.killed++;
    this.onKill();
    return true;
  }

  reply(message: unknown): void {
    this.emit('message', message);
  }

  exit(code: number): void {
    this.emit('exit', code);
  }
}

export class FakeUtilityProcess implements UtilityForker {
  readonly forks: { modulePath: string; args: string[] | undefined; options: unknown }[] = [];
  readonly children: FakeChild[] = [];

  fork(modulePath: string, args?: string[], options?: unknown): FakeChild {
    const child = new FakeChild();
    this.forks.push({ modulePath, args, options });
    this.children.push(child);
    return child;
  }

  get child(): FakeChild {
    const child = this.children.at(-1);
    if (!child) throw new Error('nothing was forked');
    return child;
  }
}
