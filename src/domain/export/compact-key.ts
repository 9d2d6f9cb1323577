/**
 * Import keys stay short (issue 10 §6): a key up to `LIMITS.maxImportKeyLength` characters is kept
 * as it is (every key Touchpoint wrote so far: `<boardId>:<itemId>`), a longer one becomes
 * `h:` and a 64-bit hash of it, so a file with a 100,000-character board id cannot multiply into
 * every note's key and the board's import index. The hash is two FNV-1a streams over UTF-16
 * units with different offsets: deterministic everywhere, and for the few thousand keys of one
 * map a collision is vanishingly unlikely (about n² / 2⁶⁵).
 */
import { LIMITS } from './limits';

const FNV_PRIME = 0x01000193;

function fnv1a(text: string, offset: number): number {
  let hash = offset;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

export function compactKey(key: string): string {
  if (key.length <= LIMITS.maxImportKeyLength) return key;
  return `h:${hex(fnv1a(key, 0x811c9dc5))}${hex(fnv1a(key, 0x050c5d1f))}`;
}
