// Loads one admin resource for a page and loads it again when the event stream says it changed.
// A `status` event starts every (re)connection, so data missed while disconnected is fetched then too.
// The last good data stays on screen during a reload, so a live update never flashes an empty card.
import { useCallback, useEffect, useState } from 'react';
import type { EngineEventType } from '../../app/events.js';
import { asError } from '../api/admin-error.js';
import type { AdminClient } from '../api/client.js';
import { useEngine } from './EngineProvider.js';

export interface AdminQuery<T> {
  /** Null until the first load succeeds. */
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
 * `load` must be stable (defined outside the component); `reloadOn` names the events after which
 * the resource may have changed.
 */
export function useAdminQuery<T>(
  load: (client: AdminClient) => Promise<T>,
  reloadOn: readonly EngineEventType[],
): AdminQuery<T> {
  const { client, subscribe } = useEngine();
  const [state, setState] = useState<QueryState<T>>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const reloadKey = reloadOn.join(' ');

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    void load(client).then(
      (data) => {
        if (current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ data: previous.data, error: asError(error), loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [client, load, generation]);

  useEffect(() => {
    const types = new Set(reloadKey.split(' '));
    return subscribe((event) => {
      if (types.has(event.type)) reload();
    });
  }, [subscribe, reload, reloadKey]);

  return { ...state, reload };
}
