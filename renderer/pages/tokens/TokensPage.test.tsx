import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../../App.js';
import { EngineProvider } from '../../state/EngineProvider.js';
import { BASE_URL, eventsEndpoint, testClient } from '../../test/engine-fixtures.js';
import { server } from '../../test/msw-server.js';
import {
  errorBody,
  IAT,
  issueResponse,
  jwt,
  TOKEN_HEADER,
  USER_CLAIMS,
  verifyResponse,
  xsuaaReadHandlers,
} from '../../test/xsuaa-fixtures.js';

function renderTokens(): void {
  window.location.hash = '#/tokens';
  server.use(eventsEndpoint().handler, ...xsuaaReadHandlers);
  render(
    <EngineProvider client={testClient()}>
      <App />
    </EngineProvider>,
  );
}

/** Records each JSON body POSTed to `path` and answers with `reply`. */
function recordPosts(path: string, reply: (body: unknown) => Response): unknown[] {
  const bodies: unknown[] = [];
  server.use(
    http.post(`${BASE_URL}${path}`, async ({ request }) => {
      const body: unknown = await request.json();
      bodies.push(body);
      return reply(body);
    }),
  );
  return bodies;
}

const issueForm = (): Promise<HTMLElement> => screen.findByRole('form', { name: 'Issue a token' });
const verifyForm = (): HTMLElement => screen.getByRole('form', { name: 'Decode & verify' });
const scopeBoxes = (form: HTMLElement): string[] =>
  within(within(form).getByRole('group', { name: 'Scopes' }))
    .getAllByRole('checkbox')
    .map((box) => box.closest('label')?.querySelector('code')?.textContent ?? '');

const claimRow = (table: string, claim: string): HTMLElement => {
  const header = within(screen.getByRole('table', { name: table })).getByRole('rowheader', {
    name: new RegExp(`^${claim}\\b`),
  });
  return header.closest('tr')!;
};

