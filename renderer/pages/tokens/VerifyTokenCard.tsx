// Decodes any JWT and checks it against the emulated issuer's published keys, optionally for one
// client's audience. The verdict names every reason a token fails, not just the first.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ClientSummary, VerifyTokenResponse } from '../../../app/admin-api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { ShieldAlertIcon, ShieldCheckIcon } from '../../components/icons.js';
import { useEngine } from '../../state/EngineProvider.js';
import { ClaimsTable } from './ClaimsTable.js';
import { PROBLEM_TITLES } from './claims.js';

const NO_AUDIENCE = '';

export interface VerifyRequestSeed {
  token: string;
  /** Client id the token should be meant for. */
  audience: string;
}

interface VerifyTokenCardProps {
  clients: ClientSummary[];
  /** A token handed over from the issue form: filled in and verified at once. */
  seed?: VerifyRequestSeed | null;
}

interface Verified {
  result: VerifyTokenResponse;
  audience: ClientSummary | string | null;
}

export function VerifyTokenCard({ clients, seed = null }: VerifyTokenCardProps): ReactNode {
  const { client: admin } = useEngine();
  const [token, setToken] = useState(seed?.token ?? '');
  const [audience, setAudience] = useState(seed?.audience ?? NO_AUDIENCE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [verified, setVerified] = useState<Verified | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const verify = async (jwt: string, aud: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await admin.verifyToken({
        token: jwt.trim(),
        ...(aud === NO_AUDIENCE ? {} : { audience: aud }),
      });
      const known = clients.find((c) => c.clientId === aud);
      setVerified({ result, audience: aud === NO_AUDIENCE ? null : (known ?? aud) });
    } catch (failure) {
      setVerified(null);
      setError(asError(failure));
    } finally {
      setBusy(false);
    }
  };

  // A seeded card was just created for a handed-over token: verify it and bring the panel into view.
  useEffect(() => {
    if (!seed) return;
    heading.current?.focus();
    void verify(seed.token, seed.audience);
    // Runs once per seed: the page gives every hand-over a fresh card (key).
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (token.trim() !== '') void verify(token, audience);
  };

  return (
    <section className="card" aria-labelledby="verify-card-title">
      <h2 className="card__title" id="verify-card-title" ref={heading} tabIndex={-1}>
        Decode &amp; verify
      </h2>
      <p className="card__lead">
        Paste any JWT to see its header and claims and to check it against the keys this emulator&apos;s XSUAA
        publishes.
      </p>
      <form className="form" aria-labelledby="verify-card-title" onSubmit={submit}>
        <Field label="JWT">
          {({ id }) => (
            <textarea
              id={id}
              className="input input--mono"
              rows={5}
              spellCheck={false}
              autoComplete="off"
              required
              placeholder="eyJhbGciOiJSUzI1NiIs…"
              value={token}
              onChange={(event) => {
                setToken(event.target.value);
                setVerified(null);
                setError(null);
              }}
            />
          )}
        </Field>
        <div className="form__row form__row--end">
          <Field label="Audience" hint="Checks aud and cid the way @sap/xssec does.">
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                className="input"
                value={audience}
                onChange={(event) => {
                  setAudience(event.target.value);
                  setVerified(null);
                }}
              >
                <option value={NO_AUDIENCE}>Any: no audience check</option>
                {clients.map((c) => (
                  <option key={c.clientId} value={c.clientId}>
                    Meant for {c.binding}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy || token.trim() === ''}>
              {busy ? 'Verifying…' : 'Verify'}
            </button>
          </div>
        </div>
      </form>
      {error ? <ErrorNotice title="The token could not be checked" error={error} /> : null}
      {verified ? <VerifyResult verified={verified} /> : null}
    </section>
  );
}

function VerifyResult({ verified }: { verified: Verified }): ReactNode {
  const { result, audience } = verified;
  return (
    <div className="verify-result">
      {result.valid ? (
        <ValidVerdict result={result} audience={audience} />
      ) : (
        <InvalidVerdict result={result} />
      )}
      {result.header ? (
        <div className="verify-result__part">
          <h3 className="verify-result__title">Header</h3>
          <ClaimsTable claims={result.header} label="Token header" nameHeading="Parameter" />
        </div>
      ) : null}
      {result.claims ? (
        <div className="verify-result__part">
          <h3 className="verify-result__title">Claims</h3>
          <ClaimsTable claims={result.claims} label="Token claims" />
        </div>
      ) : null}
    </div>
  );
}

function ValidVerdict({ result, audience }: Verified): ReactNode {
  const kid = typeof result.header?.kid === 'string' ? result.header.kid : null;
  const target = audience === null ? null : typeof audience === 'string' ? audience : audience.binding;
  return (
    <div className="verdict verdict--valid" role="status">
      <ShieldCheckIcon />
      <div>
        <p className="verdict__title">Valid</p>
        <p>
          Signed with the issuer&apos;s key {kid ? <code>{kid}</code> : null}, not expired
          {target === null ? ', audience not checked.' : `, and meant for ${target}.`}
        </p>
      </div>
    </div>
  );
}

function InvalidVerdict({ result }: { result: VerifyTokenResponse }): ReactNode {
  return (
    <div className="verdict verdict--invalid" role="alert">
      <ShieldAlertIcon />
      <div>
        <p className="verdict__title">Invalid</p>
        <ul className="verdict__problems">
          {result.problems.map((problem) => (
            <li key={problem.code}>
              <strong>{PROBLEM_TITLES[problem.code]}:</strong> {problem.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
