/**
 * "Update on board" (issue 2 §4): change the existing map in place, never a second one. Reads the
 * board once (items and tags) so the plan follows a frame moved by hand, drops ids of items
 * someone deleted (they are re-created), and finishes a map a failed write left incomplete.
 */
import type { Board, WriteOp } from '../../board/port';
import { normalizeSpec } from '../../domain/journey/edit-spec';
import { FRAME_KEY, layoutMap } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import type { MapSpec } from '../../domain/journey/map-spec';
import { chooseStageTagTitles } from '../../domain/journey/stage-tag-titles';
import {
  planStageTagSteps,
  tagTitlesAfter,
  tagTitlesOnBoard,
  titlesHeldByOthers,
  type StageTagStep,
} from '../../domain/journey/plan-stage-tags';
import { rectCenter, rectContains } from '../../domain/board/board-item';
import {
  planMapUpdate,
  type MapPlanOp,
  type PlacedNote,
} from '../../domain/journey/plan-map-update';
import { specLimitsOf, validateSpec } from '../../domain/journey/validate-spec';
import { succeededOps } from '../../board/batch-result';
import { startRun, type MapOutcome, type MapRunOptions } from './map-progress';
import { loadMap, loadMaps, saveMap } from './map-store';
import { adoptMapItems, recoverMapItems } from '../../domain/journey/adopt-map-items';
import { errorText } from './record-journal';
import { toWriteOps } from './to-write-ops';

export interface UpdateMapOptions extends MapRunOptions {
  /** Removed stage and lane ids whose notes the facilitator agreed to move out of the grid. */
  confirmRemove?: readonly string[];
}

/** A stage tag step as the board's write operation. */
function tagWriteOp(step: StageTagStep): WriteOp {
  switch (step.kind) {
    case 'ensure':
      return { op: 'ensureTag', title: step.title, color: step.color };
    case 'retag':
      return { op: 'tag', id: step.noteId, add: [step.title], remove: [step.from] };
    case 'rename':
      return { op: 'renameTag', from: step.from, to: step.title };
  }
}

const isFrameStep = (step: MapPlanOp | undefined) =>
  step !== undefined && step.op !== 'move-note' && step.key === FRAME_KEY;

