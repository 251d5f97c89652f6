// Generates the typed SAP Cloud SDK clients for the built-in demo services, offline, from the EDMX the
// emulator serves, into e2e/clients/generated/ (committed, so the acceptance tests need no generator run).
// Usage: node e2e/clients/scripts/generate-odata-clients.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = path.join(root, 'e2e/clients/generated');
const input = mkdtempSync(path.join(os.tmpdir(), 'btp-edmx-'));
try {
  // Node strips the types of these .ts modules; they only export the EDMX strings.
  const { API_BUSINESS_PARTNER_EDMX } =
    await import('../../../emulator/systems/builtin/api-business-partner.ts');
  const { SALES_ORDER_V4_EDMX } = await import('../../../emulator/systems/builtin/sales-order-v4.ts');
  writeFileSync(path.join(input, 'API_BUSINESS_PARTNER.edmx'), API_BUSINESS_PARTNER_EDMX);
  writeFileSync(path.join(input, 'SalesOrderV4.edmx'), SALES_ORDER_V4_EDMX);
  // Base paths as the emulator serves them, so a destination URL is just scheme://host:port.
  // The generator keys options by the input path relative to its working directory, with `/`.
  const key = (file) => path.relative(root, path.join(input, file)).split(path.sep).join('/');
  const options = {
    [key('API_BUSINESS_PARTNER.edmx')]: {
      directoryName: 'business-partner-v2',
      packageName: 'business-partner-v2',
      basePath: '/sap/opu/odata/sap/API_BUSINESS_PARTNER',
    },
    [key('SalesOrderV4.edmx')]: {
      directoryName: 'sales-order-v4',
      packageName: 'sales-order-v4',
      basePath: '/sap/opu/odata4/sap/salesorder/srvd/sap/salesorder/0001',
    },
  };
  writeFileSync(path.join(input, 'options-per-service.json'), JSON.stringify(options));
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/@sap-cloud-sdk/generator/dist/cli.js'),
      '--input',
      input,
      '--outputDir',
      out,
      '--clearOutputDir',
      '--overwrite',
      '--skipValidation',
      '--optionsPerService',
      path.join(input, 'options-per-service.json'),
    ],
    { stdio: 'inherit', cwd: root },
  );
  // The generator's own --transpile type-checks against the whole node_modules (and fails on unrelated
  // @types); esbuild only strips types. The repository is "type": "module", the clients are CommonJS.
  for (const dir of readdirSync(out, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const folder = path.join(out, dir.name);
    const sources = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    execFileSync(
      path.join(root, 'node_modules/.bin/esbuild'),
      [...sources, '--format=cjs', '--platform=node', '--target=node22', `--outdir=.`, '--log-level=warning'],
      { cwd: folder, stdio: 'inherit' },
    );
    writeFileSync(path.join(folder, 'package.json'), '{ "type": "commonjs" }\n');
  }
  console.log(`generated into ${path.relative(root, out)}: ${readdirSync(out).join(', ')}`);
} finally {
  rmSync(input, { recursive: true, force: true });
}
