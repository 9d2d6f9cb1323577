import 'fake-indexeddb/auto';
/**
 * The bulk use cases the fault matrix runs, each with its repair and undo as the panel offers
 * them (see fault-matrix.ts).
 */
import { realClock } from '../../src/app/export/import-lease';
import { importMap, type ImportOutcome } from '../../src/app/export/import-map';
import { seededFile } from '../../src/app/export/testing/export-fixture';
import { toJsonText } from '../../src/app/export/to-downloads';
import { openWorkshop } from '../../src/app/workshop';
import { createMap } from '../../src/app/map/create-map';
import { loadMapIds, loadMaps } from '../../src/app/map/map-store';
import { removeMap } from '../../src/app/map/remove-map';
import { updateMap } from '../../src/app/map/update-map';
import type { MapOutcome } from '../../src/app/map/map-progress';
import type { Board } from '../../src/board/port';
import { addStage, removeLane, renameStage } from '../../src/domain/journey/edit-spec';
import type { MapSpec } from '../../src/domain/journey/map-spec';
import { createSpecFromPreset, findPreset } from '../../src/domain/journey/presets';
import { loadPlacedMaps } from '../../src/app/map/load-placed-maps';
import {
  tagByPosition,
  undoTagByPosition,
  type TagByPositionOutcome,
} from '../../src/app/stages/tag-by-position';
import { createStageContext } from '../../src/domain/stages/decide-stage';
import { stageTagTitle } from '../../src/domain/journey/map-spec';
import { createJournalStore, type JournalStore } from '../../src/storage';
import { createTestDatabases } from '../../src/storage/testing/open-test-db';
import { drawCurve, removeCurve, type CurveOutcome } from '../../src/app/insights/draw-curve';
import { rateStage, savePersonas } from '../../src/app/insights/insights-writes';
import type { MatrixUseCase, Said } from './fault-matrix';

const classic = (): MapSpec => {
  let n = 0;
  return createSpecFromPreset(findPreset('classic')!, () => `k${(n++).toString(36)}`);
};

const NEAR = { x: 0, y: 0, w: 2000, h: 1500 };
const NOW = () => new Date('2026-12-05T00:00:00Z');

const fromMap = (outcome: MapOutcome): Said => ({
  message:
    outcome.status === 'done'
      ? 'done'
      : outcome.status === 'incomplete'
        ? outcome.messages.join(' ')
        : 'message' in outcome
          ? outcome.message
          : outcome.status,
  claimsNothingChanged:
    outcome.status === 'invalid' ||
    outcome.status === 'not-found' ||
    outcome.status === 'needs-confirmation' ||
    (outcome.status === 'failed' && !outcome.changed),
});

/** "Create on board", or "Update on board" once the map is listed (what the Map tab offers). */
async function createOrUpdate(board: Board, spec: MapSpec): Promise<Said> {
  // As the Map tab offers it: a map with a record is updated, anything else created.
  const listed = (await loadMaps(board)).maps.some((m) => m.spec.id === spec.id);
  return fromMap(
    listed
      ? await updateMap(board, spec.id, spec, { now: NOW })
      : await createMap(board, spec, { near: NEAR, now: NOW }),
  );
}

const remove = async (board: Board, mapId: string): Promise<Said> => {
  const outcome = await removeMap(board, mapId, { now: NOW });
  return {
    message: 'message' in outcome ? outcome.message : outcome.status,
    claimsNothingChanged: outcome.status === 'not-found',
  };
};

const edited = (): MapSpec => {
  let spec = classic();
  spec = renameStage(spec, spec.stages[1]!.id, 'Research');
  spec = addStage(spec, { id: 'knew', name: 'Renewal' });
  spec = removeLane(spec, spec.lanes[2]!.id);
  return spec;
};

export const MATRIX_USE_CASES: MatrixUseCase[] = [
  {
    name: 'create map',
    setup: () => Promise.resolve(),
    run: (board) => createOrUpdate(board, classic()),
    repair: (board) => createOrUpdate(board, classic()),
    undo: (board) => remove(board, classic().id),
    // Stage tags stay (participants' notes carry them); everything else goes.
    exactUndo: false,
  },
  {
    name: 'update map',
    setup: async (board) => {
      await createMap(board, classic(), { near: NEAR, now: NOW });
    },
    run: (board) => createOrUpdate(board, edited()),
    repair: (board) => createOrUpdate(board, edited()),
    undo: (board) => createOrUpdate(board, classic()),
  },
  {
    name: 'remove map',
    setup: async (board) => {
      await createMap(board, classic(), { near: NEAR, now: NOW });
    },
    run: (board) => remove(board, classic().id),
    repair: async (board) =>
      (await loadMapIds(board)).includes(classic().id)
        ? remove(board, classic().id)
        : { message: 'nothing to do', claimsNothingChanged: true },
  },
];

