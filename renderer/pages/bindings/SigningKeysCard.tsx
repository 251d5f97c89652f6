// The XSUAA signing keys and their rotation. Rotation is staged like BTP's: a new key is published in
// the JWKS at once but signs only after apps have refreshed their cached JWKS, and an old key stays
// published until every token it signed has expired. Updates live on `keys-rotated`, and reloads by
// itself when a pending key takes over or an old one leaves the JWKS (the engine sends no event then).
import { useEffect, useState, type ReactNode } from 'react';
import type { SigningKeyInfo } from '../../../app/admin-api.js';
import { asError } from '../../api/admin-error.js';
import type { AdminClient } from '../../api/client.js';
import { ErrorNotice, LoadError } from '../../components/ErrorNotice.js';
import { RotateIcon } from '../../components/icons.js';
import { formatRelative, formatTimestamp } from '../../format/time.js';
import { useEngine } from '../../state/EngineProvider.js';
import { useAdminQuery } from '../../state/use-admin-query.js';
import { useNow } from '../../state/use-now.js';

const loadKeys = (client: AdminClient): Promise<SigningKeyInfo[]> => client.signingKeys();
const RELOAD_ON = ['keys-rotated', 'status'] as const;

type RotateState =
  | { phase: 'idle' }
  | { phase: 'confirming' }
  | { phase: 'busy' }
  | { phase: 'done'; key: SigningKeyInfo }
  | { phase: 'failed'; error: Error };

export function SigningKeysCard(): ReactNode {
  const { client } = useEngine();
  const keys = useAdminQuery(loadKeys, RELOAD_ON);
  const [rotation, setRotation] = useState<RotateState>({ phase: 'idle' });
  useReloadAtNextChange(keys.data, keys.reload);

  const rotate = async (immediate: boolean): Promise<void> => {
    setRotation({ phase: 'busy' });
    try {
      const key = await client.rotateSigningKey(immediate ? { immediate: true } : {});
      setRotation({ phase: 'done', key });
      keys.reload();
    } catch (error) {
      setRotation({ phase: 'failed', error: asError(error) });
    }
  };

  return (
    <section className="card card--flush" aria-labelledby="keys-card-title">
      <div className="card__header">
        <h2 className="card__title" id="keys-card-title">
          Signing keys
        </h2>
        {rotation.phase === 'confirming' ? null : (
          <button
            type="button"
            className="button"
            disabled={rotation.phase === 'busy'}
            onClick={() => setRotation({ phase: 'confirming' })}
          >
            <RotateIcon />
            Rotate signing key…
          </button>
        )}
      </div>
      <p className="card__lead card__lead--padded">
        XSUAA signs every token with the current key. Apps verify tokens against the published keys (JWKS) or
        the <code>verificationkey</code> of their binding.
      </p>
      {rotation.phase === 'confirming' ? (
        <ConfirmRotation
          onRotate={(immediate) => void rotate(immediate)}
          onCancel={() => setRotation({ phase: 'idle' })}
        />
      ) : null}
      <p className="card__status" role="status">
        {rotation.phase === 'busy' ? 'Rotating the signing key…' : null}
        {rotation.phase === 'done' ? <RotationOutcome key={rotation.key.kid} info={rotation.key} /> : null}
      </p>
      {rotation.phase === 'failed' ? (
        <div className="card__notice">
          <ErrorNotice title="The signing key was not rotated" error={rotation.error} />
        </div>
      ) : null}
      {keys.error ? (
        <div className="card__notice">
          <LoadError title="The signing keys could not be loaded" error={keys.error} />
        </div>
      ) : null}
      {keys.data ? <KeysTable keys={keys.data} /> : null}
    </section>
  );
}

