// Owns the single event-stream subscription for the whole window and shares its state, so the
// header indicator and every page see the same engine at the same moment.
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
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
}

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

  useEffect(() => {
    const sub = subscribeToEvents(client, {
      onEvent: dispatch,
      onStatus: setConnection,
      onInvalidEvent: (data, error) => console.warn(error.message, data, error.cause),
      backoff,
    });
    subscription.current = sub;
    return () => sub.close();
    // The backoff policy is fixed for the life of the window; only a new client resubscribes.
  }, [client]);

  const value = useMemo(
    () => ({ client, view, connection, retryNow: () => subscription.current?.retryNow() }),
    [client, view, connection],
  );
  return <EngineContext value={value}>{children}</EngineContext>;
}

export function useEngine(): EngineContextValue {
  const value = useContext(EngineContext);
  if (!value) throw new Error('useEngine() needs an <EngineProvider> above it.');
  return value;
}
