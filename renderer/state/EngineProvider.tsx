// Owns the single event-stream subscription for the whole window and shares its state, so the
// header indicator and every page see the same engine at the same moment. Pages that keep their own
// data (bindings, signing keys) listen to the same stream through `subscribe` instead of opening another.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { EngineEvent } from '../../app/events.js';
import type { AdminClient } from '../api/client.js';
import {
  INITIAL_CONNECTION,
  subscribeToEvents,
  type BackoffPolicy,
  type ConnectionStatus,
  type EventSubscription,
} from '../api/event-stream.js';
import { INITIAL_VIEW, reduceEngineEvent, type EngineView } from './engine-view.js';

export interface EngineContextValue {
  client: AdminClient;
  view: EngineView;
  connection: ConnectionStatus;
  retryNow: () => void;
  /** Calls `listener` with every validated event (as the view gets them); returns the unsubscribe. */
  subscribe: (listener: EngineEventListener) => () => void;
}

export type EngineEventListener = (event: EngineEvent) => void;

const EngineContext = createContext<EngineContextValue | null>(null);

interface EngineProviderProps {
  client: AdminClient;
  backoff?: Partial<BackoffPolicy>;
  children: ReactNode;
}

export function EngineProvider({ client, backoff, children }: EngineProviderProps): ReactNode {
  const [view, dispatch] = useReducer(reduceEngineEvent, INITIAL_VIEW);
  const [connection, setConnection] = useState<ConnectionStatus>(INITIAL_CONNECTION);
  const subscription = useRef<EventSubscription | null>(null);
  const listeners = useRef(new Set<EngineEventListener>());

  useEffect(() => {
    const sub = subscribeToEvents(client, {
      onEvent: (event) => {
        dispatch(event);
        for (const listener of [...listeners.current]) listener(event);
      },
      onStatus: setConnection,
      onInvalidEvent: (data, error) => console.warn(error.message, data, error.cause),
      backoff,
    });
    subscription.current = sub;
    return () => sub.close();
    // The backoff policy is fixed for the life of the window; only a new client resubscribes.
  }, [client]);

  const subscribe = useCallback((listener: EngineEventListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo(
    () => ({ client, view, connection, retryNow: () => subscription.current?.retryNow(), subscribe }),
    [client, view, connection, subscribe],
  );
  return <EngineContext value={value}>{children}</EngineContext>;
}

export function useEngine(): EngineContextValue {
  const value = useContext(EngineContext);
  if (!value) throw new Error('useEngine() needs an <EngineProvider> above it.');
  return value;
}