/** Reloads just after the earliest future activation or removal, when the key states change. */
function useReloadAtNextChange(keys: SigningKeyInfo[] | null, reload: () => void): void {
  const next = Math.min(
    ...(keys ?? [])
      .flatMap((k) => [
        Date.parse(k.activatesAt),
        k.removedAt === null ? Number.NaN : Date.parse(k.removedAt),
      ])
      .filter((t) => t > Date.now()),
  );
  useEffect(() => {
    if (!Number.isFinite(next)) return;
    // setTimeout holds at most ~24.8 days; a longer wait is picked up by a later reload.
    const timer = setTimeout(reload, Math.min(next - Date.now() + 1000, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [next, reload]);
}

function RotationOutcome({ info }: { info: SigningKeyInfo }): ReactNode {
  if (info.current) return `${info.kid} now signs new tokens.`;
  return (
    <>
      {info.kid} is published and signs new tokens from{' '}
      <time dateTime={info.activatesAt}>{formatTimestamp(info.activatesAt)}</time>.
    </>
  );
}

interface ConfirmRotationProps {
  onRotate: (immediate: boolean) => void;
  onCancel: () => void;
}

function ConfirmRotation({ onRotate, onCancel }: ConfirmRotationProps): ReactNode {
  return (
    <div className="confirm" role="group" aria-labelledby="confirm-rotation-title">
      <p className="confirm__title" id="confirm-rotation-title">
        Rotate the signing key?
      </p>
      <p>
        <strong>Rotate</strong> publishes a new key now and signs with it after about half an hour, once
        running apps have refreshed their cached JWKS (@sap/xssec keeps it for 30 minutes), as BTP does.
      </p>
      <p>
        <strong>Rotate immediately</strong> signs with the new key at once: apps that cached the JWKS reject
        new tokens until they refresh. Use it to test how your app handles a rotation.
      </p>
      <p className="confirm__note">Tokens already issued stay valid either way.</p>
      <div className="confirm__actions">
        <button type="button" className="button button--primary" onClick={() => onRotate(false)}>
          Rotate
        </button>
        <button type="button" className="button" onClick={() => onRotate(true)}>
          Rotate immediately
        </button>
        {/* Focus starts on the choice that changes nothing. */}
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}

type KeyState = 'current' | 'pending' | 'retired';

function keyState(key: SigningKeyInfo): KeyState {
  if (key.current) return 'current';
  return key.retiredAt === null ? 'pending' : 'retired';
}

const STATE_ORDER: Record<KeyState, number> = { pending: 0, current: 1, retired: 2 };

function KeysTable({ keys }: { keys: SigningKeyInfo[] }): ReactNode {
  const now = useNow(30_000);
  const ordered = [...keys].sort(
    (a, b) =>
      STATE_ORDER[keyState(a)] - STATE_ORDER[keyState(b)] || b.activatesAt.localeCompare(a.activatesAt),
  );
  return (
    <table className="table" aria-labelledby="keys-card-title">
      <thead>
        <tr>
          <th scope="col">Key ID</th>
          <th scope="col">Created</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {ordered.map((key) => (
          <tr key={key.kid}>
            <th scope="row">
              <code>{key.kid}</code>
            </th>
            <td>
              <Moment iso={key.createdAt} now={now} />
            </td>
            <td>
              <KeyStatus info={key} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function KeyStatus({ info, now }: { info: SigningKeyInfo; now: number }): ReactNode {
  switch (keyState(info)) {
    case 'current':
      return (
        <span className="key-status">
          <span className="badge badge--running">
            <span className="badge__dot" aria-hidden="true" />
            Current
          </span>
          <span className="key-status__note">signs new tokens</span>
        </span>
      );
    case 'pending':
      return (
        <span className="key-status">
          <span className="badge badge--starting">
            <span className="badge__dot" aria-hidden="true" />
            Pending
          </span>
          <span className="key-status__note">
            published, starts signing <Moment iso={info.activatesAt} now={now} />
          </span>
        </span>
      );
    case 'retired':
      return (
        <span className="key-status">
          <span className="badge">Retired</span>
          {info.removedAt ? (
            <span className="key-status__note">
              leaves the JWKS <Moment iso={info.removedAt} now={now} />
            </span>
          ) : null}
        </span>
      );
  }
}

function Moment({ iso, now }: { iso: string; now: number }): ReactNode {
  return (
    <time dateTime={iso} title={formatTimestamp(iso)}>
      {formatRelative(Date.parse(iso), now)}
    </time>
  );
}
