/**
 * Voter keys of anonymous rounds. What an anonymous round promises is that nothing anyone can
 * read (every shared collection, every item and its author, the export) links a ballot to a
 * person. So the key a ballot is stored under must not be computable from a user id:
 *
 * - rounds with ballot places: the key is random (`randomVoterKey`, 112 bits from the browser's
 *   CSPRNG), made by the voter's browser and kept only there; the ballot sits at a random free
 *   place (`pickFreePlace`), so the places' order is not the order of voting either;
 * - rounds on the platform's own voting session: there is no key; the platform counts.
 *
 * Rounds started by earlier versions used `legacyVoterKey`, a hash of round id, user id and a salt
 * stored in the round. Anyone holding the salt and the member list can hash every member and match
 * ballots; those rounds are still counted, and the Vote tab says how weak they are.
 */
import type { VoteRound } from './vote-round';

export const ANONYMOUS_KEY_PREFIX = 'anon-';
const ANONYMOUS_KEY = /^anon-[0-9a-z]{22}$/;
/** 14 bytes = 112 bits; 36^22 > 2^113, so every key fits 22 base-36 digits. */
export const VOTER_KEY_BYTES = 14;

export const isAnonymousVoterKey = (key: string): boolean => ANONYMOUS_KEY.test(key);

/** A voter key from random bytes (the domain has no entropy: the app passes CSPRNG output). */
export function randomVoterKey(bytes: Uint8Array): string {
  if (bytes.length !== VOTER_KEY_BYTES) throw new RangeError(`Need ${VOTER_KEY_BYTES} bytes.`);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return `${ANONYMOUS_KEY_PREFIX}${n.toString(36).padStart(22, '0')}`;
}

/** The weak key of rounds from earlier versions (kept to count their ballots; never for new ones). */
export function legacyVoterKey(roundId: string, userId: string, salt: string): string {
  // Separators keep ("ab", "c") and ("a", "bc") apart; two seeds give ~106 bits against collisions.
  const text = `${roundId}\u0000${userId}\u0000${salt}`;
  const part = (seed: number) => cyrb53(text, seed).toString(36).padStart(11, '0');
  return `${ANONYMOUS_KEY_PREFIX}${part(0x9e3779b9)}${part(0x85ebca6b)}`;
}

/**
 * The key a user's ballot is stored under when it can be computed: the user id in open and
 * secret rounds, the legacy hash in old anonymous rounds; null in anonymous rounds of today,
 * whose key only the voter's browser holds (or which have no ballots on the board).
 */
export function voterKeyFor(round: VoteRound, userId: string): string | null {
  if (round.privacy !== 'anonymous') return userId;
  return round.anonymous?.kind === 'legacy-hash'
    ? legacyVoterKey(round.id, userId, round.anonymous.salt)
    : null;
}

/**
 * How many ballot places a new anonymous round gets: three per member the board knows of (at
 * least 24), so a voter finds a free place at the first try nearly always, and no more than
 * `max` (every reader watches every place).
 */
export function ballotPlaceCount(members: number, max: number): number {
  return Math.min(max, Math.max(24, 3 * Math.max(0, Math.floor(members))));
}

/** A uniformly random place not in `taken`, or null when every place is taken. */
export function pickFreePlace(
  places: number,
  taken: ReadonlySet<number>,
  random: () => number,
): number | null {
  const free: number[] = [];
  for (let n = 0; n < places; n += 1) if (!taken.has(n)) free.push(n);
  if (free.length === 0) return null;
  return free[Math.min(free.length - 1, Math.floor(random() * free.length))]!;
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
