// Adds a system mapping to a location, checked field by field with the workspace schema before saving.
import { useState, type ReactNode } from 'react';
import type { SystemMapping } from '../../../app/workspace/schema.js';
import { Field } from '../../components/Field.js';
import {
  emptyMappingForm,
  parseMappingForm,
  type FieldErrors,
  type MappingForm,
} from './cloud-connector-model.js';

interface Props {
  location: string;
  onAdd: (mapping: SystemMapping) => void;
}

const TEXT_FIELDS: [keyof MappingForm, string, string][] = [
  ['virtualHost', 'Virtual host', 's4.virtual'],
  ['virtualPort', 'Virtual port', '44300'],
  ['internalHost', 'Internal host', '127.0.0.1 or system:S4D'],
  ['internalPort', 'Internal port', 'empty for a simulated system'],
];

const CHOICES: [keyof MappingForm, string, string[]][] = [
  ['protocol', 'Protocol', ['HTTP', 'HTTPS', 'TCP']],
  ['backendTrust', 'Backend trust (HTTPS)', ['verify', 'ignore']],
  ['hostInHeader', 'Host in request header', ['virtual', 'internal']],
  ['principalType', 'Principal type', ['None', 'X509']],
];

export function MappingFormCard({ location, onAdd }: Props): ReactNode {
  const [form, setForm] = useState<MappingForm>(emptyMappingForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (): void => {
    const parsed = parseMappingForm(form);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    setForm(emptyMappingForm());
    onAdd(parsed.mapping);
  };
  return (
    <form
      className="cc-form"
      aria-label={`Add a system mapping to ${location}`}
      onSubmit={(e) => (e.preventDefault(), submit())}
    >
      {TEXT_FIELDS.map(([key, label, placeholder]) => (
        <Field
          key={key}
          label={label}
          hint={errors[key] ? <span className="cc-error">{errors[key]}</span> : undefined}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={errors[key] !== undefined}
              className="input"
              placeholder={placeholder}
              value={form[key]}
              onChange={(e) => setForm({ ...form, [key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      {CHOICES.map(([key, label, options]) => (
        <Field key={key} label={label}>
          {({ id }) => (
            <select
              id={id}
              className="input"
              value={form[key]}
              onChange={(e) => setForm({ ...form, [key]: e.target.value })}
            >
              {options.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <button type="submit" className="button button--primary">
        Add mapping
      </button>
    </form>
  );
}
