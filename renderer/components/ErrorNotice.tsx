// An admin API failure in words: the engine's message and hint, and each issue with the field it is about.
import type { ReactNode } from 'react';
import { AdminApiError } from '../api/admin-error.js';
import { useEngine } from '../state/EngineProvider.js';
import { AlertIcon } from './icons.js';

interface ErrorNoticeProps {
  /** What failed, e.g. "The token was not issued". */
  title: string;
  error: Error;
}

export function ErrorNotice({ title, error }: ErrorNoticeProps): ReactNode {
  const admin = error instanceof AdminApiError ? error : null;
  const issues = admin?.issues ?? [];
  return (
    <div className="notice notice--error" role="alert">
      <AlertIcon />
      <div className="notice__body">
        <p className="notice__title">{title}</p>
        <p>{error.message}</p>
        {issues.length > 0 ? (
          <ul className="notice__issues">
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <code>{issue.path}</code> {issue.message}
              </li>
            ))}
          </ul>
        ) : null}
        {admin?.hint ? <p className="notice__hint">{admin.hint}</p> : null}
      </div>
    </div>
  );
}

/**
 * A failed load, unless the connection banner above the page already explains it (engine
 * unreachable or not signed in): one message per cause.
 */
export function LoadError({ title, error }: ErrorNoticeProps): ReactNode {
  const { connection } = useEngine();
  const explainedByBanner =
    connection.state !== 'open' &&
    error instanceof AdminApiError &&
    (error.kind === 'network' || error.unauthorized);
  return explainedByBanner ? null : <ErrorNotice title={title} error={error} />;
}
