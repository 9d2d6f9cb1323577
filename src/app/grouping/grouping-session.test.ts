import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FACILITATOR } from '../../../test/fakes/playground-board';
import { createMiroBoard } from '../../board/miro/adapter';
import { createDemoBoardState } from '../../board/playground/demo-board';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { LocalBoardState } from '../../board/playground/sdk/local-board-types';
import type { Board, BoardItem } from '../../board/port';
import { createWriteQueue } from '../../board/write-queue';
import { decideStage } from '../../domain/stages/decide-stage';
import { createTestDatabases } from '../../storage/testing/open-test-db';
import type { TouchpointDatabase } from '../../storage';
import { seedDemoWorkshop } from '../demo/seed-demo-workshop';
import { MAP_COLLECTION } from '../map/map-store';
import { exportAppliedClusters, groupsKey } from './applied-groups';
import { createGroupingSession, type GroupingSession } from './grouping-session';
import { createMeaningClient, type MeaningWorkerLike } from './meaning-client';
import type { MeaningRequest, MeaningResponse } from './meaning-run';
import {
  renameGroup,
  toPreview,
  type GroupingPreview,
} from '../../domain/clustering/grouping-preview';
import type { GroupingScope } from './grouping-scope';

const MAP_ID = 'northstar';
const PAIN_LANE: GroupingScope = { kind: 'lane', mapId: MAP_ID, laneId: 'l2' };

let databases = createTestDatabases();
const sessions: GroupingSession[] = [];
beforeEach(() => {
  databases = createTestDatabases();
});
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
  databases.closeAll();
});

/**
 * The demo workshop on the real pair (local board + Miro adapter). `fast` makes every budget
 * check see a new minute; turned off, the board allows 10 calls a minute, as a rate limit would.
 */
async function demoBoard(
  options: { tinyBudget?: boolean; edit?: (state: LocalBoardState) => void } = {},
) {
  let clock = 0;
  let fast = true;
  const state = createDemoBoardState();
  options.edit?.(state);
  const local = createLocalBoard({
    state,
    ...(options.tinyBudget
      ? { creditsPerMinute: 500, creditsPerCall: 50, now: () => (fast ? (clock += 60_000) : clock) }
      : {}),
  });
  // The queue's waits pass on its own clock, at once, and it gives up after two attempts: a rate
  // limit that outlasts the retries stops the batch partway.
  let queueClock = 0;
  const queue = options.tinyBudget
    ? createWriteQueue({
        concurrency: 4,
        maxAttempts: 2,
        now: () => queueClock,
        sleep: async (ms) => {
          queueClock += ms;
        },
      })
    : undefined;
  const real = createMiroBoard(local.connect(FACILITATOR), {
    platform: 'playground',
    ...(queue ? { queue } : {}),
  });
  await seedDemoWorkshop(real);
  // Only batches meet the limit, so the reads around them (the panel's view) still work.
  let limited = false;
  const board: Board = {
    ...real,
    platform: real.platform,
    apply: async (ops, batch) => {
      fast = !limited;
      try {
        return await real.apply(ops, batch);
      } finally {
        fast = true;
      }
    },
  };
  return {
    local,
    board,
    throttle: (on: boolean) => {
      limited = on;
    },
  };
}

async function open(
  board: Board,
  db: TouchpointDatabase | null,
  extra: Partial<Parameters<typeof createGroupingSession>[1]> = {},
): Promise<GroupingSession> {
  const session = createGroupingSession(board, { boardId: 'b1', db, ...extra });
  sessions.push(session);
  await new Promise<void>((resolve) => {
    const check = () => {
      const s = session.view.state();
      if (s.status === 'ready' && s.maps.length > 0) resolve();
    };
    session.view.subscribe(check);
    check();
  });
  return session;
}

const spots = async (board: Board) =>
  new Map(
    (await board.listItems(['note'])).map((n: BoardItem) => [
      n.id,
      { x: Math.round(n.rect.x), y: Math.round(n.rect.y), color: n.color },
    ]),
  );

async function preview(session: GroupingSession, scope = PAIN_LANE): Promise<GroupingPreview> {
  return session.group(scope, { granularity: 0, k: null, pinned: {} }).result;
}

/** A meaning worker that answers every request with `answer(request)`. */
function scriptedWorker(answer: (request: MeaningRequest) => MeaningResponse): MeaningWorkerLike {
  const worker: MeaningWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      queueMicrotask(() =>
        worker.onmessage?.({ data: answer(request) } as MessageEvent<MeaningResponse>),
      );
    },
    terminate() {},
  };
  return worker;
}

