// How an app gets these bindings without copying anything: `btp-emulator exec` starts it with
// VCAP_SERVICES, VCAP_APPLICATION and NODE_EXTRA_CA_CERTS set, reusing this engine.
import type { ReactNode } from 'react';
import type { BindingEnv } from '../../../app/admin-api.js';
import type { EngineStatus } from '../../../app/events.js';
import { CopyButton } from '../../components/CopyButton.js';
import { shellArg } from './binding-model.js';

export function UsageCard({ env, status }: { env: BindingEnv; status: EngineStatus | null }): ReactNode {
  const workspacePath = status?.workspace.path ?? null;
  const workspaceOption = workspacePath === null ? '' : ` --workspace ${shellArg(workspacePath)}`;
  const command = `btp-emulator exec${workspaceOption} -- <your command>`;
  return (
    <section className="card" aria-labelledby="usage-card-title">
      <h2 className="card__title" id="usage-card-title">
        Run your app with these bindings
      </h2>
      <div className="usage">
        <p>
          Start your app through the emulator: it sets <code>VCAP_SERVICES</code>,{' '}
          <code>VCAP_APPLICATION</code> and <code>NODE_EXTRA_CA_CERTS</code> for that one command.
        </p>
        <div className="command">
          <code className="command__text">{command}</code>
          <CopyButton value={command} label="Copy the exec command" />
        </div>
        {status ? (
          <p className="usage__note">
            It reuses this engine because it finds the same data folder (<code>{status.dataDir}</code>); if
            you started the engine with <code className="nowrap">--data-dir</code>, pass the same option to{' '}
            <code>exec</code>.
          </p>
        ) : null}
        <h3 className="usage__subtitle">Trusting the emulator&apos;s TLS certificates</h3>
        {env.caBundle === null ? (
          <p className="usage__note">No CA bundle yet: the engine writes it when its TLS listener starts.</p>
        ) : (
          <>
            <p>
              Node.js apps started another way need <code>NODE_EXTRA_CA_CERTS</code> pointing at this bundle
              (your existing CAs plus the emulator CA):
            </p>
            <div className="command">
              <code className="command__text">NODE_EXTRA_CA_CERTS={shellArg(env.caBundle)}</code>
              <CopyButton value={env.caBundle} label="Copy the CA bundle path" />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
