import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SigningKeyInfo } from '../../../app/admin-api.js';
import { App } from '../../App.js';
import { EngineProvider } from '../../state/EngineProvider.js';
import { AT, BASE_URL, engineStatus, eventsEndpoint, testClient } from '../../test/engine-fixtures.js';
import { server } from '../../test/msw-server.js';
import {
  bindingEnv,
  CA_BUNDLE,
  DESTINATION_SECRET,
  errorBody,
  signingKey,
  UAA_SECRET,
  UPS_PASSWORD,
  xsuaaReadHandlers,
} from '../../test/xsuaa-fixtures.js';

function renderBindings(endpoint = eventsEndpoint()): void {
  window.location.hash = '#/bindings';
  server.use(endpoint.handler, ...xsuaaReadHandlers);
  render(
    <EngineProvider client={testClient()}>
      <App />
    </EngineProvider>,
  );
}

const bindingCard = (name: string): HTMLElement => screen.getByRole('article', { name });
const credentialRow = (binding: string, key: string): HTMLElement => {
  const table = screen.getByRole('table', { name: `Credentials of ${binding}` });
  const row = within(table).getByRole('rowheader', { name: key }).closest('tr');
  if (!row) throw new Error(`no row ${key} in ${binding}`);
  return row;
};

describe('Bindings page', () => {
  it('lists every binding grouped by service label, with label, plan, tags and credentials', async () => {
    renderBindings();
    await screen.findByRole('article', { name: 'demo-uaa' });

    const groups = screen
      .getAllByRole('region')
      .filter((region) => region.classList.contains('binding-group'));
    expect(groups.map((group) => within(group).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'xsuaa 1 binding',
      'destination 1 binding',
      'connectivity 1 binding',
      'user-provided 1 binding',
    ]);
    const uaa = bindingCard('demo-uaa');
    expect(within(uaa).getByText('application')).toBeInTheDocument();
    expect(within(bindingCard('demo-destination')).getByText('connsvc')).toBeInTheDocument();
    expect(within(bindingCard('legacy-db')).getByText('postgres')).toBeInTheDocument();
    expect(credentialRow('demo-uaa', 'clientid')).toHaveTextContent('sb-demo!t1');
    expect(credentialRow('demo-connectivity', 'onpremise_proxy_port')).toHaveTextContent('20003');
    expect(screen.getByText(/service bindings of/)).toHaveTextContent('demo-app (space dev, org local)');
  });

  it('masks every secret until it is shown, and warns while one is on screen', async () => {
    const user = userEvent.setup();
    renderBindings();
    await screen.findByRole('article', { name: 'demo-uaa' });

    expect(screen.queryByText(UAA_SECRET)).not.toBeInTheDocument();
    expect(screen.queryByText(DESTINATION_SECRET)).not.toBeInTheDocument();
    // A nested object holding a password is masked as a whole.
    expect(screen.queryByText(new RegExp(UPS_PASSWORD))).not.toBeInTheDocument();
    expect(within(credentialRow('legacy-db', 'login')).getByLabelText('login hidden')).toBeInTheDocument();
    expect(
      within(credentialRow('demo-uaa', 'clientsecret')).getByLabelText('clientsecret hidden'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Not secret, but long: the verification key is collapsed.
    expect(
      within(credentialRow('demo-uaa', 'verificationkey')).getByText(/BEGIN PUBLIC KEY/),
    ).not.toBeVisible();

    const show = screen.getByRole('button', { name: 'Show clientsecret of demo-uaa' });
    expect(show).toHaveAttribute('aria-pressed', 'false');
    await user.click(show);
    expect(credentialRow('demo-uaa', 'clientsecret')).toHaveTextContent(UAA_SECRET);
    const warning = within(bindingCard('demo-uaa')).getByRole('alert');
    expect(warning).toHaveTextContent('Secret visible: clientsecret of demo-uaa is shown on screen.');
    expect(screen.getByRole('button', { name: 'Hide clientsecret of demo-uaa' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Other bindings stay masked.
    expect(screen.queryByText(DESTINATION_SECRET)).not.toBeInTheDocument();

    await user.click(within(warning).getByRole('button', { name: 'Hide secrets' }));
    expect(screen.queryByText(UAA_SECRET)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('copies one binding as JSON, a single credential, and all of VCAP_SERVICES', async () => {
    const user = userEvent.setup();
    renderBindings();
    await screen.findByRole('article', { name: 'demo-uaa' });
    const env = bindingEnv();

    await user.click(screen.getByRole('button', { name: 'Copy binding demo-destination as JSON' }));
    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(
      (env.VCAP_SERVICES.destination as unknown[])[0],
    );

    // Copying a masked secret does not reveal it.
    await user.click(screen.getByRole('button', { name: 'Copy clientsecret of demo-uaa' }));
    expect(await navigator.clipboard.readText()).toBe(UAA_SECRET);
    expect(screen.queryByText(UAA_SECRET)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy VCAP_SERVICES as JSON' }));
    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(env.VCAP_SERVICES);
  });

  it('explains how to run an app with the bindings: the exec command and the CA bundle', async () => {
    const workspace = {
      name: 'Shop',
      path: '/repo/my shop/btp.yaml',
      source: 'file' as const,
      schemaVersion: 2,
      migrated: [],
    };
    renderBindings(eventsEndpoint({ snapshot: () => engineStatus({ workspace }) }));
    const usage = await screen.findByRole('region', { name: 'Run your app with these bindings' });
    expect(
      await within(usage).findByText(
        "btp-emulator exec --workspace '/repo/my shop/btp.yaml' -- <your command>",
      ),
    ).toBeInTheDocument();
    expect(within(usage).getByText(`NODE_EXTRA_CA_CERTS=${CA_BUNDLE}`)).toBeInTheDocument();
    expect(within(usage).getByRole('button', { name: 'Copy the CA bundle path' })).toBeInTheDocument();
  });

  it('says when there is no CA bundle yet', async () => {
    renderBindings();
    server.use(http.get(`${BASE_URL}/api/bindings`, () => HttpResponse.json(bindingEnv({ caBundle: null }))));
    const usage = await screen.findByRole('region', { name: 'Run your app with these bindings' });
    expect(within(usage).getByText('btp-emulator exec -- <your command>')).toBeInTheDocument();
    expect(within(usage).getByText(/No CA bundle yet/)).toBeInTheDocument();
  });

  it('shows the engine error when the bindings cannot be loaded', async () => {
    renderBindings();
    server.use(
      http.get(`${BASE_URL}/api/bindings`, () =>
        HttpResponse.json(errorBody('EMU_ERR_INTERNAL', 'The CA could not be read.'), { status: 500 }),
      ),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The bindings could not be loaded');
    expect(alert).toHaveTextContent('The CA could not be read.');
  });
});

describe('Bindings export', () => {
  let clicked: { fileName: string; href: string }[];
  let blobs: Map<string, Blob>;

  beforeEach(() => {
    clicked = [];
    blobs = new Map();
    // jsdom has neither object URLs nor downloads: record what the page hands to the browser.
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:${BASE_URL}/${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ fileName: this.download, href: this.href });
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['default-env', 'default-env.json'],
    ['dotenv', '.env'],
    ['shell', 'vcap.sh'],
    ['json', 'vcap-services.json'],
  ])('downloads the %s export as %s, with the text the engine produced', async (format, fileName) => {
    const user = userEvent.setup();
    const requested: (string | null)[] = [];
    renderBindings();
    server.use(
      http.get(`${BASE_URL}/api/bindings/export`, ({ request }) => {
        const asked = new URL(request.url).searchParams.get('format');
        requested.push(asked);
        return HttpResponse.text(`exported as ${asked}\n`);
      }),
    );
    await user.click(await screen.findByRole('button', { name: `Download ${fileName}` }));

    expect(await screen.findByText(`Downloaded ${fileName}.`)).toBeInTheDocument();
    expect(requested).toEqual([format]);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.fileName).toBe(fileName);
    expect(await blobs.get(clicked[0]!.href)!.text()).toBe(`exported as ${format}\n`);
    // The temporary link is gone again.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('shows the engine error with its issues when an export fails, and downloads nothing', async () => {
    const user = userEvent.setup();
    renderBindings();
    server.use(
      http.get(`${BASE_URL}/api/bindings/export`, () =>
        HttpResponse.json(
          errorBody('EMU_ERR_ADMIN_BAD_REQUEST', 'The request body is invalid.', [
            { path: '$.format', message: 'Invalid option' },
          ]),
          { status: 400 },
        ),
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Download vcap.sh' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('vcap.sh could not be exported');
    expect(alert).toHaveTextContent('The request body is invalid.');
    expect(within(alert).getByText('$.format')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Invalid option');
    expect(clicked).toEqual([]);
  });
});

describe('Signing keys', () => {
  const ORIGINAL = signingKey();
  let PENDING: SigningKeyInfo;

  beforeEach(() => {
    PENDING = signingKey({
      kid: 'key-XvVGZznH7PdWLXyK',
      createdAt: new Date().toISOString(),
      activatesAt: new Date(Date.now() + 31 * 60_000 + 5000).toISOString(),
      current: false,
    });
  });

  function keysEndpoint(initial: SigningKeyInfo[]) {
    const state = { keys: initial, rotations: [] as unknown[] };
    server.use(
      http.get(`${BASE_URL}/api/xsuaa/keys`, () => HttpResponse.json(state.keys)),
      http.post(`${BASE_URL}/api/xsuaa/keys/rotate`, async ({ request }) => {
        state.rotations.push(await request.json());
        state.keys = [ORIGINAL, PENDING];
        return HttpResponse.json(PENDING);
      }),
    );
    return state;
  }

  const keyRow = (kid: string): HTMLElement => {
    const row = within(screen.getByRole('table', { name: 'Signing keys' }))
      .getByRole('rowheader', { name: kid })
      .closest('tr');
    if (!row) throw new Error(`no row for ${kid}`);
    return row;
  };

  it('rotates only after confirmation, and shows the new key as pending', async () => {
    const user = userEvent.setup();
    renderBindings();
    const state = keysEndpoint([ORIGINAL]);
    await user.click(await screen.findByRole('button', { name: 'Rotate signing key…' }));
    const confirm = screen.getByRole('group', { name: 'Rotate the signing key?' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(state.rotations).toEqual([]);

    await user.click(within(confirm).getByRole('button', { name: 'Rotate' }));
    expect(
      await screen.findByText(/key-XvVGZznH7PdWLXyK is published and signs new tokens from/),
    ).toBeInTheDocument();
    expect(state.rotations).toEqual([{}]);
    expect(await within(await findRow('key-XvVGZznH7PdWLXyK')).findByText('Pending')).toBeInTheDocument();
    expect(keyRow('key-XvVGZznH7PdWLXyK')).toHaveTextContent('published, starts signing in 31 minutes');
    expect(keyRow(ORIGINAL.kid)).toHaveTextContent('Current');
  });

  it('sends immediate: true for "Rotate immediately", and nothing on Cancel', async () => {
    const user = userEvent.setup();
    renderBindings();
    const state = keysEndpoint([ORIGINAL]);
    await user.click(await screen.findByRole('button', { name: 'Rotate signing key…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Rotate the signing key?' })).not.toBeInTheDocument();
    expect(state.rotations).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Rotate signing key…' }));
    await user.click(screen.getByRole('button', { name: 'Rotate immediately' }));
    await screen.findByText(/key-XvVGZznH7PdWLXyK is published/);
    expect(state.rotations).toEqual([{ immediate: true }]);
  });

  it('follows a rotation made elsewhere through the keys-rotated event', async () => {
    const endpoint = eventsEndpoint();
    renderBindings(endpoint);
    const state = keysEndpoint([ORIGINAL]);
    const channel = await endpoint.next();
    await findRow(ORIGINAL.kid);

    const retiredAt = new Date().toISOString();
    state.keys = [
      {
        ...ORIGINAL,
        current: false,
        retiredAt,
        removedAt: new Date(Date.now() + 12 * 3600_000).toISOString(),
      },
      { ...PENDING, current: true, activatesAt: retiredAt },
    ];
    channel.send({ type: 'keys-rotated', at: AT, kid: PENDING.kid });

    expect(await within(await findRow(PENDING.kid)).findByText('Current')).toBeInTheDocument();
    expect(keyRow(ORIGINAL.kid)).toHaveTextContent('Retired');
    expect(keyRow(ORIGINAL.kid)).toHaveTextContent('leaves the JWKS in 12 hours');
  });

  it('shows a failed rotation with the engine message', async () => {
    const user = userEvent.setup();
    renderBindings();
    server.use(
      http.post(`${BASE_URL}/api/xsuaa/keys/rotate`, () =>
        HttpResponse.json(errorBody('EMU_ERR_INTERNAL', 'The key file is not writable.'), { status: 500 }),
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Rotate signing key…' }));
    await user.click(screen.getByRole('button', { name: 'Rotate' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The signing key was not rotated');
    expect(alert).toHaveTextContent('The key file is not writable.');
  });

  async function findRow(kid: string): Promise<HTMLElement> {
    const table = await screen.findByRole('table', { name: 'Signing keys' });
    const header = await within(table).findByRole('rowheader', { name: kid });
    return header.closest('tr')!;
  }
});
