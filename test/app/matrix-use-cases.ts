import 'fake-indexeddb/auto';
/**
 * The bulk use cases the fault matrix runs, each with its repair and undo as the panel offers
 * them (see fault-matrix.ts).
 */
import { realClock } from '../../src/app/export/import-lease';
import { importMap, type ImportOutcome } from '../../src/app/export/import-map';
import { seededFile } from '../../src/app/export/testing/export-fixture';
import { toJsonText } from '../../src/domain/export/to-downloads';
import { openWorkshop } from '../../src/app/workshop';
import { createMap } from '../../src/app/map/create-map';
import { loadMap, loadMapIds, loadMaps } from '../../src/app/map/map-store';
import { removeMap } from '../../src/app/map/remove-map';
import { updateMap } from '../../src/app/map/update-map';
import type { MapOutcome } from '../../src/app/map/map-progress';
import type { Board } from '../../src/board/port';
import { addLane, addStage, removeLane, renameStage } from '../../src/domain/journey/edit-spec';
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
import { drawKpiCards, type DrawOutcome } from '../../src/app/insights/draw-kpi-cards';
import { drawRaciFrame } from '../../src/app/insights/draw-raci-frame';
import { addReading, saveKpi, setRaci } from '../../src/app/insights/insights-writes';
import { putActionsOnBoard, removePlacedPlan } from '../../src/app/actions/put-actions-on-board';
import type { Action } from '../../src/domain/actions/action';
import { placeBadges, removeBadges } from '../../src/app/voting/badges';
import {
  applyGroups,
  findGroupingEntry,
  planApplyGroups,
  resumeGroups,
  undoGroups,
} from '../../src/app/grouping/apply-groups';
import { toPreview } from '../../src/domain/clustering/grouping-preview';

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
      // Each undo's outcome, so a failing case says what the undo met.
      const said: string[] = [];
      for (let i = 0; i < 5; i++) {
        const outcome = await undoTagByPosition(board, store, 'board-1');
        if (outcome.status === 'nothing-to-undo' || outcome.status === 'blocked')
          return {
            message: [...said, outcome.status].join('; '),
            claimsNothingChanged: said.length === 0,
          };
        said.push(
          `${outcome.status}: ${outcome.restored} restored` +
            outcome.failed.map((f) => `, ${f.message}`).join(''),
        );
      }
      return { message: said.join('; '), claimsNothingChanged: false };
    },
    exactUndo: true,
    fresh: tagByPositionCase,
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

const fromDraw = (outcome: DrawOutcome | { status: 'empty'; message: string }): Said => ({
  message:
    outcome.status === 'done'
      ? 'done'
      : outcome.status === 'incomplete'
        ? outcome.messages.join(' ')
        : outcome.message,
  claimsNothingChanged:
    outcome.status === 'failed' || outcome.status === 'not-found' || outcome.status === 'empty',
});

/** A map with KPIs on two stages and their cards drawn; then KPIs change. */
async function kpiSetup(board: Board): Promise<void> {
  const spec = classic();
  await createMap(board, spec, { near: NEAR, now: NOW });
  const stageIds = spec.stages.map((s) => s.id);
  const kpi = (id: string, stageId: string | null) =>
    saveKpi(board, spec.id, stageIds, {
      id,
      name: `KPI ${id}`,
      unit: '%',
      baseline: 10,
      target: 40,
      direction: 'higher',
      stageId,
    });
  let n = 0;
  const reading = (kpiId: string, value: number, date: string) =>
    addReading(board, spec.id, { kpiId, value, date, source: '' }, '2026-12-05', () => `r${n++}`);
  await kpi('a', stageIds[0]!);
  await kpi('b', stageIds[1]!);
  await reading('a', 20, '2026-11-01');
  await drawKpiCards(board, spec.id);
  // Since: a new reading (update), b moves to stage 3 (a card removed, one made), a journey KPI.
  await reading('a', 30, '2026-12-01');
  await kpi('b', stageIds[3]!);
  await kpi('c', null);
  await kpi('d', stageIds[0]!); // stage 0's card grows: replaced
}

MATRIX_USE_CASES.push({
  name: 'KPI cards',
  setup: kpiSetup,
  run: async (board) => fromDraw(await drawKpiCards(board, classic().id)),
  repair: async (board) => fromDraw(await drawKpiCards(board, classic().id)),
  undo: (board) => remove(board, classic().id),
});

/**
 * The same cards once the map has a KPI row under its headers: each stage's card moves into its
 * cell as a child of the frame (remove + create inside it), the journey card stays above.
 */
