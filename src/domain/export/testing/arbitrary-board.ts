/**
 * fast-check generators for property tests (test-only; nothing in the app imports this): a map
 * spec, its grid geometry, and a board of notes in and around it with awkward text, tags in mixed
 * case, frames, items of other kinds, and odd rects.
 */
import fc from 'fast-check';
import { PALETTE, type BoardItem, type ItemKind } from '../../board/board-item';
import { LANE_KINDS, stageTagTitle, type LaneKind, type MapSpec } from '../../journey/map-spec';
import { createGridPlacedMap } from '../../stages/testing/grid-placed-map';
import type { PlacedMap } from '../../stages/placed-map';

/** Characters that break naive text handling: controls, odd spaces, lone surrogates, emoji… */
export const awkwardChar: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...[
      '\u0000',
      '\u0007',
      '\t',
      '\n',
      '\r',
      '\u000b',
      '\u007f',
      '\u0085',
      '\u00a0',
      '\u2028',
      '\u3000',
    ],
    ...[
      '\ufeff',
      '\ud83d',
      '\ude00',
      '\u0301',
      '\u200d',
      '\u200f',
      '😤',
      '👩‍👩‍👧',
      '支',
      'ب',
      'é',
      ' ',
    ],
    ...['#', '[', ']', '(', ')', '=', '+', '-', '@', '"', ',', '\\', '<', '*', '_'],
  ),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);

const awkwardText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: awkwardChar, maxLength: 40 }),
  fc.constantFrom(
    '',
    '   ',
    'Checkout 😤 took 3 tries 👩‍👩‍👧',
    '支払いが分かりにくい',
    'الدفع صعب جداً',
    '=SUM(A1:A9)',
    '# not a heading\n\n\n[link](http://x)',
    'tab\there\r\nline\u0000nul\u0085',
    'x'.repeat(7000),
  ),
);

export interface ArbitraryBoard {
  geometry: PlacedMap;
  items: BoardItem[];
}

export const arbitrarySpec: fc.Arbitrary<MapSpec> = fc
  .record({
    stageNames: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), {
      minLength: 1,
      maxLength: 6,
      selector: (s) => s.trim().toLowerCase().replace(/\s+/g, ' '),
    }),
    lanes: fc.array(fc.constantFrom<LaneKind>(...LANE_KINDS), { minLength: 1, maxLength: 5 }),
    persona: fc.option(fc.record({ name: fc.string(), summary: fc.string() }), { nil: null }),
  })
  .filter(({ stageNames }) => stageNames.every((n) => n.trim() !== ''))
  .map(({ stageNames, lanes, persona }) => ({
    id: 'map-1',
    title: 'Journey',
    presetId: 'classic',
    persona,
    stages: stageNames.map((name, i) => ({ id: `s${i}`, name })),
    lanes: lanes.map((kind, i) => ({ id: `l${i}`, name: `Lane ${i}`, kind })),
  }));

const kinds: ItemKind[] = [
  'note',
  'note',
  'note',
  'note',
  'shape',
  'text',
  'frame',
  'dot',
  'other',
];

export const arbitraryBoard: fc.Arbitrary<ArbitraryBoard> = arbitrarySpec.chain((spec) => {
  const geometry = createGridPlacedMap(spec, { origin: { x: 500, y: 300 } });
  const { frameRect } = geometry;
  const tag = fc.oneof(
    fc
      .constantFrom(...spec.stages.map((s) => s.name))
      .chain((name) =>
        fc.constantFrom(
          stageTagTitle(name),
          stageTagTitle(name).toUpperCase(),
          stageTagTitle(name).toLowerCase(),
        ),
      ),
    fc.constantFrom('Urgent', 'Stage · Elsewhere', 'stage'),
  );
  const item = fc.record({
    kind: fc.constantFrom(...kinds),
    text: awkwardText,
    x: fc.double({ min: frameRect.x - 2000, max: frameRect.x + frameRect.w + 2000, noNaN: true }),
    y: fc.double({ min: frameRect.y - 2000, max: frameRect.y + frameRect.h + 2000, noNaN: true }),
    size: fc.oneof(fc.constant(200), fc.double({ min: 0, max: 800, noNaN: true })),
    color: fc.option(fc.constantFrom(...PALETTE), { nil: null }),
    tags: fc.array(tag, { maxLength: 4 }),
    inFrame: fc.boolean(),
    platformType: fc.constantFrom('emoji', 'stamp', 'drawing'),
  });
  return fc.array(item, { maxLength: 60 }).map((raw) => ({
    geometry,
    items: raw.map((r, i): BoardItem => ({
      id: `i${i}`,
      kind: r.kind,
      text: r.text,
      rect: { x: r.x, y: r.y, w: r.size, h: r.size },
      color: r.kind === 'note' ? r.color : null,
      tags: r.tags,
      // Nested frames: the rect is already absolute, the parent only says where it was drawn.
      parentId: r.inFrame ? 'frame-nested' : null,
      meta: null,
      ...(r.kind === 'other' ? { platformType: r.platformType } : {}),
    })),
  }));
});
