// One typed event source: the admin event stream, the CLI's --json lines and (later) the audit log
// all subscribe here, so every surface sees the same events in the same order.
import type { EngineEvent, EngineEventOf, EngineEventType } from '../../app/events.js';

type AnyListener = (event: EngineEvent) => void;

export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit(event: EngineEvent): void {
    // The proxy emits per request: with nobody listening (headless), not even a copy of the empty set.
    if (this.listeners.size === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A faulty subscriber (a closed stream, a UI bug) must never break the engine or other subscribers.
      }
    }
  }

  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<T extends EngineEventType>(type: T, listener: (event: EngineEventOf<T>) => void): () => void {
    return this.onAny((event) => {
      if (event.type === type) listener(event as EngineEventOf<T>);
    });
  }

  get size(): number {
    return this.listeners.size;
  }
}

export const now = (): string => new Date().toISOString();