describe('Issue a token', () => {
  it('offers every client and user, and exactly the scopes each combination may have', async () => {
    const user = userEvent.setup();
    renderTokens();
    const form = await issueForm();
    const client = within(form).getByLabelText('Client');
    expect(
      within(client)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'demo-uaa (XSUAA app)',
      'demo-destination (Destination service)',
      'demo-connectivity (Connectivity service)',
    ]);
    const userSelect = within(form).getByLabelText('User');
    expect(
      within(userSelect)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['None: client credentials', 'alice (alice@example.com)', 'bob (bob@example.com)']);

    expect(scopeBoxes(form)).toEqual(['openid', 'uaa.user', 'demo!t1.Display', 'demo!t1.Edit']);
    await user.selectOptions(userSelect, 'bob');
    expect(scopeBoxes(form)).toEqual(['openid', 'uaa.user', 'demo!t1.Display']);
    await user.selectOptions(userSelect, '');
    expect(scopeBoxes(form)).toEqual(['uaa.resource', 'demo!t1.Display']);
    expect(
      within(form).getByText('Leave all unchecked for every scope this client may have.'),
    ).toBeInTheDocument();
    await user.selectOptions(client, 'demo-destination (Destination service)');
    expect(scopeBoxes(form)).toEqual(['uaa.resource']);
  });

  it('sends the chosen client, user, scopes and lifetime', async () => {
    const user = userEvent.setup();
    renderTokens();
    const bodies = recordPosts('/api/tokens', () => HttpResponse.json(issueResponse()));
    const form = await issueForm();
    await user.selectOptions(within(form).getByLabelText('User'), 'alice');
    await user.click(within(form).getByRole('checkbox', { name: /demo!t1\.Edit/ }));
    await user.click(within(form).getByRole('checkbox', { name: /^openid/ }));
    await user.selectOptions(within(form).getByLabelText('Lifetime'), '5 minutes');
    await user.click(within(form).getByRole('button', { name: 'Issue token' }));

    await screen.findByRole('heading', { name: 'Token for alice' });
    expect(bodies).toEqual([
      { client: 'sb-demo!t1', user: 'alice', scopes: ['openid', 'demo!t1.Edit'], expiresIn: 300 },
    ]);
  });

  it('asks for every allowed scope when none is checked, and sends no user for client credentials', async () => {
    const user = userEvent.setup();
    renderTokens();
    const claims = {
      ...USER_CLAIMS,
      scope: ['uaa.resource'],
      user_name: undefined,
      grant_type: 'client_credentials',
    };
    const bodies = recordPosts('/api/tokens', () => HttpResponse.json(issueResponse(claims)));
    const form = await issueForm();
    // A scope checked for a user is dropped when the user changes.
    await user.click(within(form).getByRole('checkbox', { name: /demo!t1\.Edit/ }));
    await user.selectOptions(within(form).getByLabelText('User'), '');
    expect(within(form).queryAllByRole('checkbox', { checked: true })).toEqual([]);
    await user.selectOptions(
      within(form).getByLabelText('Lifetime'),
      'Expired an hour ago (for negative tests)',
    );
    await user.click(within(form).getByRole('button', { name: 'Issue token' }));

    await screen.findByRole('heading', { name: 'Client-credentials token for demo-uaa' });
    expect(bodies).toEqual([{ client: 'sb-demo!t1', expiresIn: -3600 }]);
  });

  it('shows the issued token with its claims and readable times, ready to copy', async () => {
    const user = userEvent.setup();
    renderTokens();
    recordPosts('/api/tokens', () => HttpResponse.json(issueResponse()));
    const form = await issueForm();
    await user.click(within(form).getByRole('button', { name: 'Issue token' }));

    const token = await screen.findByLabelText('Issued access token');
    expect(token).toHaveTextContent(jwt());
    expect(claimRow('Claims of the issued token', 'user_name')).toHaveTextContent('alice');
    const scopes = within(claimRow('Claims of the issued token', 'scope')).getAllByRole('listitem');
    expect(scopes.map((s) => s.textContent)).toEqual(USER_CLAIMS.scope);
    const exp = within(claimRow('Claims of the issued token', 'exp')).getByText(
      (_, element) => element?.tagName === 'TIME',
    );
    expect(exp).toHaveAttribute('dateTime', new Date((IAT + 43_200) * 1000).toISOString());
    expect(claimRow('Claims of the issued token', 'exp')).toHaveTextContent(String(IAT + 43_200));

    await user.click(screen.getByRole('button', { name: 'Copy access token' }));
    expect(await navigator.clipboard.readText()).toBe(jwt());
  });

  it('shows a rejected request with the engine message and its issues', async () => {
    const user = userEvent.setup();
    renderTokens();
    recordPosts('/api/tokens', () =>
      HttpResponse.json(
        errorBody('EMU_ERR_TOKEN_REQUEST', 'scope not allowed: demo!t1.Edit', [
          { path: '$.scopes', message: 'scope not allowed: demo!t1.Edit' },
        ]),
        { status: 400 },
      ),
    );
    const form = await issueForm();
    await user.click(within(form).getByRole('button', { name: 'Issue token' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The token was not issued');
    expect(within(alert).getByText('$.scopes')).toBeInTheDocument();
    expect(within(alert).getAllByText(/scope not allowed: demo!t1\.Edit/)).toHaveLength(2);
    expect(screen.queryByLabelText('Issued access token')).not.toBeInTheDocument();
  });

  it('hands the issued token to the verify panel, which verifies it for the issuing client', async () => {
    const user = userEvent.setup();
    renderTokens();
    recordPosts('/api/tokens', () => HttpResponse.json(issueResponse()));
    const verifications = recordPosts('/api/tokens/verify', () => HttpResponse.json(verifyResponse()));
    const form = await issueForm();
    await user.click(within(form).getByRole('button', { name: 'Issue token' }));
    await user.click(await screen.findByRole('button', { name: 'Verify this token' }));

    expect(await screen.findByText('Valid')).toBeInTheDocument();
    expect(verifications.at(-1)).toEqual({ token: jwt(), audience: 'sb-demo!t1' });
    expect(within(verifyForm()).getByLabelText('JWT')).toHaveValue(jwt());
    expect(within(verifyForm()).getByLabelText('Audience')).toHaveValue('sb-demo!t1');
    expect(screen.getByRole('heading', { name: 'Decode & verify' })).toHaveFocus();
  });
});

describe('Decode & verify', () => {
  it('verifies a pasted token and shows the verdict, the header and every claim', async () => {
    const user = userEvent.setup();
    renderTokens();
    const bodies = recordPosts('/api/tokens/verify', () => HttpResponse.json(verifyResponse()));
    await issueForm();
    const form = verifyForm();
    const verify = within(form).getByRole('button', { name: 'Verify' });
    expect(verify).toBeDisabled();
    await user.click(within(form).getByLabelText('JWT'));
    await user.paste(`  ${jwt()}\n`);
    await user.click(verify);

    expect((await screen.findByText('Valid')).closest('[role="status"]')).toHaveTextContent(
      "Signed with the issuer's key key-jmNe6kZcD8WMQLQS, not expired, audience not checked.",
    );
    expect(bodies).toEqual([{ token: jwt() }]);
    expect(claimRow('Token header', 'kid')).toHaveTextContent(TOKEN_HEADER.kid);
    for (const claim of Object.keys(USER_CLAIMS)) expect(claimRow('Token claims', claim)).toBeInTheDocument();
    expect(claimRow('Token claims', 'iat')).toHaveTextContent('Issued');
    expect(claimRow('Token claims', 'auth_time')).toHaveTextContent(String(IAT));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lists every reason an invalid token fails, in words', async () => {
    const user = userEvent.setup();
    renderTokens();
    const bodies = recordPosts('/api/tokens/verify', () =>
      HttpResponse.json(
        verifyResponse({
          valid: false,
          problems: [
            { code: 'bad_signature', message: 'the signature does not match the header and payload' },
            { code: 'expired', message: 'expired at 2026-01-01T22:00:00.000Z' },
            { code: 'audience', message: 'not meant for sb-demo!t1 (aud ["other!t1"])' },
          ],
        }),
      ),
    );
    await issueForm();
    const form = verifyForm();
    await user.click(within(form).getByLabelText('JWT'));
    await user.paste(jwt());
    await user.selectOptions(within(form).getByLabelText('Audience'), 'Meant for demo-uaa');
    await user.click(within(form).getByRole('button', { name: 'Verify' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Invalid/);
    expect(screen.queryByText('Valid')).not.toBeInTheDocument();
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Bad signature: the signature does not match the header and payload',
      'Expired: expired at 2026-01-01T22:00:00.000Z',
      'Wrong audience: not meant for sb-demo!t1 (aud ["other!t1"])',
    ]);
    expect(bodies).toEqual([{ token: jwt(), audience: 'sb-demo!t1' }]);
    // The claims are still shown, so the user can see what is wrong.
    expect(claimRow('Token claims', 'user_name')).toHaveTextContent('alice');
  });

  it('shows only the problem for something that is not a JWT', async () => {
    const user = userEvent.setup();
    renderTokens();
    recordPosts('/api/tokens/verify', () =>
      HttpResponse.json({
        valid: false,
        header: null,
        claims: null,
        problems: [{ code: 'malformed', message: 'not a JWT: Invalid Token or Protected Header formatting' }],
      }),
    );
    await issueForm();
    await user.type(within(verifyForm()).getByLabelText('JWT'), 'not-a-token');
    await user.click(within(verifyForm()).getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Malformed: not a JWT: Invalid Token or Protected Header formatting',
    );
    expect(screen.queryByRole('table', { name: 'Token claims' })).not.toBeInTheDocument();
  });

  it('clears a verdict as soon as the token is edited, so it never describes another token', async () => {
    const user = userEvent.setup();
    renderTokens();
    recordPosts('/api/tokens/verify', () => HttpResponse.json(verifyResponse()));
    await issueForm();
    const input = within(verifyForm()).getByLabelText('JWT');
    await user.click(input);
    await user.paste(jwt());
    await user.click(within(verifyForm()).getByRole('button', { name: 'Verify' }));
    await screen.findByText('Valid');
    await user.type(input, 'x');
    expect(screen.queryByText('Valid')).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Token claims' })).not.toBeInTheDocument();
  });
});