export async function updateMap(
  board: Board,
  mapId: string,
  input: MapSpec,
  options: UpdateMapOptions = {},
): Promise<MapOutcome> {
  const progress = startRun(options);
  // Independent reads at once: on Miro each is a round trip.
  let read;
  try {
    read = await Promise.all([
      loadMap(board, mapId),
      board.listItems(),
      board.listTags(),
      loadMaps(board),
    ]);
  } catch (error) {
    return {
      status: 'failed',
      changed: false,
      message: `Nothing on the board was changed: the board could not be read (${errorText(error)}).`,
    };
  }
  const [loaded, items, tags, { maps }] = read;
  if (!loaded.ok) return { status: 'not-found', message: loaded.message };
  const record = loaded.record;
  const next = normalizeSpec({ ...input, id: mapId });
  const boardTitles = new Set(tags.map((t) => t.title));

  // The recorded items still there, the frame found again, items outside it filed as strays.
  const { frame, itemIds } = recoverMapItems(record, mapId, items);
  const origin = frame ? { x: frame.rect.x, y: frame.rect.y } : record.origin;
  // What an earlier run made but never recorded: adopted by kind, text and place (either the
  // recorded spec's layout or the wanted one, for an update that stopped halfway).
  const adopted = adoptMapItems(
    items,
    frame?.id,
    [layoutMap(next, origin).items, layoutMap(record.spec, origin).items],
    itemIds,
  );

  // This map's own stage tags: kept while they still name their stage; a title an older map
  // also holds (boards made before tags were per map) is left to that map and replaced here.
  const heldByOthers = titlesHeldByOthers(maps, record);
  const wanted = chooseStageTagTitles(next, {
    taken: heldByOthers,
    previous: record.tagTitles,
    maxTagTitle: board.limits.tagTitle,
  });

  // A tag renamed by an earlier, cancelled update: take the board's word for it.
  const tagTitles = tagTitlesOnBoard(record.tagTitles, wanted, boardTitles);

  // Renames free one title and take another, so the tag budget counts them as new tags only.
  const renamedFrom = new Set(
    next.stages.flatMap((s) => {
      const from = tagTitles[s.id];
      return from !== undefined && from !== wanted[s.id] ? [from] : [];
    }),
  );
  const validation = validateSpec(
    next,
    [...boardTitles].filter((t) => !renamedFrom.has(t)),
    specLimitsOf(board),
  );
  if (!validation.ok) return { status: 'invalid', problems: validation.problems };

  const notes: PlacedNote[] = frame
    ? items
        .filter(
          (i) =>
            i.kind === 'note' &&
            (i.parentId === frame.id || rectContains(frame.rect, rectCenter(i.rect))),
        )
        .map((i) => ({ id: i.id, rect: i.rect }))
    : [];
  const previous = {
    spec: record.spec,
    layout: layoutMap(record.spec, origin),
    itemIds,
    tagTitles,
    ...(frame ? { frame: frame.rect } : {}),
  };
  const changedItems =
    adopted || Object.keys(itemIds).length !== Object.keys(record.itemIds).length;
  const plan = planMapUpdate(previous, next, notes, {
    ...(options.confirmRemove ? { confirmRemove: options.confirmRemove } : {}),
    resync: record.incomplete || changedItems,
    tagTitles: wanted,
  });
  if (plan.needsConfirmation.length > 0)
    return { status: 'needs-confirmation', items: plan.needsConfirmation };

  const tagOps = planStageTagSteps({
    spec: next,
    mapId,
    wanted,
    renames: plan.tagRenames,
    ensure: plan.tagsToEnsure,
    boardTitles,
    maps,
    notes: items.filter((i) => i.kind === 'note'),
    inFrame: new Set(notes.map((n) => n.id)),
  });

  // Three batches, because the write queue runs a batch's ops concurrently: the frame must have
  // grown before children move into new space, and may shrink only once they have moved.
  const steps = plan.ops;
  const firstIsFrame = isFrameStep(steps[0]);
  const lastIsFrame = steps.length > 1 && isFrameStep(steps.at(-1));
  const phases = [
    { tags: true, steps: firstIsFrame ? steps.slice(0, 1) : [] },
    { tags: false, steps: steps.slice(firstIsFrame ? 1 : 0, lastIsFrame ? -1 : undefined) },
    { tags: false, steps: lastIsFrame ? steps.slice(-1) : [] },
  ];
  const total = tagOps.length + steps.length;
  let offset = 0;
  let cancelled = false;
  const messages: string[] = [];
  const nextIds: Record<string, string> = { ...itemIds };
  const madeTitles = new Set<string>();
  for (const phase of phases) {
    const tagPart = phase.tags ? tagOps : [];
    const ops = [...tagPart.map(tagWriteOp), ...toWriteOps(phase.steps, mapId, nextIds[FRAME_KEY])];
    if (ops.length === 0) continue;
    const base = offset;
    const result = await board.apply(ops, {
      signal: options.signal,
      onProgress: (p) => progress.batch({ ...p, done: base + p.done, total }),
    });
    offset += ops.length;
    const ok = succeededOps(result, ops.length);
    tagPart.forEach((t, i) => {
      if (ok.has(i)) madeTitles.add(t.title);
    });
    phase.steps.forEach((step, j) => {
      const i = tagPart.length + j;
      if (step.op === 'remove' && ok.has(i) && nextIds[step.key] === step.id)
        delete nextIds[step.key];
      if (step.op === 'create') {
        const id = result.ids[step.key];
        if (id !== undefined) nextIds[step.key] = id;
      }
    });
    messages.push(...result.failed.map((f) => f.message));
    cancelled = result.cancelled;
    // Later phases depend on this one; the next update picks up from the record.
    if (result.failed.length > 0 || cancelled) break;
  }
  const nextTags = tagTitlesAfter(next, plan.tagTitles, tagTitles, madeTitles);

  const complete =
    messages.length === 0 &&
    !cancelled &&
    plan.layout.items.every((item) => nextIds[item.key] !== undefined) &&
    next.stages.every((s) => nextTags[s.id] === plan.tagTitles[s.id]);

  progress.phase('saving');
  const saved: MapRecord = {
    ...record,
    spec: next,
    origin: plan.layout.origin,
    size: plan.layout.size,
    geometry: plan.layout.geometry,
    itemIds: nextIds,
    tagTitles: nextTags,
    updatedAt: progress.now(),
    incomplete: !complete,
  };
  try {
    await saveMap(board, saved);
  } catch (error) {
    progress.phase('done');
    return {
      status: 'incomplete',
      record: saved,
      cancelled,
      messages: [
        ...messages,
        `The board was updated but the map record could not be saved (${errorText(error)}); “Update on board” again finishes it.`,
      ],
    };
  }
  progress.phase('done');
  return complete
    ? { status: 'done', record: saved }
    : {
        status: 'incomplete',
        record: saved,
        cancelled,
        messages,
      };
}