/** A map with notes in its cells: some untagged, one with another tag, one already staged. */
export async function mapWithNotes(board: Board): Promise<void> {
  const made = await createMap(board, classic(), { near: NEAR, now: NOW });
  if (made.status !== 'done') throw new Error(`map not made: ${made.status}`);
  const { geometry, spec } = made.record;
  const note = (s: number, l: number, n: number, tags: string[] = []) => {
    const column = geometry.columns[s]!;
    const row = geometry.rows[l]!;
    return {
      op: 'create' as const,
      ref: `n${s}-${l}-${n}`,
      item: {
        kind: 'note' as const,
        text: `Note ${s}/${l}/${n}`,
        rect: { x: column.x + 20 + n * 230, y: row.y + 20, w: 199, h: 228 },
        color: 'light_yellow' as const,
        tags,
      },
    };
  };
  await board.apply([
    note(0, 0, 0),
    note(0, 1, 0, ['Quick win']),
    note(1, 0, 0),
    note(1, 2, 1),
    note(2, 3, 0),
    note(3, 0, 0, [stageTagTitle(spec.stages[0]!.name)]),
    note(4, 4, 0),
    note(5, 1, 1),
  ]);
}

const fromTagging = (outcome: TagByPositionOutcome): Said => ({
  message: outcome.status === 'refused' ? outcome.message : outcome.status,
  claimsNothingChanged: outcome.status === 'refused' || outcome.status === 'nothing-to-do',
});

function tagByPositionCase(): MatrixUseCase {
  let databases = createTestDatabases();
  let journal: Promise<JournalStore> | null = null;
  const journalOf = () => (journal ??= databases.open().then((db) => createJournalStore(db)));
  const run = async (board: Board): Promise<Said> => {
    const [placed] = await loadPlacedMaps(board);
    if (!placed) throw new Error('no map');
    const items = await board.listItems(['note']);
    return fromTagging(
      await tagByPosition(board, createStageContext(placed), items, {
        boardId: 'board-1',
        journal: await journalOf(),
      }),
    );
  };
  return {
    name: 'tag by position + undo',
    begin() {
      databases.closeAll();
      databases = createTestDatabases();
      journal = null;
    },
    setup: mapWithNotes,
    run,
    // "Tag by position" again tags what is still untagged.
    repair: run,
    // Undo until nothing is left to undo (a repair run journals its own entry).
    async undo(board) {
      const store = await journalOf();
      for (let i = 0; i < 5; i++) {
        const outcome = await undoTagByPosition(board, store, 'board-1');
        if (outcome.status === 'nothing-to-undo' || outcome.status === 'blocked')
          return { message: outcome.status, claimsNothingChanged: true };
      }
      return { message: 'undone', claimsNothingChanged: false };
    },
    exactUndo: true,
  };
}

MATRIX_USE_CASES.push(tagByPositionCase());

const fromImport = (outcome: ImportOutcome): Said => ({
  message:
    'message' in outcome
      ? outcome.message
      : outcome.status === 'incomplete'
        ? outcome.messages.join(' ')
        : outcome.status,
  claimsNothingChanged:
    outcome.status === 'invalid' ||
    outcome.status === 'refused' ||
    outcome.status === 'stopped' ||
    outcome.status === 'already-imported',
});

/**
 * Import, and its repair: the same file imported again from a fresh panel. A panel that closed
 * mid-import leaves its lease on the board; the repair comes after it ran out (the clock moved
 * on an hour), as a facilitator who reopens the panel later would.
 */
