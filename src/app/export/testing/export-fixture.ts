/**
 * Test support for app/export: a workshop on the playground's local board through the real Miro
 * adapter, with this browser's store on fake-indexeddb (import 'fake-indexeddb/auto' first), and
 * a classic map with notes in cells, a tagged note and loose notes.
 */
import {
  createPlaygroundBoard,
  FACILITATOR,
  type PlaygroundBoard,
} from '../../../../test/fakes/playground-board';
import { emptyState } from '../../../board/playground/sdk/board-store';
import type { MapRecord } from '../../../domain/journey/map-record';
import type { MapSpec } from '../../../domain/journey/map-spec';
import { createSpecFromPreset, findPreset } from '../../../domain/journey/presets';
import type { TouchpointDatabase } from '../../../storage';
import type { JourneyMapFile } from '../../../domain/export/journey-map';
import { createMap } from '../../map/create-map';
import { buildJourneyMap } from '../build-journey-map';
import { openWorkshop, type Workshop } from '../../workshop';

export interface Fixture extends PlaygroundBoard {
  workshop: Workshop;
}

/** A workshop on an empty local board; `boardId` tells boards apart (the playground reuses one). */
export async function createFixture(
  db: TouchpointDatabase | null,
  boardId = 'uXjVBoardA=',
): Promise<Fixture> {
  const pg = createPlaygroundBoard({
    state: { ...emptyState(), boardId, boardName: `Board ${boardId}` },
  });
  const workshop = await openWorkshop(pg.board, {
    db,
    problem: db ? null : 'History is off: this browser keeps no local data (private mode).',
  });
  return { ...pg, workshop };
}

const ids = () => {
  let n = 0;
  return () => `k${(n++).toString(36)}`;
};

export async function addClassicMap(fx: Fixture): Promise<{ spec: MapSpec; record: MapRecord }> {
  const spec = createSpecFromPreset(findPreset('classic')!, ids());
  const outcome = await createMap(fx.board, spec);
  if (outcome.status !== 'done') throw new Error(`createMap: ${outcome.status}`);
  return { spec, record: outcome.record };
}

export function noteInCell(
  fx: Fixture,
  record: MapRecord,
  stageIndex: number,
  laneIndex: number,
  text: string,
  offset = 0,
) {
  const col = record.geometry.columns[stageIndex]!;
  const row = record.geometry.rows[laneIndex]!;
  return fx.local.human.addNote({
    x: col.x + 120 + offset,
    y: row.y + 130,
    content: text,
    by: FACILITATOR.id,
  });
}

/** The classic map with five notes in cells (one tagged with another stage), two loose. */
export async function seedWorkshop(fx: Fixture) {
  const { spec, record } = await addClassicMap(fx);
  noteInCell(fx, record, 0, 0, 'Sees an ad on the Tube');
  noteInCell(fx, record, 0, 0, 'Asks a friend', 230);
  noteInCell(fx, record, 1, 3, "Can't find the fees page");
  noteInCell(fx, record, 2, 4, 'Show fees up front, émoji 🎉 ok');
  const tagged = noteInCell(fx, record, 3, 0, 'Downloads the app');
  const purchase = fx.local.tags().find((t) => t.title === 'Stage · Purchase')!;
  fx.local.human.toggleTag(tagged.id, purchase.id);
  const frame = record.geometry.frame;
  fx.local.human.addNote({
    x: frame.x + frame.w + 400,
    y: frame.y + 200,
    content: 'Parking lot: ask legal',
    color: 'orange',
    by: FACILITATOR.id,
  });
  const looseTagged = fx.local.human.addNote({
    x: frame.x + frame.w + 700,
    y: frame.y + 200,
    content: 'Support quote: "took 3 days"',
    by: FACILITATOR.id,
  });
  const awareness = fx.local.tags().find((t) => t.title === 'Stage · Awareness')!;
  fx.local.human.toggleTag(looseTagged.id, awareness.id);
  return { spec, record };
}

/** The seeded workshop of a board of its own, exported with its loose notes: a file to import. */
export async function seededFile(boardId = 'uXjVSource='): Promise<JourneyMapFile> {
  const source = await createFixture(null, boardId);
  await seedWorkshop(source);
  const built = await buildJourneyMap(source.workshop, {
    includeAuthors: false,
    includeLoose: true,
  });
  if (!built.ok) throw new Error(built.message);
  return built.file;
}
