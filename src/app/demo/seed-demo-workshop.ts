/**
 * Puts the playground's demo workshop map on a board through the same path a facilitator uses:
 * `createMap` over the Board port, then the participants' notes in their cells. The rest of the
 * demo (loose notes, quotes, parking lot, vote dots) comes with the local board's initial state.
 */
import type { Board, WriteOp } from '../../board/port';
import { DEMO_MAP, DEMO_MAP_NOTES } from '../../board/playground/demo-board';
import { FRAME_KEY } from '../../domain/journey/layout';
import { stageTagTitle, type MapSpec } from '../../domain/journey/map-spec';
import { createMap } from '../map/create-map';
import { addFacilitator } from '../roles/facilitators';

const NOTE_SIZE = { w: 180, h: Math.round((180 * 228) / 199) };
const QUICK_WINS = ['Virtual card', 'Show which step'];

export function demoMapSpec(): MapSpec {
  return {
    id: 'northstar',
    title: DEMO_MAP.title,
    presetId: 'classic',
    persona: { ...DEMO_MAP.persona },
    stages: DEMO_MAP.stages.map((name, i) => ({ id: `s${i + 1}`, name })),
    lanes: DEMO_MAP.lanes.map((lane, i) => ({ id: `l${i + 1}`, name: lane.name, kind: lane.kind })),
  };
}

export async function seedDemoWorkshop(board: Board): Promise<void> {
  const spec = demoMapSpec();
  const outcome = await createMap(board, spec, { near: { x: 0, y: 0, w: 1, h: 1 } });
  if (outcome.status !== 'done')
    throw new Error(`The demo map could not be made (${outcome.status}).`);
  // Whoever opens the demo (the facilitator persona) created its map: they facilitate it.
  const me = await board.currentUser();
  await addFacilitator(board, me, me);
  const { geometry, itemIds } = outcome.record;
  const frameId = itemIds[FRAME_KEY];
  if (!frameId) throw new Error('The demo map has no frame.');

  const ops: WriteOp[] = [];
  let count = 0;
  spec.stages.forEach((stage, j) => {
    const column = geometry.columns[j]!;
    spec.lanes.forEach((_lane, i) => {
      const row = geometry.rows[i]!;
      const texts = DEMO_MAP_NOTES[stage.name as keyof typeof DEMO_MAP_NOTES][i] ?? [];
      texts.forEach((text, k) => {
        // Most notes carry their stage tag; every fourth relies on where it sits.
        const tags = count % 4 === 3 ? [] : [stageTagTitle(stage.name)];
        if (QUICK_WINS.some((prefix) => text.startsWith(prefix))) tags.push('Quick win');
        ops.push({
          op: 'create',
          ref: `note-${count}`,
          parent: { id: frameId },
          item: {
            kind: 'note',
            text,
            color: DEMO_MAP.lanes[i]?.color ?? 'light_yellow',
            tags,
            rect: {
              x: column.x + 30 + (k % 3) * 230,
              y: row.y + 40 + Math.floor(k / 3) * 240,
              ...NOTE_SIZE,
            },
          },
        });
        count += 1;
      });
    });
  });
  const result = await board.apply(ops);
  if (result.failed.length > 0) {
    throw new Error(`The demo notes could not all be placed: ${result.failed[0]!.message}`);
  }
}