/**
 * Selects up to 12 notes beside the demo's stamped note (and that note), waits for the panel's
 * view to see the selection, and groups it.
 */
async function groupAroundStamp(
  board: Board,
  session: GroupingSession,
  notes: readonly BoardItem[],
  stamped: BoardItem,
) {
  const group = notes.filter((n) => n.parentId === stamped.parentId).slice(0, 12);
  if (!group.includes(stamped)) group.push(stamped);
  await board.select(group.map((n) => n.id));
  await new Promise<void>((resolve) => {
    const check = () => {
      const s = session.view.state();
      if (s.status === 'ready' && s.selectedNoteIds.length === group.length) resolve();
    };
    session.view.subscribe(check);
    check();
  });
  const scope: GroupingScope = { kind: 'selection' };
  const p = await session.group(scope, { granularity: 0, k: null, pinned: {} }).result;
  return { scope, p };
}

describe('grouping session, meaning mode', () => {
  it('groups through the meaning worker, or falls back to shared words and says why', async () => {
    const { board } = await demoBoard();
    const requests: MeaningRequest[] = [];
    const ok = await open(board, null, {
      meaningClient: createMeaningClient({
        modelUrl: 'http://app.test/models/m/',
        createWorker: () =>
          scriptedWorker((request) => {
            requests.push(request);
            const ids = request.notes.map((n) => n.id);
            return {
              type: 'result',
              result: {
                groups: [{ id: 'g1', label: 'Everything', keywords: [], noteIds: ids }],
                suggestedK: 1,
              },
              modelFromCache: true,
            };
          }),
      }),
    });
    const run = ok.group(PAIN_LANE, { granularity: 0, k: null, pinned: {}, mode: 'meaning' });
    const p = await run.result;
    expect(requests[0]?.notes).toHaveLength(10);
    expect(p.groups.map((g) => g.label)).toEqual(['Everything']);
    expect(run.notice?.()).toBeNull();

    const failing = await open(board, null, {
      meaningClient: createMeaningClient({
        modelUrl: 'http://app.test/models/m/',
        createWorker: () =>
          scriptedWorker(() => ({ type: 'model-error', message: 'HTTP 404 model.json' })),
      }),
    });
    const fallback = failing.group(PAIN_LANE, {
      granularity: 0,
      k: null,
      pinned: {},
      mode: 'meaning',
    });
    const lexical = await fallback.result;
    expect(lexical.groups.flatMap((g) => g.noteIds)).toHaveLength(10);
    expect(fallback.notice?.()).toMatch(
      /could not load here \(HTTP 404 model\.json\).*shared words/,
    );
  });
});

