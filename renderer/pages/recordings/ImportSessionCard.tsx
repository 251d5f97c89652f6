// Import a HAR file (browsers' developer tools, Playwright, another emulator) as a session. The file is
// read and parsed here, so a file that is not JSON is named before anything is sent; the engine says
// which entries it skipped and why.
import { useState, type ReactNode } from 'react';
import type { ImportResponse } from '../../../app/recording/api.js';
import { asError } from '../../api/admin-error.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { useEngine } from '../../state/EngineProvider.js';
import { sessionNameFromFile, sessionNameProblem } from './recordings-model.js';

interface ImportSessionCardProps {
  systems: readonly string[];
  onImported: (session: string) => void;
  onOpen: (session: string) => void;
}

interface ChosenFile {
  name: string;
  har: unknown;
}

export function ImportSessionCard({ systems, onImported, onOpen }: ImportSessionCardProps): ReactNode {
  const { client } = useEngine();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [name, setName] = useState('');
  const [system, setSystem] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File | undefined): Promise<void> => {
    setFile(null);
    setResult(null);
    setError(null);
    setProblem(null);
    if (!chosen) return;
    try {
      const har = JSON.parse(await chosen.text()) as unknown;
      setFile({ name: chosen.name, har });
      setName((current) => (current.trim() === '' ? sessionNameFromFile(chosen.name) : current));
    } catch (e) {
      setProblem(`${chosen.name} is not a HAR file: ${asError(e).message}`);
    }
  };

  const submit = (): void => {
    if (!file) return;
    const invalid = sessionNameProblem(name.trim());
    setProblem(invalid ? `Session name: ${invalid}` : null);
    setError(null);
    setResult(null);
    if (invalid) return;
    setBusy(true);
    const request = { name: name.trim(), har: file.har, ...(system === '' ? {} : { system }) };
    void client
      .importRecordingSession(request)
      .then(
        (response) => (setResult(response), onImported(response.name)),
        (e: unknown) => setError(asError(e)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="rec-import-title">
      <h2 className="card__title" id="rec-import-title">
        Import a HAR file
      </h2>
      <p className="card__lead">
        From the browser&apos;s developer tools, Playwright (<code>recordHar</code>) or another emulator.
        Entries are replayed for the system they are attributed to.
      </p>
      <form
        className="form"
        aria-label="Import a HAR file"
        aria-busy={busy}
        onSubmit={(e) => (e.preventDefault(), submit())}
      >
        <div className="form__row">
          <Field label="HAR file">
            {({ id }) => (
              <input
                id={id}
                type="file"
                accept=".har,.json,application/json"
                onChange={(e) => void choose(e.target.files?.[0])}
              />
            )}
          </Field>
          <Field label="Session name">
            {({ id }) => (
              <input id={id} className="input" value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <Field
            label="System"
            hint="The system the entries are replayed for; needed when the file does not name one."
          >
            {({ id, describedBy }) => (
              <select
                id={id}
                className="input"
                aria-describedby={describedBy}
                value={system}
                onChange={(e) => setSystem(e.target.value)}
              >
                <option value="">As in the file</option>
                {systems.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {problem ? (
          <p className="rec-problem" role="alert">
            {problem}
          </p>
        ) : null}
        {error ? <ErrorNotice title="The HAR file was not imported" error={error} /> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!file || busy}>
            Import
          </button>
        </div>
      </form>
      {result ? <ImportResult result={result} onOpen={onOpen} /> : null}
    </section>
  );
}

function ImportResult({
  result,
  onOpen,
}: {
  result: ImportResponse;
  onOpen: (s: string) => void;
}): ReactNode {
  return (
    <div className="rec-import-result" role="region" aria-label="Import result">
      <p role="status">
        Imported {result.imported} {result.imported === 1 ? 'entry' : 'entries'} into session{' '}
        <strong>{result.name}</strong>
        {result.skipped.length > 0 ? `; ${result.skipped.length} skipped` : ''}.{' '}
        <button type="button" className="rec-link" onClick={() => onOpen(result.name)}>
          Open its timeline
        </button>
      </p>
      {result.skipped.length > 0 ? (
        <table className="table" aria-label="Skipped entries">
          <thead>
            <tr>
              <th scope="col" className="table__num">
                Entry
              </th>
              <th scope="col">Why it was skipped</th>
            </tr>
          </thead>
          <tbody>
            {result.skipped.map((s) => (
              <tr key={s.index}>
                <td className="table__num">#{s.index}</td>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
