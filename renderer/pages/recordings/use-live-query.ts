// Loads a recording resource and loads it again when an engine event says it changed. Recording and
// replay emit an event per request, so reloads are coalesced: at most one load in flight, and events
// that arrive meanwhile cause one more load after a short gap instead of one load each.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineEvent } from '../../../app/events.js';
import { asError } from '../../api/admin-error.js';
import type { AdminClient } from '../../api/client.js';
import { useEngine } from '../../state/EngineProvider.js';

/** Pause between two event-driven loads, so a burst of requests does not keep the engine busy serving the UI. */
export const RELOAD_GAP_MS = 250;

export interface LiveQuery<T> {
  /** Null until the first load succeeds (and again after `key` changes). */
  data: T | null;
  /** The last load's failure; cleared by the next success. */
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

interface QueryState<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

/**
 * `key` names what is loaded: a new key starts over with no data. `load` and `affects` may change on
 * every render; the latest ones are used.
 */
export function useLiveQuery<T>(
  key: string,
  load: (client: AdminClient) => Promise<T>,
  affects: (event: EngineEvent) => boolean,
): LiveQuery<T> {
  const { client, subscribe } = useEngine();
  const [state, setState] = useState<QueryState<T>>({ data: null, error: null, loading: true });
  const latest = useRef({ load, affects });
  latest.current = { load, affects };
  const runRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let active = true;
    let inFlight = false;
    let dirty = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ data: null, error: null, loading: true });
    const run = (): void => {
      if (!active || timer !== undefined) return;
      if (inFlight) {
        dirty = true;
        return;
      }
      inFlight = true;
      setState((previous) => ({ ...previous, loading: true }));
      void latest.current
        .load(client)
        .then(
          (data) => active && setState({ data, error: null, loading: false }),
          (e: unknown) =>
            active && setState((previous) => ({ data: previous.data, error: asError(e), loading: false })),
        )
        .finally(() => {
          inFlight = false;
          if (!active || !dirty) return;
          dirty = false;
          timer = setTimeout(() => {
            timer = undefined;
            run();
          }, RELOAD_GAP_MS);
        });
    };
    runRef.current = run;
    run();
    const unsubscribe = subscribe((event) => {
      if (latest.current.affects(event)) run();
    });
    return () => {
      active = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [client, subscribe, key]);

  const reload = useCallback(() => runRef.current(), []);
  return { ...state, reload };
}
