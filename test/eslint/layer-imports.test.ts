import { ESLint } from 'eslint';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '..', '..');
const SRC = join(REPO, 'src');

/** Lints one made-up file with the repository's config, ESLint started from `cwd`. */
async function layerMessages(cwd: string, file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: join(REPO, 'eslint.config.js') });
  const [result] = await eslint.lintText(code, { filePath: join(SRC, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'touchpoint/layer-imports')
    .map((m) => m.message);
}

describe('touchpoint/layer-imports fails closed', () => {
  it('reports a file in a folder that is not a known layer, even when it imports nothing', async () => {
    const messages = await layerMessages(REPO, 'newfeature/thing.ts', 'export const a = 1;\n');
    expect(messages).toEqual([expect.stringContaining('src/newfeature is not a known layer')]);
  });

  it('reports a forbidden import from a new folder, with ESLint run from src/', async () => {
    const messages = await layerMessages(
      SRC,
      'newfeature/thing.ts',
      "import { x } from '../board/port';\nexport const a = x;\n",
    );
    expect(messages.some((m) => m.includes('not a known layer'))).toBe(true);
  });

  it('reports a forbidden import between known layers from any working directory', async () => {
    for (const cwd of [REPO, SRC]) {
      expect(
        await layerMessages(
          cwd,
          'domain/journey/x.ts',
          "import { Panel } from '../../ui/Panel';\nexport const a = Panel;\n",
        ),
      ).toEqual([expect.stringContaining('domain/ must not import from ui/')]);
      expect(
        await layerMessages(
          cwd,
          'ui/map/x.ts',
          "import type { Board } from '../../board/port';\nexport type A = Board;\n",
        ),
      ).toEqual([expect.stringContaining('ui/ must not import from board/')]);
    }
  });

  it('lets a layer import what it is allowed to', async () => {
    expect(
      await layerMessages(
        SRC,
        'app/map/x.ts',
        "import { FRAME_KEY } from '../../domain/journey/layout';\nimport type { Board } from '../../board/port';\nexport const a: [string, Board | null] = [FRAME_KEY, null];\n",
      ),
    ).toEqual([]);
  });

  it("keeps production code inside src/, while tests may use test/'s fakes", async () => {
    const code =
      "import { FACILITATOR } from '../../../test/fakes/playground-board';\nexport const a = FACILITATOR;\n";
    expect(await layerMessages(REPO, 'app/map/x.ts', code)).toEqual([
      expect.stringContaining('must not import from outside src/'),
    ]);
    expect(await layerMessages(REPO, 'app/map/x.test.ts', code)).toEqual([]);
  });
});