MATRIX_USE_CASES.push({
  name: 'KPI cards into the KPI row',
  setup: async (board) => {
    await kpiSetup(board);
    const spec = classic();
    const loaded = await loadMap(board, spec.id);
    if (!loaded.ok) throw new Error(loaded.message);
    const next = addLane(loaded.record.spec, { id: 'kpi-row', name: 'KPIs', kind: 'kpis' }, 0);
    const updated = await updateMap(board, spec.id, next);
    if (updated.status !== 'done') throw new Error(`update: ${updated.status}`);
  },
  run: async (board) => fromDraw(await drawKpiCards(board, classic().id)),
  repair: async (board) => fromDraw(await drawKpiCards(board, classic().id)),
  undo: (board) => remove(board, classic().id),
});

/** A map with a RACI matrix of three departments over two stages. */
async function raciSetup(board: Board): Promise<void> {
  const spec = classic();
  await createMap(board, spec, { near: NEAR, now: NOW });
  const [s0, s1] = spec.stages;
  const set = (stageId: string, department: string, role: 'R' | 'A' | 'C' | 'I') =>
    setRaci(board, spec.id, { kind: 'stage', id: stageId }, stageId, department, role);
  await set(s0!.id, 'marketing', 'A');
  await set(s0!.id, 'sales', 'R');
  await set(s1!.id, 'support', 'C');
}

MATRIX_USE_CASES.push({
  name: 'RACI frame',
  setup: raciSetup,
  run: async (board) => fromDraw(await drawRaciFrame(board, classic().id)),
  repair: async (board) => fromDraw(await drawRaciFrame(board, classic().id)),
  undo: (board) => remove(board, classic().id),
});

/**
 * The RACI frame put on the board again after the matrix changed: a column goes (its department
 * has no role left) and two come, so cells move, the frame grows, and one item is removed.
 */
MATRIX_USE_CASES.push({
  name: 'RACI frame update',
  setup: async (board) => {
    await raciSetup(board);
    const spec = classic();
    await drawRaciFrame(board, spec.id);
    const [s0, s1, s2] = spec.stages;
    const set = (stageId: string, department: string, role: 'R' | 'A' | 'C' | 'I' | null) =>
      setRaci(board, spec.id, { kind: 'stage', id: stageId }, stageId, department, role);
    await set(s1!.id, 'support', null);
    await set(s2!.id, 'hr', 'I');
    await set(s0!.id, 'Legal', 'C');
  },
  run: async (board) => fromDraw(await drawRaciFrame(board, classic().id)),
  repair: async (board) => fromDraw(await drawRaciFrame(board, classic().id)),
  undo: (board) => remove(board, classic().id),
});

/** Put again after two columns went: cells move left, then the frame shrinks. */
MATRIX_USE_CASES.push({
  name: 'RACI frame shrink',
  setup: async (board) => {
    await raciSetup(board);
    const spec = classic();
    await drawRaciFrame(board, spec.id);
    const [s0, s1] = spec.stages;
    await setRaci(board, spec.id, { kind: 'stage', id: s0!.id }, s0!.id, 'sales', null);
    await setRaci(board, spec.id, { kind: 'stage', id: s1!.id }, s1!.id, 'support', null);
    await setRaci(board, spec.id, { kind: 'stage', id: s1!.id }, s1!.id, 'marketing', 'R');
  },
  run: async (board) => fromDraw(await drawRaciFrame(board, classic().id)),
  repair: async (board) => fromDraw(await drawRaciFrame(board, classic().id)),
  undo: (board) => remove(board, classic().id),
});

/** "Remove map from board" with KPI cards and a RACI frame beside it: all of it goes. */
MATRIX_USE_CASES.push({
  name: 'remove map with KPI cards and RACI',
  setup: async (board) => {
    await kpiSetup(board);
    await drawKpiCards(board, classic().id);
    const spec = classic();
    await setRaci(board, spec.id, { kind: 'stage', id: spec.stages[0]!.id }, 'x', 'sales', 'A');
    await drawRaciFrame(board, spec.id);
  },
  run: (board) => remove(board, classic().id),
  repair: async (board) =>
    (await loadMapIds(board)).includes(classic().id)
      ? remove(board, classic().id)
      : { message: 'nothing to do', claimsNothingChanged: true },
});

/** Three actions in three quadrants, as the Vote tab's action plan holds them. */
const PLAN: Action[] = [
  ['a1', 'Explain fees before sign-up', 5, 4],
  ['a2', 'Send the card tracking link', 4, 2],
  ['a3', 'Name the support agent', 2, 5],
].map(([id, title, impact, feasibility]) => ({
  id: id as string,
  title: title as string,
  ownerTeam: 'support',
  dueDate: '2027-01-15',
  impact: impact as Action['impact'],
  feasibility: feasibility as Action['feasibility'],
  status: 'todo',
  sourceItemIds: [],
  createdAt: '2026-12-05T00:00:00.000Z',
}));