describe('grouping session', () => {
  it('groups the pain-point lane, applies inside the lane, stores the groups, undoes after reopening', async () => {
    const { board } = await demoBoard();
    const db = await databases.open();
    const session = await open(board, db);
    const lane = session.notes(PAIN_LANE);
    expect(lane).toHaveLength(10);
    const before = await spots(board);
    const ctx = session.view.map(MAP_ID)!.context;
    const stages = async () =>
      new Map(
        (await board.listItems(['note']))
          .filter((n) => lane.some((l) => l.id === n.id))
          .map((n) => [n.id, decideStage(n, ctx).stageId]),
      );
    const tags = async () =>
      new Map((await board.listItems(['note'])).map((n) => [n.id, [...n.tags].sort()]));
    const stagesBefore = await stages();
    const tagsBefore = await tags();
    // Some of the lane's notes carry no stage tag: their cell says their stage.
    expect(lane.some((n) => decideStage(n, ctx).stageSource === 'position')).toBe(true);

    let p = await preview(session);
    // Each group fits one 700 × 500 cell (at most six notes), so the lane holds them.
    expect(p.groups.filter((g) => !g.unsorted).length).toBeGreaterThan(0);
    expect(Math.max(...p.groups.map((g) => g.noteIds.length))).toBeLessThanOrEqual(6);
    const first = p.groups[0]!;
    p = renameGroup(p, first.id, 'Identity checks');
    const outcome = await session.apply(PAIN_LANE, p, { color: true, labels: true });
    expect(outcome).toMatchObject({ status: 'done', failed: [], labels: p.groups.length });
    if (outcome.status !== 'done') return;
    expect(outcome.notices).toEqual([]);

    // Every grouped note moved inside the lane's row, with its group's colour; labels exist.
    const map = session.view.map(MAP_ID)!;
    const row = map.placed.cells.filter((c) => c.laneId === 'l2').map((c) => c.rect);
    const top = Math.min(...row.map((r) => r.y));
    const bottom = Math.max(...row.map((r) => r.y + r.h));
    const after = await spots(board);
    for (const note of lane) {
      const spot = after.get(note.id)!;
      expect(spot.y).toBeGreaterThanOrEqual(top);
      expect(spot.y + note.rect.h).toBeLessThanOrEqual(bottom + 1);
    }
    const texts = (await board.listItems(['text'])).map((t) => t.text);
    expect(texts).toContain('Identity checks');
    // Notes placed by position only got their stage's tag, so no note changed stage.
    expect(await stages()).toEqual(stagesBefore);
    // Still the lane's notes, as the panel's live view sees them.
    expect(
      session
        .notes(PAIN_LANE)
        .map((n) => n.id)
        .sort(),
    ).toEqual(lane.map((n) => n.id).sort());

    // Stored on the board, readable by voting and by the export.
    const stored = await board.shared(MAP_COLLECTION).get(groupsKey(MAP_ID));
    expect(stored).toMatchObject({ version: 1, mapId: MAP_ID });
    const exported = await exportAppliedClusters(board, MAP_ID);
    expect(exported.clusters.map((c) => c.label)).toContain('Identity checks');
    expect(Object.keys(exported.clusterIds).sort()).toEqual(
      p.groups
        .filter((g) => !g.unsorted)
        .flatMap((g) => g.noteIds)
        .sort(),
    );
    expect(await board.shared(MAP_COLLECTION).get('clusters')).toMatchObject({
      clusters: expect.arrayContaining([expect.objectContaining({ label: 'Identity checks' })]),
    });

    // Close the panel and the database; reopen both: Undo is still there and exact.
    session.close();
    databases.closeAll();
    const reopened = await open(board, await databases.open());
    expect(await reopened.undoStatus()).toMatchObject({ available: true, pending: false });
    const undone = await reopened.undo();
    expect(undone).toMatchObject({ status: 'done', failed: [] });
    expect(await spots(board)).toEqual(before);
    expect(await tags()).toEqual(tagsBefore);
    expect((await board.listItems(['text'])).map((t) => t.text)).not.toContain('Identity checks');
    expect(await board.shared(MAP_COLLECTION).get(groupsKey(MAP_ID))).toBeUndefined();
    expect((await exportAppliedClusters(board, MAP_ID)).clusters).toEqual([]);
    expect(await reopened.undoStatus()).toEqual({ available: false, reason: null });
  });

  it('falls back to free space when a cell cannot hold the groups, and says so', async () => {
    const { board } = await demoBoard();
    const session = await open(board, await databases.open());
    const cell: GroupingScope = { kind: 'cell', mapId: MAP_ID, stageId: 's3', laneId: 'l2' };
    expect(session.notes(cell)).toHaveLength(3);
    // Five groups of two lane notes cannot share one 700 × 500 cell.
    const lane = session.notes(PAIN_LANE).map((n) => n.id);
    const p = toPreview(
      [0, 1, 2, 3, 4].map((i) => ({
        id: `g${i}`,
        label: `Group ${i}`,
        keywords: [],
        noteIds: lane.slice(2 * i, 2 * i + 2),
      })),
    );
    const outcome = await session.apply(cell, p, { color: false, labels: true });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.notices[0]).toMatch(/do not fit/);
  });

  it('continues a group too big for one cell in the next cell of the lane', async () => {
    const { board } = await demoBoard();
    const session = await open(board, await databases.open());
    const lane = session.notes(PAIN_LANE);
    const p = toPreview([
      { id: 'big', label: 'All pains', keywords: [], noteIds: lane.map((n) => n.id) },
    ]);
    const outcome = await session.apply(PAIN_LANE, p, { color: false, labels: true });
    expect(outcome).toMatchObject({ status: 'done', notices: [] });
    expect(session.notes(PAIN_LANE)).toHaveLength(10);
    const texts = (await board.listItems(['text'])).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['All pains', 'All pains (cont.)']));
  });

  it('groups the selected loose notes into free space; vote dots travel with their notes', async () => {
    const { board } = await demoBoard();
    const session = await open(board, await databases.open());
    const loose = (await board.listItems(['note'])).filter(
      (n) =>
        n.parentId === null &&
        n.color !== null &&
        ['red', 'light_pink', 'orange'].includes(n.color),
    );
    expect(loose).toHaveLength(24);
    await board.select(loose.map((n) => n.id));
    await new Promise<void>((resolve) => {
      const check = () => {
        const s = session.view.state();
        if (s.status === 'ready' && s.selectedNoteIds.length === 24) resolve();
      };
      session.view.subscribe(check);
      check();
    });
    const scope: GroupingScope = { kind: 'selection' };
    expect(session.notes(scope)).toHaveLength(24);
    const dotsBefore = await board.listItems(['dot']);
    expect(dotsBefore.length).toBeGreaterThan(0);
    const before = await spots(board);

    const p = await session.group(scope, { granularity: 0, k: null, pinned: {} }).result;
    const outcome = await session.apply(scope, p, { color: true, labels: true });
    expect(outcome).toMatchObject({ status: 'done', planned: 24 });
    expect(await session.undoStatus()).toMatchObject({ notes: 24 });
    // Each dot keeps its place on its note.
    const noteAfter = new Map((await board.listItems(['note'])).map((n) => [n.id, n.rect]));
    const dotAfter = new Map((await board.listItems(['dot'])).map((d) => [d.id, d.rect]));
    for (const dot of dotsBefore) {
      const host = loose.find(
        (n) =>
          dot.rect.x >= n.rect.x &&
          dot.rect.x <= n.rect.x + n.rect.w &&
          dot.rect.y >= n.rect.y &&
          dot.rect.y <= n.rect.y + n.rect.h,
      );
      if (!host) continue;
      const moved = noteAfter.get(host.id)!;
      expect(dotAfter.get(dot.id)!.x - moved.x).toBeCloseTo(dot.rect.x - host.rect.x, 3);
      expect(dotAfter.get(dot.id)!.y - moved.y).toBeCloseTo(dot.rect.y - host.rect.y, 3);
    }

    expect((await session.undo()).status).toBe('done');
    expect(await spots(board)).toEqual(before);
    const dotsBack = new Map((await board.listItems(['dot'])).map((d) => [d.id, d.rect]));
    for (const dot of dotsBefore) {
      expect(dotsBack.get(dot.id)!.x).toBeCloseTo(dot.rect.x, 3);
      expect(dotsBack.get(dot.id)!.y).toBeCloseTo(dot.rect.y, 3);
    }
  });

  it('a stamp on a moved note travels with it (stamps may be moved by apps; emoji may not)', async () => {
    const { board } = await demoBoard();
    const session = await open(board, await databases.open());
    const notes = await board.listItems(['note']);
    const stamped = notes.find((n) => n.text.startsWith('Love that support'))!;
    const [stamp] = (await board.listItems(['other'])).filter((i) => i.platformType === 'stamp');
    expect(stamp).toBeDefined();
    const { scope, p } = await groupAroundStamp(board, session, notes, stamped);
    expect(await session.apply(scope, p, { color: false, labels: false })).toMatchObject({
      status: 'done',
    });
    const noteAfter = (await board.listItems(['note'])).find((n) => n.id === stamped.id)!;
    const stampAfter = (await board.listItems(['other'])).find((i) => i.id === stamp!.id)!;
    expect(noteAfter.rect.x).not.toBeCloseTo(stamped.rect.x, 0);
    expect(stampAfter.rect.x - noteAfter.rect.x).toBeCloseTo(stamp!.rect.x - stamped.rect.x, 3);
    expect(stampAfter.rect.y - noteAfter.rect.y).toBeCloseTo(stamp!.rect.y - stamped.rect.y, 3);
  });

  it('an emoji on a moved note stays where it is, and the outcome says so', async () => {
    // Beside the demo's "+1" stamp, an emoji: the board lets apps move neither (Miro: emoji are
    // not updatable), so it is left behind and the facilitator is told.
    const emojiId = '3458764999999999999';
    const { board } = await demoBoard({
      edit: (state) => {
        const stamp = state.items.find((i) => i.type === 'stamp')!;
        state.items.push({ ...stamp, id: emojiId, type: 'emoji', x: stamp.x - 40 });
      },
    });
    const session = await open(board, await databases.open());
    const notes = await board.listItems(['note']);
    const stamped = notes.find((n) => n.text.startsWith('Love that support'))!;
    const emoji = (await board.listItems(['other'])).find((i) => i.id === emojiId)!;
    expect(emoji.platformType).toBe('emoji');
    const { scope, p } = await groupAroundStamp(board, session, notes, stamped);
    const outcome = await session.apply(scope, p, { color: false, labels: false });
    expect(outcome).toMatchObject({
      status: 'done',
      notices: [
        'An emoji or drawing on moved notes stay where it is: the board does not let apps move it. Move it by hand if needed.',
      ],
    });
    const emojiAfter = (await board.listItems(['other'])).find((i) => i.id === emojiId)!;
    expect(emojiAfter.rect).toEqual(emoji.rect);
  });

  it('keeps pinned notes where they are and in their group', async () => {
    const { board } = await demoBoard();
    const session = await open(board, await databases.open());
    const lane = session.notes(PAIN_LANE);
    const pins = { [lane[0]!.id]: 'Ours', [lane[1]!.id]: 'Ours' };
    const p = await session.group(PAIN_LANE, { granularity: 0, k: 3, pinned: pins }).result;
    const ours = p.groups.find((g) => g.pinned)!;
    expect(ours.label).toBe('Ours');
    expect(ours.noteIds).toEqual(expect.arrayContaining([lane[0]!.id, lane[1]!.id]));
    const before = await spots(board);
    expect((await session.apply(PAIN_LANE, p, { color: true, labels: true })).status).toBe('done');
    const after = await spots(board);
    expect(after.get(lane[0]!.id)).toEqual(before.get(lane[0]!.id));
    expect(after.get(lane[1]!.id)).toEqual(before.get(lane[1]!.id));
  });

  it('survives a rate limit halfway: the entry stays pending, Resume finishes, Undo reverts', async () => {
    const { board, throttle } = await demoBoard({ tinyBudget: true });
    const session = await open(board, await databases.open());
    const before = await spots(board);
    const p = await preview(session);
    const planned = p.groups.flatMap((g) => g.noteIds);

    throttle(true);
    const outcome = await session.apply(PAIN_LANE, p, { color: true, labels: true });
    expect(outcome.status).toBe('partial');
    if (outcome.status !== 'partial') return;
    expect(outcome.failed.length).toBeGreaterThan(0);
    expect(outcome.failed[0]!.message).toMatch(/rate|limit|credit/i);
    expect(await session.undoStatus()).toMatchObject({ available: true, pending: true });

    throttle(false);
    const resumed = await session.resume();
    expect(resumed).toMatchObject({ status: 'done', failed: [] });
    expect(await session.undoStatus()).toMatchObject({ available: true, pending: false });
    const after = await spots(board);
    expect(planned.some((id) => after.get(id)!.x !== before.get(id)!.x)).toBe(true);
    expect(await board.shared(MAP_COLLECTION).get(groupsKey(MAP_ID))).toBeDefined();

    // Undo, itself stopped halfway by the rate limit, then pressed again.
    throttle(true);
    const stopped = await session.undo();
    expect(stopped.status).toBe('partial');
    expect(await session.undoStatus()).toMatchObject({ available: true });
    throttle(false);
    expect(await session.undo()).toMatchObject({ status: 'done', failed: [] });
    expect(await spots(board)).toEqual(before);
    const labels = new Set(p.groups.map((g) => g.label));
    expect((await board.listItems(['text'])).filter((t) => labels.has(t.text))).toEqual([]);
  });

  it('undoes the newest of two groupings back to the first, colours included', async () => {
    const { board } = await demoBoard();
    const session = await open(board, await databases.open());
    const p = await preview(session);
    expect((await session.apply(PAIN_LANE, p, { color: true, labels: true })).status).toBe('done');
    const first = await spots(board);
    // The second grouping puts six notes in one group (one cell holds six): new places, one colour.
    const all = toPreview([
      { id: 'all', label: 'Everything', keywords: [], noteIds: p.groups.flatMap((g) => g.noteIds) },
    ]);
    const sixInOne = {
      ...all,
      groups: [{ ...all.groups[0]!, noteIds: all.groups[0]!.noteIds.slice(0, 6) }],
    };
    expect((await session.apply(PAIN_LANE, sixInOne, { color: true, labels: true })).status).toBe(
      'done',
    );
    expect(await spots(board)).not.toEqual(first);
    expect((await session.undo()).status).toBe('done');
    expect(await spots(board)).toEqual(first);
  });

  it('splits a group in two with the engine', async () => {
    const { board } = await demoBoard();
    const session = await open(board, null);
    const p = await session.group(PAIN_LANE, { granularity: 0, k: 2, pinned: {} }).result;
    const big = [...p.groups].sort((a, b) => b.noteIds.length - a.noteIds.length)[0]!;
    const split = await session.split(p, big.id);
    expect(split.groups.length).toBe(p.groups.length + 1);
    expect(
      split.groups
        .filter((g) => g.id.startsWith(`${big.id}.`))
        .flatMap((g) => g.noteIds)
        .sort(),
    ).toEqual([...big.noteIds].sort());
    expect(await session.undoStatus()).toMatchObject({ available: false });
  });
});