function importCase(): MatrixUseCase {
  let text: Promise<string> | null = null;
  const at = Date.parse('2026-12-05T00:00:00Z');
  const importAt = async (board: Board, now: number): Promise<Said> => {
    const workshop = await openWorkshop(board, { db: null, problem: 'No history in the matrix.' });
    return fromImport(
      await importMap(workshop, await (text ??= seededFile().then(toJsonText)), {
        now: NOW,
        clock: { ...realClock, now: () => now },
      }),
    );
  };
  return {
    name: 'import',
    setup: async () => {
      await (text ??= seededFile().then(toJsonText));
    },
    run: (board) => importAt(board, at),
    repair: (board) => importAt(board, at + 3_600_000),
    // Beyond first / middle / last: the plan written before the notes, and the first and the
    // middle note of the notes batch (the map's batch comes first and holds the middle call).
    morePositions(log) {
      const notes = log.flatMap((name, i) => (name === 'createStickyNote' ? [i] : []));
      const first = notes[0] ?? 0;
      let plan = first - 1;
      while (plan > 0 && !log[plan]!.startsWith('storage.')) plan -= 1;
      return [plan, first, notes[Math.floor(notes.length / 2)] ?? first];
    },
  };
}

MATRIX_USE_CASES.push(importCase());

const fromCurve = (outcome: CurveOutcome): Said => ({
  message:
    'message' in outcome
      ? outcome.message
      : outcome.status === 'incomplete'
        ? outcome.messages.join(' ')
        : outcome.status,
  claimsNothingChanged:
    outcome.status === 'refused' || (outcome.status === 'failed' && !outcome.changed),
});

/** Three raters, two personas, as-is and to-be, on most stages of the classic map. */
async function mapWithRatings(board: Board): Promise<void> {
  const made = await createMap(board, classic(), { near: NEAR, now: NOW });
  if (made.status !== 'done') throw new Error(`map not made: ${made.status}`);
  const mapId = made.record.spec.id;
  const stages = made.record.spec.stages.map((s) => s.id);
  await savePersonas(board, mapId, [
    { id: 'pa', name: 'Ana', summary: '' },
    { id: 'pb', name: 'Bo', summary: '' },
  ]);
  const raters = ['ann', 'ben', 'cat'];
  for (const [r, rater] of raters.entries())
    for (const [s, stageId] of stages.entries())
      for (const personaId of ['pa', 'pb'])
        for (const line of ['as-is', 'to-be'] as const) {
          if ((s + r) % 5 === 4) continue; // some stages unrated by some
          const value = ((s * 3 + r + (line === 'to-be' ? 2 : 0)) % 5) - 2;
          await rateStage(
            board,
            { userId: rater, deviceId: 'd', department: null },
            { mapId, stageId, personaId, line, value },
            '2026-12-05T00:00:00.000Z',
          );
        }
}

const draw = async (board: Board): Promise<Said> =>
  fromCurve(await drawCurve(board, classic().id, { now: NOW }));

/** Beyond first / middle / last: the first and the middle line, and the first move. */
const curvePositions = (log: readonly string[]): number[] => {
  const at = (name: string) => log.flatMap((n, i) => (n === name ? [i] : []));
  const lines = at('createConnector');
  return [lines[0], lines[Math.floor(lines.length / 2)], at('sync')[0]].filter(
    (i): i is number => i !== undefined,
  );
};

MATRIX_USE_CASES.push(
  {
    name: 'draw emotion curve',
    setup: mapWithRatings,
    run: draw,
    repair: draw,
    undo: async (board) => {
      const outcome = await removeCurve(board, classic().id);
      return {
        message: outcome.status === 'done' ? 'done' : outcome.messages.join(' '),
        claimsNothingChanged: false,
      };
    },
    exactUndo: true,
    morePositions: curvePositions,
  },
  {
    name: 'update emotion curve',
    setup: async (board) => {
      await mapWithRatings(board);
      await drawCurve(board, classic().id, { now: NOW });
      // Ann changes her mind on two stages, clears one, and rates one nobody rated.
      const mapId = classic().id;
      const stages = classic().stages.map((s) => s.id);
      const ann = { userId: 'ann', deviceId: 'd', department: null };
      const at = '2026-12-05T01:00:00.000Z';
      for (const [stageId, value] of [
        [stages[0], 2],
        [stages[2], -2],
        [stages[1], null],
        [stages[4], 1],
      ] as const)
        await rateStage(
          board,
          ann,
          { mapId, stageId: stageId!, personaId: 'pa', line: 'as-is', value },
          at,
        );
      await savePersonas(board, mapId, [
        { id: 'pb', name: 'Bo', summary: '' },
        { id: 'pa', name: 'Ana', summary: '' },
      ]);
    },
    run: draw,
    repair: draw,
    morePositions: curvePositions,
  },
);
