/**
 * Voter keys. In anonymous rounds a ballot is keyed by an opaque per-round hash instead of the
 * user id, and no voter id or name is stored anywhere in the round, its ballots or its results.
 *
 * Honest limit: this is a small non-cryptographic hash (cyrb53) of round id, user id and a salt
 * kept with the round. It stops casual reading of the shared collection and links between rounds;
 * it does not stop a determined person who has the salt and the list of board members, since
 * they can hash every member and compare. The platforms offer no server-side secret to do better.
 */
import type { VoteRound } from './vote-round';

export const ANONYMOUS_KEY_PREFIX = 'anon-';
const ANONYMOUS_KEY = /^anon-[0-9a-z]{22}$/;

export function anonymousVoterKey(roundId: string, userId: string, salt: string): string {
  // Separators keep ("ab", "c") and ("a", "bc") apart; two seeds give ~106 bits against collisions.
  const text = `${roundId}\u0000${userId}\u0000${salt}`;
  const part = (seed: number) => cyrb53(text, seed).toString(36).padStart(11, '0');
  return `${ANONYMOUS_KEY_PREFIX}${part(0x9e3779b9)}${part(0x85ebca6b)}`;
}

export const isAnonymousVoterKey = (key: string): boolean => ANONYMOUS_KEY.test(key);

/** The key a user's ballot is stored under: the user id, or the anonymous hash. */
export function voterKeyFor(round: VoteRound, userId: string): string {
  return round.privacy === 'anonymous'
    ? anonymousVoterKey(round.id, userId, round.voterKeySalt ?? '')
    : userId;
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash with good spread. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
