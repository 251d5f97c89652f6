// Latency and faults of a system or service (and, for a service, latency per entity set and whether
// changes must send If-Match): a draft edited here and saved into the workspace, where the engine
// validates it (a refused value comes back as the page's "not saved" notice with the field named).
import { useState, type ReactNode } from 'react';
import type { EntitySetLatencyConfig, FaultConfig, LatencyConfig } from '../../../app/workspace/schema.js';
import { Field, NumberField } from '../../components/Field.js';
import { describeFault, describeLatency, describeSetLatency, type Tuning } from './systems-model.js';

type Distribution = 'none' | LatencyConfig['distribution'];
type Kind = FaultConfig['kind'];

interface TuningEditorProps {
  /** A service also has latency per entity set and the If-Match requirement. */
  scope: 'system' | 'service';
  title: string;
  tuning: Tuning | null;
  entitySets: string[];
  onSave: (tuning: Tuning) => void;
}

const num = (text: string): number => Math.max(0, Math.round(Number(text) || 0));

function latencyFrom(d: Distribution, a: string, b: string): LatencyConfig | undefined {
  if (d === 'fixed') return { distribution: 'fixed', ms: num(a) };
  if (d === 'uniform') return { distribution: 'uniform', minMs: num(a), maxMs: num(b) };
  if (d === 'normal') return { distribution: 'normal', meanMs: num(a), stdDevMs: num(b) };
  return undefined;
}

function latencyLabels(d: Distribution): [string, string] {
  if (d === 'uniform') return ['Min ms', 'Max ms'];
  if (d === 'normal') return ['Mean ms', 'Std dev ms'];
  return ['Ms', ''];
}

function latencyTexts(l: LatencyConfig | undefined): [string, string] {
  if (!l) return ['', ''];
  if (l.distribution === 'fixed') return [String(l.ms), ''];
  if (l.distribution === 'uniform') return [String(l.minMs), String(l.maxMs)];
  return [String(l.meanMs), String(l.stdDevMs)];
}

