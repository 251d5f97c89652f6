// One service binding: what it is (label, plan, tags) and its credentials. Secrets stay masked until
// the user reveals them, and while one is visible the card says so in a warning that cannot be missed.
import { useState, type ReactNode } from 'react';
import { CopyButton } from '../../components/CopyButton.js';
import { AlertIcon, EyeIcon, EyeOffIcon } from '../../components/icons.js';
import {
  credentialText,
  isLongCredential,
  isSecretCredential,
  type ServiceBinding,
} from './binding-model.js';

const MASK = '••••••••••••••••';

export function BindingCard({ binding }: { binding: ServiceBinding }): ReactNode {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string): void =>
    setRevealed((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const titleId = `binding-${binding.label}-${binding.name}`;
  const entries = Object.entries(binding.credentials);

  return (
    <article className="card card--flush binding" aria-labelledby={titleId}>
      <header className="binding__header">
        <div className="binding__identity">
          <h3 className="binding__name" id={titleId}>
            {binding.name}
          </h3>
          <BindingFacts binding={binding} />
        </div>
        <CopyButton
          value={JSON.stringify(binding.raw, null, 2)}
          label={`Copy binding ${binding.name} as JSON`}
          text="Copy JSON"
        />
      </header>
      {revealed.size > 0 ? (
        <SecretWarning binding={binding.name} keys={[...revealed]} onHide={() => setRevealed(new Set())} />
      ) : null}
      {entries.length === 0 ? (
        <p className="binding__empty">No credentials.</p>
      ) : (
        <table className="table credentials" aria-label={`Credentials of ${binding.name}`}>
          <colgroup>
            <col className="credentials__key" />
            <col />
            <col className="credentials__actions" />
          </colgroup>
          <tbody>
            {entries.map(([key, value]) => (
              <CredentialRow
                key={key}
                binding={binding.name}
                name={key}
                value={value}
                secret={isSecretCredential(key, value)}
                revealed={revealed.has(key)}
                onToggle={() => toggle(key)}
              />
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function BindingFacts({ binding }: { binding: ServiceBinding }): ReactNode {
  return (
    <dl className="binding__facts">
      <div>
        <dt>Label</dt>
        <dd>
          <code>{binding.label}</code>
        </dd>
      </div>
      <div>
        <dt>Plan</dt>
        <dd>{binding.plan === '' ? <span className="muted">none</span> : <code>{binding.plan}</code>}</dd>
      </div>
      <div>
        <dt>Tags</dt>
        <dd className="binding__tags">
          {binding.tags.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            binding.tags.map((tag) => (
              <span className="tag tag--neutral" key={tag}>
                {tag}
              </span>
            ))
          )}
        </dd>
      </div>
    </dl>
  );
}

function SecretWarning(props: { binding: string; keys: string[]; onHide: () => void }): ReactNode {
  const names = props.keys.join(', ');
  return (
    <div className="secret-warning" role="alert">
      <AlertIcon />
      <p>
        <strong>Secret visible:</strong> {names} of {props.binding} {props.keys.length > 1 ? 'are' : 'is'}{' '}
        shown on screen. Hide {props.keys.length > 1 ? 'them' : 'it'} before you share your screen or take a
        screenshot.
      </p>
      <button type="button" className="button button--small" onClick={props.onHide}>
        Hide secrets
      </button>
    </div>
  );
}

interface CredentialRowProps {
  binding: string;
  name: string;
  value: unknown;
  secret: boolean;
  revealed: boolean;
  onToggle: () => void;
}

function CredentialRow({ binding, name, value, secret, revealed, onToggle }: CredentialRowProps): ReactNode {
  const text = credentialText(value);
  const masked = secret && !revealed;
  return (
    <tr className={secret ? 'credential credential--secret' : 'credential'}>
      <th scope="row">
        <code>{name}</code>
      </th>
      <td className="credential__value">
        {masked ? (
          <span className="secret-mask" aria-label={`${name} hidden`}>
            {MASK}
          </span>
        ) : (
          <CredentialText name={name} text={text} long={isLongCredential(value)} />
        )}
      </td>
      <td className="credential__actions">
        {secret ? (
          <button
            type="button"
            className="button button--small"
            aria-pressed={revealed}
            aria-label={`${revealed ? 'Hide' : 'Show'} ${name} of ${binding}`}
            onClick={onToggle}
          >
            {revealed ? <EyeOffIcon /> : <EyeIcon />}
            {revealed ? 'Hide' : 'Show'}
          </button>
        ) : null}
        <CopyButton value={text} label={`Copy ${name} of ${binding}`} />
      </td>
    </tr>
  );
}

function CredentialText({ name, text, long }: { name: string; text: string; long: boolean }): ReactNode {
  if (!long) return <code className="credential__text">{text}</code>;
  const what = name === 'verificationkey' ? 'PEM public key' : text.startsWith('{') ? 'JSON' : 'Text';
  return (
    <details className="credential__long">
      <summary>
        {what}, {text.length.toLocaleString('en')} characters
      </summary>
      <pre>{text}</pre>
    </details>
  );
}
