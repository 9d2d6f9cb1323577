/**
 * The meaning model's download as numbers: which files come after `model.json`, how far along
 * the download is, and the bytes of several files as one. Pure; `app/grouping/sentence-encoder.ts`
 * does the reading.
 */

/** Approximate download size of one file, for progress before a file's length is known. */
export const SHARD_BYTES = 4_200_000;

/** The part of `model.json` that names the weight files. */
export interface ModelManifest {
  weightsManifest: readonly { paths: readonly string[] }[];
}

/** The files read after `model.json`: the vocabulary, then the weight shards in manifest order. */
export const modelFileNames = (manifest: ModelManifest): string[] => [
  'vocab.json',
  ...manifest.weightsManifest.flatMap((group) => group.paths),
];

/** 0..0.99 over the files: bytes received so far against `SHARD_BYTES` a file. */
export function downloadFraction(received: readonly number[]): number {
  const expected = received.length * SHARD_BYTES;
  const sum = received.reduce((a, b) => a + b, 0);
  return Math.min(0.99, sum / expected);
}

/** A file read in full counts at least `SHARD_BYTES`, so progress never goes back. */
export const bytesOfReadFile = (received: number): number => Math.max(received, SHARD_BYTES);

/** The parts' bytes one after another, in a new buffer. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const total = parts.reduce((a, b) => a + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