const putPlan = async (board: Board): Promise<Said> => {
  const outcome = await putActionsOnBoard(board, PLAN);
  return { message: outcome.ok ? 'done' : outcome.reason, claimsNothingChanged: false };
};

MATRIX_USE_CASES.push({
  name: 'action plan on the board',
  setup: async () => undefined,
  run: putPlan,
  // "Put the plan on the board" again from a fresh panel.
  repair: putPlan,
  async undo(board) {
    await removePlacedPlan(board);
    return { message: 'removed', claimsNothingChanged: false };
  },
  exactUndo: true,
});

/** Count badges on four notes (the Vote tab's "Badges on board"), and their removal as undo. */
const badgesOnTop = async (board: Board): Promise<Said> => {
  const notes = (await board.listItems(['note'])).sort((a, b) => a.text.localeCompare(b.text));
  const entries = notes.slice(0, 4).map((n, i) => ({ itemId: n.id, count: 7 - i }));
  const outcome = await placeBadges(board, 'round-1', entries);
  return { message: outcome.ok ? 'done' : outcome.reason, claimsNothingChanged: false };
};

MATRIX_USE_CASES.push({
  name: 'badges on board',
  setup: mapWithNotes,
  run: badgesOnTop,
  repair: badgesOnTop,
  async undo(board) {
    const outcome = await removeBadges(board);
    return { message: outcome.ok ? 'removed' : outcome.reason, claimsNothingChanged: false };
  },
  exactUndo: true,
});

/**
 * Apply groups (colours and labels, in free space beside the map), repaired with "Resume" (or
 * "Apply" again when the run stopped before its journal entry), undone with "Undo grouping".
 */
function applyGroupsCase(): MatrixUseCase {
  let databases = createTestDatabases();
  let journal: Promise<JournalStore> | null = null;
  const journalOf = () => (journal ??= databases.open().then((db) => createJournalStore(db)));
  const said = (message: string, nothing = false): Said => ({
    message,
    claimsNothingChanged: nothing,
  });
  const apply = async (board: Board): Promise<Said> => {
    const notes = (await board.listItems(['note'])).sort((a, b) => a.text.localeCompare(b.text));
    const preview = toPreview([
      { id: 'g1', label: 'Cards', keywords: ['card'], noteIds: notes.slice(0, 4).map((n) => n.id) },
      { id: 'g2', label: 'Fees', keywords: ['fee'], noteIds: notes.slice(4).map((n) => n.id) },
    ]);
    const plan = await planApplyGroups(board, {
      preview,
      notes,
      mapId: null,
      area: null,
      anchor: { x: 0, y: 0, w: 400, h: 400 },
      settings: { color: true, labels: true },
    });
    const outcome = await applyGroups(board, plan, {
      boardId: 'board-1',
      journal: await journalOf(),
    });
    return said(
      'message' in outcome ? outcome.message : outcome.status,
      outcome.status === 'nothing-to-do' || outcome.status === 'refused',
    );
  };
  return {
    name: 'apply groups + resume + undo',
    begin() {
      databases.closeAll();
      databases = createTestDatabases();
      journal = null;
    },
    setup: mapWithNotes,
    run: apply,
    // "Resume" when the run left its journal entry pending; "Apply" again when it stopped before
    // writing one (nothing was moved); nothing when it finished.
    async repair(board) {
      const store = await journalOf();
      const entry = await findGroupingEntry(store, 'board-1');
      if (!entry) return apply(board);
      const resumed = await resumeGroups(board, store, 'board-1');
      return said(resumed.status, resumed.status === 'nothing-to-resume');
    },
    async undo(board) {
      const store = await journalOf();
      for (let i = 0; i < 5; i++) {
        const outcome = await undoGroups(board, store, 'board-1');
        if (outcome.status === 'nothing-to-undo') return said(outcome.status, true);
      }
      return said('undone');
    },
    exactUndo: true,
    fresh: applyGroupsCase,
  };
}

MATRIX_USE_CASES.push(applyGroupsCase());

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
/**
 * The curve's own writes, on either platform: its first and middle line (Miro `createConnector`,
 * MURAL `POST …/widgets/arrow`) and its first moved point (Miro `sync`, MURAL `PATCH …/widgets/…`).
 */
const curvePositions = (log: readonly string[]): number[] => {
  const at = (is: (name: string) => boolean) => log.flatMap((n, i) => (is(n) ? [i] : []));
  const lines = at((n) => n === 'createConnector' || /^POST \S*\/widgets\/arrow$/.test(n));
  const moves = at((n) => n === 'sync' || /^PATCH \S*\/widgets\//.test(n));
  return [lines[0], lines[Math.floor(lines.length / 2)], moves[0]].filter(
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
