// Issues a token as the emulated XSUAA would: for a client alone (client credentials) or for a
// workspace user, with all or some of the scopes they may have, and a chosen lifetime.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ClientSummary, IssueTokenRequest, IssueTokenResponse } from '../../../app/admin-api.js';
import type { Workspace } from '../../../app/workspace/schema.js';
import { asError } from '../../api/admin-error.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { formatDuration, formatRelative, formatTimestamp } from '../../format/time.js';
import { useEngine } from '../../state/EngineProvider.js';
import { useNow } from '../../state/use-now.js';
import { allowedScopes } from './allowed-scopes.js';
import { ClaimsTable } from './ClaimsTable.js';
import { JwtText } from './JwtText.js';

export const CLIENT_KIND_LABELS: Record<ClientSummary['kind'], string> = {
  xsuaa: 'XSUAA app',
  destination: 'Destination service',
  connectivity: 'Connectivity service',
};

const CLIENT_CREDENTIALS = '';
const DEFAULT_LIFETIME = 'default';
const LIFETIMES: { value: string; label: string }[] = [
  { value: '300', label: '5 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '24 hours' },
  { value: '-3600', label: 'Expired an hour ago (for negative tests)' },
];

interface Issued {
  response: IssueTokenResponse;
  client: ClientSummary;
  user: string | null;
  issuedAt: number;
}

interface IssueTokenCardProps {
  clients: ClientSummary[];
  workspace: Workspace;
  /** Hands the token to the verify panel. */
  onVerify: (token: string, audience: string) => void;
}

export function IssueTokenCard({ clients, workspace, onVerify }: IssueTokenCardProps): ReactNode {
  const { client: admin } = useEngine();
  const [clientId, setClientId] = useState(clients[0]?.clientId ?? '');
  const [userName, setUserName] = useState(workspace.xsuaa.users[0]?.name ?? CLIENT_CREDENTIALS);
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [lifetime, setLifetime] = useState(DEFAULT_LIFETIME);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);

  // The workspace may change under the form: fall back to what still exists.
  const client = clients.find((c) => c.clientId === clientId) ?? clients[0];
  const user = workspace.xsuaa.users.some((u) => u.name === userName) ? userName : CLIENT_CREDENTIALS;
  const options = client ? allowedScopes(workspace, client, user === CLIENT_CREDENTIALS ? null : user) : [];
  const selected = options.map((o) => o.scope).filter((scope) => checked.has(scope));

  const toggleScope = (scope: string): void =>
    setChecked((previous) => {
      const next = new Set(previous);
      if (!next.delete(scope)) next.add(scope);
      return next;
    });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!client) return;
    const request: IssueTokenRequest = {
      client: client.clientId,
      ...(user === CLIENT_CREDENTIALS ? {} : { user }),
      ...(selected.length === 0 ? {} : { scopes: selected }),
      ...(lifetime === DEFAULT_LIFETIME ? {} : { expiresIn: Number(lifetime) }),
    };
    setBusy(true);
    setError(null);
    try {
      const response = await admin.issueToken(request);
      setIssued({ response, client, user: request.user ?? null, issuedAt: Date.now() });
    } catch (failure) {
      setIssued(null);
      setError(asError(failure));
    } finally {
      setBusy(false);
    }
  };

  if (!client) {
    return (
      <section className="card" aria-labelledby="issue-card-title">
        <h2 className="card__title" id="issue-card-title">
          Issue a token
        </h2>
        <p className="muted">The workspace has no OAuth clients to issue tokens for.</p>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="issue-card-title">
      <h2 className="card__title" id="issue-card-title">
        Issue a token
      </h2>
      <form className="form" aria-labelledby="issue-card-title" onSubmit={(event) => void submit(event)}>
        <div className="form__row">
          <Field label="Client" hint={<code>{client.clientId}</code>}>
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                className="input"
                value={client.clientId}
                onChange={(event) => {
                  setClientId(event.target.value);
                  setChecked(new Set());
                }}
              >
                {clients.map((c) => (
                  <option key={c.clientId} value={c.clientId}>
                    {c.binding} ({CLIENT_KIND_LABELS[c.kind]})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="User"
            hint={
              user === CLIENT_CREDENTIALS
                ? 'A token for the client itself.'
                : 'As if from the password grant.'
            }
          >
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                className="input"
                value={user}
                onChange={(event) => {
                  setUserName(event.target.value);
                  setChecked(new Set());
                }}
              >
                <option value={CLIENT_CREDENTIALS}>None: client credentials</option>
                {workspace.xsuaa.users.map((u) => (
                  <option key={u.name} value={u.name}>
                    {u.name} ({u.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Lifetime">
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={lifetime}
                onChange={(event) => setLifetime(event.target.value)}
              >
                <option value={DEFAULT_LIFETIME}>
                  Workspace default ({formatDuration(workspace.xsuaa.tokenLifetimeSeconds)})
                </option>
                {LIFETIMES.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="scopes">
          <legend className="field__label">Scopes</legend>
          <p className="field__hint">
            Leave all unchecked for every scope this {user === CLIENT_CREDENTIALS ? 'client' : 'user'} may
            have.
          </p>
          <div className="scopes__list">
            {options.map((option) => (
              <label className="check" key={option.scope}>
                <input
                  type="checkbox"
                  checked={checked.has(option.scope)}
                  onChange={() => toggleScope(option.scope)}
                />
                <code>{option.scope}</code>
                {option.description ? <span className="check__description">{option.description}</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Issuing…' : 'Issue token'}
          </button>
        </div>
      </form>
      <p className="visually-hidden" role="status">
        {issued
          ? `Issued a token ${issued.user === null ? 'for' : `for ${issued.user} via`} ${issued.client.binding}.`
          : ''}
      </p>
      {error ? <ErrorNotice title="The token was not issued" error={error} /> : null}
      {issued ? <IssuedToken issued={issued} onVerify={onVerify} /> : null}
    </section>
  );
}

function IssuedToken({
  issued,
  onVerify,
}: {
  issued: Issued;
  onVerify: IssueTokenCardProps['onVerify'];
}): ReactNode {
  const now = useNow(15_000);
  const { response, client, user } = issued;
  const exp =
    typeof response.claims.exp === 'number'
      ? response.claims.exp * 1000
      : issued.issuedAt + response.expires_in * 1000;
  const title = user === null ? `Client-credentials token for ${client.binding}` : `Token for ${user}`;
  return (
    <section className="issued" aria-labelledby="issued-token-title">
      <div className="issued__header">
        <h3 className="issued__title" id="issued-token-title">
          {title}
        </h3>
        <span className="issued__meta">
          via {client.binding} · {exp <= now ? 'expired' : 'expires'}{' '}
          <time dateTime={new Date(exp).toISOString()} title={formatTimestamp(new Date(exp).toISOString())}>
            {formatRelative(exp, now)}
          </time>
        </span>
      </div>
      <JwtText token={response.access_token} label="Issued access token" />
      <div className="issued__actions">
        <CopyButton value={response.access_token} label="Copy access token" text="Copy token" />
        <button
          type="button"
          className="button"
          onClick={() => onVerify(response.access_token, client.clientId)}
        >
          Verify this token
        </button>
        {response.refresh_token ? (
          <CopyButton value={response.refresh_token} label="Copy refresh token" text="Copy refresh token" />
        ) : null}
      </div>
      <ClaimsTable claims={response.claims} label="Claims of the issued token" />
    </section>
  );
}
