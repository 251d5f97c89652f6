// Bindings leave the UI in two ways: copied to the clipboard, or downloaded in one of the formats
// the SAP tooling reads. Both carry client secrets, which the card says up front.
import { useState, type ReactNode } from 'react';
import type { BindingEnv } from '../../../app/admin-api.js';
import { asError } from '../../api/admin-error.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { DownloadIcon } from '../../components/icons.js';
import { useEngine } from '../../state/EngineProvider.js';
import { EXPORT_FORMATS, type ExportFormat } from './binding-model.js';
import { downloadText } from './download.js';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'busy'; fileName: string }
  | { phase: 'done'; fileName: string }
  | { phase: 'failed'; fileName: string; error: Error };

export function ExportCard({ env }: { env: BindingEnv }): ReactNode {
  const { client } = useEngine();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });

  const download = async ({ format, fileName, mimeType }: ExportFormat): Promise<void> => {
    setState({ phase: 'busy', fileName });
    try {
      downloadText(fileName, await client.exportBindings(format), mimeType);
      setState({ phase: 'done', fileName });
    } catch (error) {
      setState({ phase: 'failed', fileName, error: asError(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="export-card-title">
      <div className="card__heading">
        <h2 className="card__title" id="export-card-title">
          Copy and export
        </h2>
        <CopyButton
          value={JSON.stringify(env.VCAP_SERVICES, null, 2)}
          label="Copy VCAP_SERVICES as JSON"
          text="Copy VCAP_SERVICES"
        />
      </div>
      <p className="card__lead">
        Every export contains client secrets: keep the files out of version control.
      </p>
      <ul className="export-list">
        {EXPORT_FORMATS.map((entry) => (
          <li key={entry.format} className="export-list__item">
            <div>
              <code className="export-list__file">{entry.fileName}</code>
              <p className="export-list__usage">{entry.usage}</p>
            </div>
            <button
              type="button"
              className="button"
              aria-label={`Download ${entry.fileName}`}
              disabled={state.phase === 'busy'}
              onClick={() => void download(entry)}
            >
              <DownloadIcon />
              Download
            </button>
          </li>
        ))}
      </ul>
      <p className="export-status" role="status">
        {state.phase === 'busy' ? `Preparing ${state.fileName}…` : null}
        {state.phase === 'done' ? `Downloaded ${state.fileName}.` : null}
      </p>
      {state.phase === 'failed' ? (
        <ErrorNotice title={`${state.fileName} could not be exported`} error={state.error} />
      ) : null}
    </section>
  );
}
