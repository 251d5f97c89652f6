// Prints the counts of the test run per kind (unit, integration, browser) and one closing line
// `total: N passed, N failed, N skipped`, read from the JSON reports Vitest and Playwright wrote.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const counts = () => ({ passed: 0, failed: 0, skipped: 0 });
const kinds = { unit: counts(), integration: counts(), browser: counts() };

// Integration tests use real sockets and processes: the engine, the CLI, lint and packaging.
const kindOf = (file) => (/\/(emulator|e2e\/tooling)\//.test(file) ? 'integration' : 'unit');
const add = (kind, status) => {
  const key =
    status === 'passed' ? 'passed' : status === 'failed' || status === 'timedOut' ? 'failed' : 'skipped';
  kinds[kind][key] += 1;
};

const unit = read('test-results/reports/vitest.json');
for (const file of unit?.testResults ?? []) {
  for (const test of file.assertionResults) add(kindOf(file.name), test.status);
}
const walk = (suite) => {
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests)
      add(
        'browser',
        test.status === 'expected' ? 'passed' : test.status === 'skipped' ? 'skipped' : 'failed',
      );
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of read('test-results/reports/playwright.json')?.suites ?? []) walk(suite);

const total = counts();
for (const [kind, c] of Object.entries(kinds)) {
  console.log(`${kind.padEnd(12)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += c[k];
}
if (!unit) console.log('(no Vitest report found)');
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 || total.passed === 0 ? 1 : 0;
