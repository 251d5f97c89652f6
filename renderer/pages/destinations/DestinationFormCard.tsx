// Creates or edits one destination. The engine validates the whole destination on save and names each
// wrong property; those problems are shown as they come back, beside the form.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { DestinationLevel, DestinationList } from '../../../app/destination/api.js';
import { DESTINATION_TYPES, HTTP_AUTHENTICATIONS, PROXY_TYPES } from '../../../app/destination/rules.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';
import {
  authFields,
  FIELD_LABELS,
  SECRET_FIELDS,
  toProperties,
  type DestinationForm,
} from './destination-form-model.js';

interface Props {
  initial: DestinationForm;
  /** The name being edited; null for a new destination. */
  editing: string | null;
  onSaved: (list: DestinationList, level: DestinationLevel, name: string) => void;
  onCancel: () => void;
}

const AUTH_BY_TYPE: Record<string, readonly string[]> = {
  HTTP: HTTP_AUTHENTICATIONS,
  MAIL: ['NoAuthentication', 'BasicAuthentication'],
  LDAP: ['NoAuthentication', 'BasicAuthentication'],
};

function Select(props: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
  disabled?: boolean;
}): ReactNode {
  return (
    <Field label={props.label}>
      {({ id }) => (
        <select
          id={id}
          className="input"
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Text(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  secret?: boolean;
  hint?: string;
}): ReactNode {
  return (
    <Field label={props.label} {...(props.hint === undefined ? {} : { hint: props.hint })}>
      {({ id, describedBy }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          className="input"
          type={props.secret ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function DestinationFormCard({ initial, editing, onSaved, onCancel }: Props): ReactNode {
  const { client } = useEngine();
  const [form, setForm] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const v = form.values;
  const set = (key: string) => (value: string) =>
    setForm((f) => ({ ...f, values: { ...f.values, [key]: value } }));
  const type = v.Type ?? 'HTTP';
  const auths = AUTH_BY_TYPE[type];

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const properties = toProperties(form);
    setBusy(true);
    setError(null);
    try {
      const list = await client.saveDestination(form.level, editing ?? properties.Name ?? '', properties);
      onSaved(list, form.level, properties.Name ?? '');
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  const title = editing === null ? 'New destination' : `Edit destination ${editing}`;
  return (
    <section className="card destination-form" aria-labelledby="destination-form-title">
      <h2 className="card__title" id="destination-form-title">
        {title}
      </h2>
      <form className="form" aria-labelledby="destination-form-title" onSubmit={(e) => void submit(e)}>
        <div className="form__row">
          <Select
            label="Level"
            value={form.level}
            options={['subaccount', 'instance']}
            disabled={editing !== null}
            onChange={(level) => setForm((f) => ({ ...f, level: level as DestinationLevel }))}
          />
          <Text label="Name" value={v.Name ?? ''} onChange={set('Name')} />
          <Select label="Type" value={type} options={DESTINATION_TYPES} onChange={set('Type')} />
        </div>
        <div className="form__row">
          {type === 'HTTP' || type === 'LDAP' ? (
            <Text label="URL" value={v.URL ?? ''} onChange={set('URL')} />
          ) : null}
          <Select
            label="Proxy type"
            value={v.ProxyType ?? 'Internet'}
            options={PROXY_TYPES}
            onChange={set('ProxyType')}
          />
          {v.ProxyType === 'OnPremise' ? (
            <Text
              label="Location ID"
              value={v.CloudConnectorLocationId ?? ''}
              onChange={set('CloudConnectorLocationId')}
              hint="Empty: the Cloud Connector without a location ID."
            />
          ) : null}
        </div>
        <div className="form__row">
          {auths ? (
            <Select
              label="Authentication"
              value={v.Authentication ?? auths[0] ?? ''}
              options={auths}
              onChange={set('Authentication')}
            />
          ) : null}
          {authFields(type, v.Authentication ?? '').map((key) => (
            <Text
              key={key}
              label={FIELD_LABELS[key] ?? key}
              value={v[key] ?? ''}
              onChange={set(key)}
              secret={SECRET_FIELDS.has(key)}
            />
          ))}
        </div>
        <div className="form__row">
          <Text label="sap-client" value={v['sap-client'] ?? ''} onChange={set('sap-client')} />
          <Text label="Description" value={v.Description ?? ''} onChange={set('Description')} />
        </div>
        <Field
          label="Additional properties"
          hint="One name=value per line, e.g. WebIDEUsage=odata_gen or URL.headers.x-api-key=…"
        >
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              className="input input--mono destination-form__additional"
              rows={4}
              spellCheck={false}
              value={form.additional}
              onChange={(e) => setForm((f) => ({ ...f, additional: e.target.value }))}
            />
          )}
        </Field>
        {error ? <ErrorNotice title="The destination was not saved" error={error} /> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
