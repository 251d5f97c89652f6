// One simulated system: state, port, sap-clients and users, and a row per OData service with its URLs
// (own listener and each virtual host of the Cloud Connector), entity sets to browse, reset and tuning.
import { useState, type ReactNode } from 'react';
import type { EntitySetSummary, ServiceSummary, SystemSummary } from '../../../app/systems/api.js';
import { CopyButton } from '../../components/CopyButton.js';
import { StateBadge } from '../../components/StateBadge.js';
import { TuningEditor } from './TuningEditor.js';
import type { Tuning } from './systems-model.js';

interface SystemCardProps {
  system: SystemSummary;
  /** The workspace's latency and faults of the system (service undefined) or a service; null while unknown. */
  tuning: (service?: string) => Tuning | null;
  onSaveTuning: (service: string | undefined, tuning: Tuning) => void;
  onBrowse: (service: ServiceSummary, set: EntitySetSummary) => void;
  onReset: (service: ServiceSummary) => void;
}

export function SystemCard({ system, tuning, onSaveTuning, onBrowse, onReset }: SystemCardProps): ReactNode {
  const [tuningOpen, setTuningOpen] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState<string | null>(null);
  const systemTuning = tuning();
  return (
    <section className="card card--flush" aria-label={`System ${system.id}`}>
      <div className="card__header">
        <h2 className="card__title">{system.id}</h2>
        <StateBadge state={system.state} />
        <span className="muted">
          {system.protocol} {system.port === null ? '' : `port ${system.port}`}
        </span>
      </div>
      <p className="card__lead card__lead--padded muted">
        {system.description || 'No description'} · sap-client {system.clients.join(', ')} · users{' '}
        {system.users.join(', ') || 'none'}
      </p>
      {system.error ? (
        <p className="card__lead card__lead--padded sys-error" role="alert">
          {system.error}
        </p>
      ) : null}
      <table className="table" aria-label={`Services of ${system.id}`}>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">URLs</th>
            <th scope="col">Entity sets</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {system.services.map((service) => (
            <tr key={service.name}>
              <th scope="row">
                {service.name} <span className="tag tag--neutral">OData {service.odataVersion}</span>
                {service.error ? <div className="sys-error">{service.error}</div> : null}
              </th>
              <td>
                <ul className="sys-urls">
                  {service.url ? (
                    <li className="url-cell">
                      <code>{service.url}</code>
                      <CopyButton value={service.url} label={`Copy URL of ${service.name}`} />
                    </li>
                  ) : null}
                  {service.virtualUrls.map((url) => (
                    <li className="url-cell" key={url}>
                      <span className="tag">virtual</span>
                      <code>{url}</code>
                      <CopyButton value={url} label={`Copy virtual URL ${url}`} />
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <div className="sys-sets">
                  {service.entitySets.map((set) => (
                    <button
                      key={set.name}
                      type="button"
                      className="button button--small"
                      aria-label={`Browse ${set.name} of ${service.name}`}
                      onClick={() => onBrowse(service, set)}
                    >
                      {set.name}
                    </button>
                  ))}
                </div>
              </td>
              <td>
                <div className="sys-actions">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setConfirmReset(service.name)}
                  >
                    Reset data
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-expanded={tuningOpen === service.name}
                    aria-label={`Faults and latency of ${service.name}`}
                    onClick={() => setTuningOpen(tuningOpen === service.name ? null : service.name)}
                  >
                    Faults & latency
                  </button>
                </div>
                {confirmReset === service.name ? (
                  <div className="confirm" role="group" aria-label={`Reset data of ${service.name}`}>
                    <p className="confirm__title">Reset the data of {service.name}?</p>
                    <p>Every change to its rows, in every sap-client, is lost.</p>
                    <div className="confirm__actions">
                      <button
                        type="button"
                        className="button button--primary"
                        onClick={() => (setConfirmReset(null), onReset(service))}
                      >
                        Reset
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => setConfirmReset(null)}
                        autoFocus
                      >
                        Cancel
                      </button>
                    </div>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tuningOpen !== null && tuningOpen !== '' ? (
        <TuningEditor
          scope="service"
          key={tuningOpen}
          title={`Faults and latency of service ${tuningOpen}`}
          tuning={tuning(tuningOpen)}
          entitySets={system.services.find((s) => s.name === tuningOpen)?.entitySets.map((s) => s.name) ?? []}
          onSave={(next) => onSaveTuning(tuningOpen, next)}
        />
      ) : null}
      <div className="sys-footer">
        <button
          type="button"
          className="button button--small"
          aria-expanded={tuningOpen === ''}
          aria-label={`Faults and latency of system ${system.id}`}
          onClick={() => setTuningOpen(tuningOpen === '' ? null : '')}
        >
          System faults & latency
        </button>
      </div>
      {tuningOpen === '' ? (
        <TuningEditor
          scope="system"
          title={`Faults and latency of system ${system.id}`}
          tuning={systemTuning}
          entitySets={[]}
          onSave={(next) => onSaveTuning(undefined, next)}
        />
      ) : null}
    </section>
  );
}
