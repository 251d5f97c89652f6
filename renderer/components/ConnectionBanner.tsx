// Explains a broken connection in words a user can act on. Rendered above the page content; the
// page keeps showing the last known state underneath.
import type { ReactNode } from 'react';
import type { ConnectionStatus } from '../api/event-stream.js';
import { useNow } from '../state/use-now.js';
import { AlertIcon, LockIcon, PowerIcon } from './icons.js';

interface ConnectionBannerProps {
  connection: ConnectionStatus;
  baseUrl: string;
  stopping: boolean;
  hasSnapshot: boolean;
  onRetry: () => void;
}

export function ConnectionBanner(props: ConnectionBannerProps): ReactNode {
  const { connection, stopping } = props;
  if (connection.state === 'unauthorized')
    return <UnauthorizedBanner baseUrl={props.baseUrl} onRetry={props.onRetry} />;
  if (connection.state === 'unreachable') return <UnreachableBanner {...props} />;
  if (stopping) {
    return (
      <Banner tone="info" icon={<PowerIcon />} title="The engine is shutting down">
        <p>Services are stopping. This page reconnects when the engine starts again.</p>
      </Banner>
    );
  }
  return null;
}

function UnauthorizedBanner({ baseUrl, onRetry }: { baseUrl: string; onRetry: () => void }): ReactNode {
  return (
    <Banner tone="warning" icon={<LockIcon />} title="This browser is not signed in to the engine">
      <p>
        Open the link printed by <code>btp-emulator start</code> — it contains a one-time token that signs
        this browser in. Each link works once; the line looks like this:
      </p>
      <pre className="banner__example">Open the UI: {baseUrl}/?token=…</pre>
      <div className="banner__actions">
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    </Banner>
  );
}

function UnreachableBanner({ connection, baseUrl, hasSnapshot, onRetry }: ConnectionBannerProps): ReactNode {
  const now = useNow(500, connection.retryAt !== null);
  const error = connection.error;
  const detail =
    error === null || error.kind === 'network' ? (
      <>
        No answer from <code>{baseUrl}</code>. Check that <code>btp-emulator</code> is still running.
      </>
    ) : (
      <>
        {error.message}
        {error.hint ? ` ${error.hint}` : ''}
      </>
    );
  return (
    <Banner tone="error" icon={<AlertIcon />} title="Cannot reach the engine">
      <p>{detail}</p>
      {hasSnapshot ? <p className="banner__muted">The values below are the last known state.</p> : null}
      <div className="banner__actions">
        <span className="banner__retry">
          <span className="spinner" aria-hidden="true" />
          {retryText(connection.retryAt, now)}
        </span>
        <button type="button" className="button" onClick={onRetry}>
          Retry now
        </button>
      </div>
    </Banner>
  );
}

function retryText(retryAt: number | null, now: number): string {
  if (retryAt === null) return 'Retrying now…';
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return `Retrying in ${seconds} s`;
}

interface BannerProps {
  tone: 'info' | 'warning' | 'error';
  icon: ReactNode;
  title: string;
  children: ReactNode;
}

function Banner({ tone, icon, title, children }: BannerProps): ReactNode {
  return (
    <div className={`banner banner--${tone}`} role="alert">
      <div className="banner__icon">{icon}</div>
      <div className="banner__body">
        <h2 className="banner__title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
