/**
 * The token proxy (server/mural-token-proxy.js) on its own port in front of the local MURAL
 * server, for tests that sign in the documented way: the secret stays in the proxy.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMuralTokenProxy } from '../../server/mural-token-proxy.js';
import type { OAuthConfig } from '../../src/board/mural/oauth';
import type { MuralServer } from './server';

export interface RunningProxy {
  origin: string;
  tokenUrl: string;
  logs: string[];
  /** An OAuthConfig whose token requests go through the proxy, from the proxy's own origin. */
  oauth(redirectUri?: string): OAuthConfig;
  close(): Promise<void>;
}

export async function startTokenProxy(
  mural: MuralServer,
  options: { secret?: string; redirectUris?: string[] } = {},
): Promise<RunningProxy> {
  const logs: string[] = [];
  const app = mural.app;
  const secret = options.secret ?? (app.kind === 'confidential' ? app.clientSecret : '');
  const redirectUris = options.redirectUris ?? ['http://127.0.0.1:9/cb'];
  // The proxy needs its own origin, known once the server listens.
  const handler: { handle?: ReturnType<typeof createMuralTokenProxy> } = {};
  const server = createServer((req, res) => {
    void handler.handle!(req, res).then((answered) => {
      if (!answered) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handler.handle = createMuralTokenProxy({
    clientId: app.clientId,
    ...(secret ? { clientSecret: secret } : {}),
    muralOrigin: mural.origin,
    allowedOrigins: [origin],
    redirectUris,
    log: (line) => logs.push(line),
  });
  // Node's fetch sends no Origin; a browser always does on a cross-origin or POST fetch.
  const withOrigin: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin } });
  return {
    origin,
    tokenUrl: `${origin}/mural-auth/token`,
    logs,
    oauth: (redirectUri = redirectUris[0]!) => ({
      origin: mural.origin,
      clientId: app.clientId,
      redirectUri,
      tokenUrl: `${origin}/mural-auth/token`,
      fetch: withOrigin,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
