// @ts-check
/**
 * The MURAL token proxy: the one place that holds the app's client secret. MURAL documents the
 * secret as required for OAuth 2.0 (developers.mural.co/public/docs/app-credentials: "Treat your
 * Client secret as a password"), so the browser sends its code exchange and refresh here, and this
 * adds `client_id` and `client_secret` and forwards them to MURAL's token endpoint.
 *
 * It forwards only the two grants the page uses (authorization_code with PKCE, refresh_token),
 * only from the app's own origins, only with a registered redirect URI, and answers everything
 * else with a JSON error. The secret is never sent back, never logged (log lines name the grant
 * and the status only), and never part of the bundle (it is read from the server's environment).
 * Node built-ins only: the dev server (vite.config.ts) and `npm run serve` (server/serve.js) mount it.
 */

export const PROXY_PREFIX = '/mural-auth';
const TOKEN_PATH = `${PROXY_PREFIX}/token`;
const CONFIG_PATH = `${PROXY_PREFIX}/config`;
const MAX_BODY = 8 * 1024;
const GRANTS = new Set(['authorization_code', 'refresh_token']);

/**
 * @typedef {object} ProxyConfig
 * @property {string} clientId
 * @property {string} [clientSecret] Absent: a public registration; the page signs in from the browser.
 * @property {string} [muralOrigin] Default https://app.mural.co.
 * @property {string[]} allowedOrigins The app's own origins (scheme://host:port) allowed to call the proxy.
 * @property {string[]} redirectUris Redirect URIs registered for the app (the page's address).
 * @property {(line: string) => void} [log]
 * @property {typeof fetch} [fetch]
 */

/**
 * Reads the proxy's settings from the environment: MURAL_CLIENT_ID, MURAL_CLIENT_SECRET,
 * MURAL_ORIGIN, TP_PUBLIC_ORIGIN (comma-separated; default the given local origins) and
 * MURAL_REDIRECT_URI (comma-separated; default `<origin>/mural.html` for each origin).
 * @param {Record<string, string | undefined>} env
 * @param {string[]} localOrigins
 * @returns {ProxyConfig | null} null without MURAL_CLIENT_ID.
 */
export function proxyConfigFromEnv(env, localOrigins) {
  const clientId = env.MURAL_CLIENT_ID?.trim();
  if (!clientId) return null;
  const list = (/** @type {string | undefined} */ value) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\/$/, ''))
      .filter(Boolean);
  const origins = list(env.TP_PUBLIC_ORIGIN);
  const allowedOrigins = origins.length > 0 ? origins : localOrigins;
  const redirects = list(env.MURAL_REDIRECT_URI);
  const secret = env.MURAL_CLIENT_SECRET?.trim();
  return {
    clientId,
    ...(secret ? { clientSecret: secret } : {}),
    muralOrigin: (env.MURAL_ORIGIN ?? 'https://app.mural.co').replace(/\/$/, ''),
    allowedOrigins,
    redirectUris: redirects.length > 0 ? redirects : allowedOrigins.map((o) => `${o}/mural.html`),
  };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} error
 * @param {string} description
 */
const fail = (res, status, error, description) =>
  sendJson(res, status, { error, error_description: description });

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string | null>} null when the body is over MAX_BODY.
 */
async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = /** @type {Buffer} */ (chunk);
    size += buffer.length;
    if (size > MAX_BODY) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A request handler for the proxy's paths. Resolves true when it answered, false when the path is
 * not the proxy's (the caller serves it).
 * @param {ProxyConfig} config
 */
export function createMuralTokenProxy(config) {
  const muralOrigin = (config.muralOrigin ?? 'https://app.mural.co').replace(/\/$/, '');
  const upstream = `${muralOrigin}/api/public/v1/authorization/oauth2/token`;
  const log = config.log ?? (() => undefined);
  const doFetch = config.fetch ?? fetch;
  const confidential = typeof config.clientSecret === 'string' && config.clientSecret !== '';

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  return async function handle(req, res) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== PROXY_PREFIX && !path.startsWith(`${PROXY_PREFIX}/`)) return false;

    if (path === CONFIG_PATH) {
      if (req.method !== 'GET') {
        fail(res, 405, 'method_not_allowed', 'Use GET.');
        return true;
      }
      // What the page needs to choose its sign-in path; never the secret.
      sendJson(res, 200, {
        mode: confidential ? 'proxy' : 'browser',
        clientId: config.clientId,
        muralOrigin,
        ...(confidential ? { tokenUrl: TOKEN_PATH } : {}),
      });
      return true;
    }
    if (path !== TOKEN_PATH) {
      fail(res, 404, 'not_found', `No such path ${path}.`);
      return true;
    }
    if (!confidential) {
      fail(res, 404, 'not_configured', 'This server holds no MURAL client secret.');
      return true;
    }
    if (req.method !== 'POST') {
      fail(res, 405, 'method_not_allowed', 'Use POST.');
      return true;
    }
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !config.allowedOrigins.includes(origin)) {
      log(`mural-auth: refused a token request from origin ${String(origin)}`);
      fail(res, 403, 'origin_not_allowed', 'Token requests are accepted from this app only.');
      return true;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
    if (type !== 'application/x-www-form-urlencoded') {
      fail(res, 415, 'invalid_request', 'Send application/x-www-form-urlencoded.');
      return true;
    }
    const body = await readBody(req);
    if (body === null) {
      fail(res, 413, 'invalid_request', `The body is over ${MAX_BODY} bytes.`);
      return true;
    }
    const form = new URLSearchParams(body);
    const grant = form.get('grant_type') ?? '';
    if (!GRANTS.has(grant)) {
      fail(
        res,
        400,
        'unsupported_grant_type',
        'Only authorization_code and refresh_token are forwarded.',
      );
      return true;
    }
    /** @type {Record<string, string>} */
    const forward = { grant_type: grant };
    if (grant === 'authorization_code') {
      const code = form.get('code');
      const verifier = form.get('code_verifier');
      const redirectUri = form.get('redirect_uri');
      if (!code || !verifier || !redirectUri) {
        fail(res, 400, 'invalid_request', 'code, code_verifier and redirect_uri are required.');
        return true;
      }
      if (!config.redirectUris.includes(redirectUri)) {
        fail(res, 400, 'invalid_request', `redirect_uri ${redirectUri} is not registered here.`);
        return true;
      }
      Object.assign(forward, { code, code_verifier: verifier, redirect_uri: redirectUri });
    } else {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) {
        fail(res, 400, 'invalid_request', 'refresh_token is required.');
        return true;
      }
      forward.refresh_token = refreshToken;
    }
    forward.client_id = config.clientId;
    forward.client_secret = /** @type {string} */ (config.clientSecret);

    /** @type {Response} */
    let answer;
    try {
      answer = await doFetch(upstream, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(forward).toString(),
      });
    } catch {
      log(`mural-auth: ${grant} → MURAL unreachable`);
      fail(res, 502, 'upstream_unreachable', `Could not reach ${muralOrigin}.`);
      return true;
    }
    const text = await answer.text();
    /** @type {unknown} */
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      log(`mural-auth: ${grant} → ${answer.status} (not JSON)`);
      fail(res, 502, 'bad_upstream_answer', `MURAL answered ${answer.status} without JSON.`);
      return true;
    }
    log(`mural-auth: ${grant} → ${answer.status}`);
    sendJson(res, answer.status, json);
    return true;
  };
}
