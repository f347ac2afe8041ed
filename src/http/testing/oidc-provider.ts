import { generateKeyPairSync } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AccountClaims } from 'oidc-provider';

export interface TestProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People who can sign in at the provider, by subject; change it between sign-ins as needed. */
  accounts: Map<string, TestProviderAccount>;
  /**
   * Play the browser at the provider: follow its redirects (carrying its cookies), sign in as
   * `subject` on its development login form, approve the consent screen, and return the URL it
   * finally redirects to (the client's redirect URI with code, state and iss).
   */
  authorize(authorizationUrl: string, subject: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) on 127.0.0.1
 * with a random port, one confidential client, and its development interactions as login screen.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'custos-test';
  const clientSecret = 'custos-test-secret-0123456789abcdef';
  const accounts = new Map<string, TestProviderAccount>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    cookies: { keys: ['custos-test-cookie-key'] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', kid: 'test' }] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: (): AccountClaims => ({ sub, ...account }) };
    },
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    authorize: (authorizationUrl, subject) => authorize(authorizationUrl, subject, redirectUri),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function authorize(authorizationUrl: string, subject: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let response = await send(url, jar);
  for (let step = 0; step < 12; step += 1) {
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(
        `provider answered ${response.status} at ${url.pathname}: ${(await response.text()).slice(0, 500)}`,
      );
    }
    url = new URL(location, url);
    if (url.href.startsWith(redirectUri)) return url;
    if (url.pathname.startsWith('/interaction/')) {
      const page = await (await send(url, jar)).text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      const form =
        prompt === 'login'
          ? new URLSearchParams({ prompt, login: subject, password: 'any' })
          : new URLSearchParams({ prompt: prompt ?? 'consent' });
      response = await send(url, jar, form);
    } else {
      response = await send(url, jar);
    }
  }
  throw new Error('the provider kept redirecting');
}

/** One request without following redirects, sending and collecting cookies by hand. */
async function send(url: URL, jar: Map<string, string>, form?: URLSearchParams): Promise<Response> {
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form?.toString(),
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const index = pair.indexOf('=');
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return response;
}
