// @ts-check
/**
 * `npm run serve`: the production server. Serves the built app (`dist/`, from `npm run build`)
 * and the MURAL token proxy (server/mural-token-proxy.js), with Node built-ins only.
 *
 *   MURAL_CLIENT_ID=… MURAL_CLIENT_SECRET=… TP_PUBLIC_ORIGIN=https://touchpoint.example.org \
 *     PORT=8080 npm run serve
 *
 * HOST (default 127.0.0.1) and PORT (default 8080) say where it listens; put TLS in front (a
 * reverse proxy), and set TP_PUBLIC_ORIGIN to the address people open. See README.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMuralTokenProxy, proxyConfigFromEnv } from './mural-token-proxy.js';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * @param {{ root?: string, port?: number, host?: string, env?: Record<string, string | undefined>, log?: (line: string) => void }} [options]
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export async function startServer(options = {}) {
  const root = resolve(options.root ?? fileURLToPath(new URL('../dist', import.meta.url)));
  const env = options.env ?? process.env;
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const port = options.port ?? Number(env.PORT ?? 8080);
  const log = options.log ?? ((line) => console.log(line));
  /** @type {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>) | null} */
  let proxy = null;

  const server = createServer((req, res) => {
    void (async () => {
      if (proxy && (await proxy(req, res))) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(404).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': path.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    })().catch((error) => {
      log(`serve: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  await new Promise((done) => server.listen(port, host, () => done(undefined)));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const origin = `http://${host}:${actualPort}`;
  const config = proxyConfigFromEnv(env, [origin, `http://localhost:${actualPort}`]);
  if (config) proxy = createMuralTokenProxy({ ...config, log });
  log(
    `Touchpoint on ${origin} — MURAL sign-in: ${
      config?.clientSecret ? 'token proxy (client secret held here)' : 'browser only (no secret)'
    }`,
  );
  return {
    origin,
    close: () =>
      new Promise((done, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : done(undefined)));
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await startServer();
}
