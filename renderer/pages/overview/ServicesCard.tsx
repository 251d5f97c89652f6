import type { ReactNode } from 'react';
import type { ServiceStatus } from '../../../app/events.js';
import { CopyButton } from '../../components/CopyButton.js';
import { StateBadge } from '../../components/StateBadge.js';

export function ServicesCard({ services }: { services: ServiceStatus[] }): ReactNode {
  const running = services.filter((s) => s.state === 'running').length;
  return (
    <section className="card card--flush" aria-labelledby="services-card-title">
      <div className="card__header">
        <h2 className="card__title" id="services-card-title">
          Services
        </h2>
        <span className="card__meta">
          {running} of {services.length} running
        </span>
      </div>
      <table className="table" aria-labelledby="services-card-title">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">State</th>
            <th scope="col">URL</th>
            <th scope="col" className="table__num">
              Port
            </th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <ServiceRow key={service.id} service={service} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ServiceRow({ service }: { service: ServiceStatus }): ReactNode {
  return (
    <tr className={`service-row service-row--${service.state}`}>
      <th scope="row">{service.title}</th>
      <td>
        <StateBadge state={service.state} />
        {service.error ? <p className="service-row__error">{service.error}</p> : null}
      </td>
      <td>
        {service.url === null ? (
          <span className="muted">Not listening</span>
        ) : (
          <span className="url-cell">
            <code>{service.url}</code>
            <CopyButton value={service.url} label={`Copy URL of ${service.title}`} />
          </span>
        )}
      </td>
      <td className="table__num">{service.port ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