export function TuningEditor({ scope, title, tuning, entitySets, onSave }: TuningEditorProps): ReactNode {
  const [distribution, setDistribution] = useState<Distribution>(tuning?.latency?.distribution ?? 'none');
  const [[a, b], setTexts] = useState(latencyTexts(tuning?.latency));
  const [faults, setFaults] = useState<FaultConfig[]>(tuning?.faults ?? []);
  const [kind, setKind] = useState<Kind>('error');
  const [status, setStatus] = useState('500');
  const [message, setMessage] = useState('Simulated error');
  const [rate, setRate] = useState('100');
  const [sequence, setSequence] = useState('');
  const [entitySet, setEntitySet] = useState('');
  const [setLatencies, setSetLatencies] = useState<EntitySetLatencyConfig[]>(tuning?.entitySetLatency ?? []);
  const [requireIfMatch, setRequireIfMatch] = useState(tuning?.requireIfMatch ?? false);
  const forService = scope === 'service';

  if (!tuning) return <p className="card__lead card__lead--padded muted">Loading the workspace…</p>;

  const addFault = (): void => {
    const seq = sequence
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 1);
    const fault: FaultConfig = {
      kind,
      status: Number(status) || 500,
      code: '/IWBEP/CM_MGW_RT/000',
      message,
      ...(seq.length > 0 ? { sequence: seq } : { rate: Math.min(1, Math.max(0, Number(rate) / 100)) }),
      ...(entitySet ? { entitySet } : {}),
    };
    setFaults([...faults, fault]);
  };
  return (
    <form
      className="sys-tuning"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        const latency = latencyFrom(distribution, a, b);
        onSave(
          forService
            ? { latency, faults, entitySetLatency: setLatencies, requireIfMatch }
            : { latency, faults },
        );
      }}
    >
      <h3 className="sys-tuning__title">{title}</h3>
      <p className="muted">
        Now: latency {describeLatency(tuning.latency)}
        {forService ? `, ${tuning.entitySetLatency?.length ?? 0} per entity set` : ''}, {tuning.faults.length}{' '}
        fault(s){forService ? `, If-Match ${tuning.requireIfMatch ? 'required' : 'optional'}` : ''}.
      </p>
      <div className="sys-grid">
        <LatencyInputs
          label="Latency"
          allowNone
          distribution={distribution}
          onDistribution={setDistribution}
          texts={[a, b]}
          onTexts={setTexts}
        />
      </div>
      {forService ? (
        <SetLatencyEditor entitySets={entitySets} value={setLatencies} onChange={setSetLatencies} />
      ) : null}
      {forService ? (
        <label className="sys-check">
          <input
            type="checkbox"
            checked={requireIfMatch}
            onChange={(e) => setRequireIfMatch(e.target.checked)}
          />{' '}
          Require If-Match for updates and deletes of entity types with an ETag (428 without it, as SAP
          Gateway)
        </label>
      ) : null}
      <ul className="sys-faults" aria-label="Faults">
        {faults.map((fault, i) => (
          <li key={`${i}:${describeFault(fault)}`}>
            {describeFault(fault)}{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={`Remove fault ${i + 1}`}
              onClick={() => setFaults(faults.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </li>
        ))}
        {faults.length === 0 ? <li className="muted">No faults</li> : null}
      </ul>
      <fieldset className="sys-grid">
        <legend>Add a fault</legend>
        <Field label="Kind">
          {({ id }) => (
            <select id={id} className="input" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="error">SAP error</option>
              <option value="no-work-process">No work process (503)</option>
              <option value="csrf-expired">CSRF token expired (403)</option>
              <option value="locked">Entity locked</option>
            </select>
          )}
        </Field>
        <Field label="Status">
          {({ id }) => (
            <input id={id} className="input" value={status} onChange={(e) => setStatus(e.target.value)} />
          )}
        </Field>
        <Field label="Message">
          {({ id }) => (
            <input id={id} className="input" value={message} onChange={(e) => setMessage(e.target.value)} />
          )}
        </Field>
        <Field label="Rate %">
          {({ id }) => (
            <input id={id} className="input" value={rate} onChange={(e) => setRate(e.target.value)} />
          )}
        </Field>
        <Field label="Request numbers" hint="e.g. 2, 3 (instead of a rate)">
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              className="input"
              value={sequence}
              onChange={(e) => setSequence(e.target.value)}
            />
          )}
        </Field>
        {entitySets.length > 0 ? (
          <Field label="Entity set">
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={entitySet}
                onChange={(e) => setEntitySet(e.target.value)}
              >
                <option value="">All</option>
                {entitySets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <button type="button" className="button button--small" onClick={addFault}>
          Add fault
        </button>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Save faults & latency
        </button>
      </div>
    </form>
  );
}

/** Latency per entity set of a service: the list, and a row to add one (one latency per set). */
function SetLatencyEditor({
  entitySets,
  value,
  onChange,
}: {
  entitySets: string[];
  value: EntitySetLatencyConfig[];
  onChange: (next: EntitySetLatencyConfig[]) => void;
}): ReactNode {
  const free = entitySets.filter((name) => !value.some((l) => l.entitySet === name));
  const [set, setSet] = useState('');
  const [distribution, setDistribution] = useState<Distribution>('fixed');
  const [[a, b], setTexts] = useState<[string, string]>(['', '']);
  const chosen = free.includes(set) ? set : (free[0] ?? '');
  const add = (): void => {
    const latency = latencyFrom(distribution, a, b);
    if (!latency || chosen === '') return;
    onChange([...value, { ...latency, entitySet: chosen }]);
    setTexts(['', '']);
  };
  return (
    <fieldset className="sys-grid" aria-label="Latency per entity set">
      <legend>Latency per entity set (added to the service's)</legend>
      <ul className="sys-faults sys-grid__wide" aria-label="Entity set latencies">
        {value.map((latency) => (
          <li key={latency.entitySet}>
            {describeSetLatency(latency)}{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={`Remove the latency of ${latency.entitySet}`}
              onClick={() => onChange(value.filter((l) => l !== latency))}
            >
              Remove
            </button>
          </li>
        ))}
        {value.length === 0 ? <li className="muted">None</li> : null}
      </ul>
      {free.length > 0 ? (
        <>
          <Field label="Entity set">
            {({ id }) => (
              <select id={id} className="input" value={chosen} onChange={(e) => setSet(e.target.value)}>
                {free.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </select>
            )}
          </Field>
          <LatencyInputs
            label="Distribution"
            distribution={distribution}
            onDistribution={setDistribution}
            texts={[a, b]}
            onTexts={setTexts}
          />
          <button type="button" className="button button--small" onClick={add}>
            Add entity set latency
          </button>
        </>
      ) : null}
    </fieldset>
  );
}

/** The distribution and its one or two millisecond values, as fields of the surrounding grid. */
function LatencyInputs({
  label,
  allowNone = false,
  distribution,
  onDistribution,
  texts: [a, b],
  onTexts,
}: {
  label: string;
  allowNone?: boolean;
  distribution: Distribution;
  onDistribution: (d: Distribution) => void;
  texts: [string, string];
  onTexts: (texts: [string, string]) => void;
}): ReactNode {
  const [labelA, labelB] = latencyLabels(distribution);
  return (
    <>
      <Field label={label}>
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={distribution}
            onChange={(e) => onDistribution(e.target.value as Distribution)}
          >
            {allowNone ? <option value="none">None</option> : null}
            <option value="fixed">Fixed</option>
            <option value="uniform">Uniform</option>
            <option value="normal">Normal</option>
          </select>
        )}
      </Field>
      {distribution === 'none' ? null : (
        <NumberField label={labelA} value={a} onChange={(text) => onTexts([text, b])} />
      )}
      {labelB ? <NumberField label={labelB} value={b} onChange={(text) => onTexts([a, text])} /> : null}
    </>
  );
}
