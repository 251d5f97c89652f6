// Every service binding the app gets, as VCAP_SERVICES hands it over: grouped by service, secrets
// masked, each one copyable, the whole set exportable in the formats the SAP tooling reads.
import type { ReactNode } from 'react';
import type { BindingEnv } from '../../../app/admin-api.js';
import type { AdminClient } from '../../api/client.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { LoadError } from '../../components/ErrorNotice.js';
import { useEngine } from '../../state/EngineProvider.js';
import { useAdminQuery } from '../../state/use-admin-query.js';
import { BindingCard } from './BindingCard.js';
import { groupBindings, type BindingGroup } from './binding-model.js';
import { ExportCard } from './ExportCard.js';
import { SigningKeysCard } from './SigningKeysCard.js';
import { UsageCard } from './UsageCard.js';

const loadBindings = (client: AdminClient): Promise<BindingEnv> => client.bindings();
// The xsuaa binding carries the current verification key, so a rotation changes it too.
const RELOAD_ON = ['workspace-replaced', 'keys-rotated', 'status'] as const;

export function BindingsPage(): ReactNode {
  const { client, view, connection, retryNow } = useEngine();
  const bindings = useAdminQuery(loadBindings, RELOAD_ON);
  const env = bindings.data;
  return (
    <>
      <div className="page-header">
        <h1>Bindings</h1>
        <p className="page-header__lead">
          {env ? <AppLine env={env} /> : 'The service bindings your app gets in VCAP_SERVICES.'}
        </p>
      </div>
      <ConnectionBanner
        connection={connection}
        baseUrl={client.baseUrl}
        stopping={view.stopping}
        hasSnapshot={env !== null}
        onRetry={retryNow}
      />
      {bindings.error ? <LoadError title="The bindings could not be loaded" error={bindings.error} /> : null}
      {env === null ? (
        bindings.loading ? (
          <div className="card card--empty" role="status">
            <span className="spinner" aria-hidden="true" />
            Loading bindings…
          </div>
        ) : null
      ) : (
        <div className={connection.state === 'open' ? 'page-stack' : 'page-stack page-stack--stale'}>
          <div className="card-grid">
            <UsageCard env={env} status={view.status} />
            <ExportCard env={env} />
          </div>
          {groupBindings(env.VCAP_SERVICES).map((group) => (
            <BindingGroupSection key={group.label} group={group} />
          ))}
          <SigningKeysCard />
        </div>
      )}
    </>
  );
}

function AppLine({ env }: { env: BindingEnv }): ReactNode {
  const app = env.VCAP_APPLICATION;
  const text = (key: string): string | null => (typeof app[key] === 'string' ? app[key] : null);
  const name = text('application_name') ?? text('name');
  const space = text('space_name');
  const org = text('organization_name');
  if (name === null) return 'The service bindings your app gets in VCAP_SERVICES.';
  const where = space && org ? ` (space ${space}, org ${org})` : '';
  return (
    <>
      The service bindings of <strong>{name}</strong>
      {where}, exactly as the app reads them from VCAP_SERVICES.
    </>
  );
}

function BindingGroupSection({ group }: { group: BindingGroup }): ReactNode {
  const titleId = `binding-group-${group.label}`;
  const count = group.bindings.length;
  return (
    <section className="binding-group" aria-labelledby={titleId}>
      <h2 className="binding-group__title" id={titleId}>
        <code>{group.label}</code>{' '}
        <span className="binding-group__count">
          {count} binding{count === 1 ? '' : 's'}
        </span>
      </h2>
      {group.bindings.map((binding) => (
        <BindingCard key={binding.name} binding={binding} />
      ))}
    </section>
  );
}
