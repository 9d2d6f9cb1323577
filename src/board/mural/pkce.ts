/**
 * PKCE (RFC 7636) for the public-client authorization code flow: no secret in the bundle, so the
 * verifier proves the token request comes from whoever started the sign-in.
 */

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A verifier of `length` unreserved characters (RFC 7636 §4.1: 43 to 128). */
export function createVerifier(
  length = 64,
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  if (length < 43 || length > 128) throw new RangeError('A PKCE verifier has 43 to 128 chars.');
  // 66 values × 3 < 256 would bias; rejection sampling keeps every character equally likely.
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length))) {
      if (byte < UNRESERVED.length * 3 && out.length < length) {
        out.push(UNRESERVED[byte % UNRESERVED.length]!);
      }
    }
  }
  return out.join('');
}

/** S256: BASE64URL(SHA256(ASCII(verifier))). */
export async function challengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** An opaque value for the `state` parameter, checked when the redirect comes back. */
export function createState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(24)));
}
