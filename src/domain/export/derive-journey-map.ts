import { isPaletteColor, type BoardItem, type Rect } from '../board/board-item';
import { createStageContext, decideStage, isInMap } from '../stages/decide-stage';
import type { PlacedMap } from '../stages/placed-map';
import {
  EMPTY_INSIGHTS,
  type ExportNote,
  type ExportPosition,
  type JourneyMap,
} from './journey-map';
import { compactKey } from './compact-key';
import { tidyNoteText, tidyText } from './tidy-text';

/**
 * Marker role of a note Touchpoint created by importing a file; its marker key is the note's
 * import key, so the key survives the trip board → file → board → file.
 */
export const IMPORTED_NOTE_ROLE = 'note';

export interface DeriveJourneyMapOptions {
  /** Board id, the first half of a new note's import key. */
  boardId: string;
  /** Author names appear only when the facilitator allowed it for this export. */
  includeAuthors: boolean;
  /** Item id → author name, as the adapter reported it. */
  authors?: Readonly<Record<string, string>>;
  /** Item id → votes from ended or revealed rounds (voting fills this in a later issue). */
  votes?: Readonly<Record<string, number>>;
  /** Item id → cluster id of the applied grouping. */
  clusterIds?: Readonly<Record<string, string>>;
  /**
   * Every map of the board, oldest first, `placed` among them: another map's stage tag then
   * reads as that map's, not as this map's position (issue 9 §1).
   */
  board?: readonly PlacedMap[];
}

/**
 * A note's import key: kept from the file it was imported from, else `<boardId>:<itemId>`; a key
 * longer than the limit is its compact hash.
 */
export function deriveImportKey(item: BoardItem, boardId: string): string {
  const marker = item.meta;
  if (marker && marker.r === IMPORTED_NOTE_ROLE && marker.k) return compactKey(marker.k);
  return compactKey(`${boardId}:${item.id}`);
}

const finite = (n: number): number => (Number.isFinite(n) ? n : 0);
const toPosition = (r: Rect): ExportPosition => ({
  x: finite(r.x),
  y: finite(r.y),
  w: Math.max(0, finite(r.w)),
  h: Math.max(0, finite(r.h)),
});

const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;

/**
 * Board items → the journey map of one map on the board (pure). Every sticky note given becomes
 * one entry: notes inside the map's frame with their stage and lane, the rest with `loose: true`
 * (the caller picks which notes: the map's own, and loose ones only when asked). Touchpoint's own template stickies (marked with another role)
 * and items that are not stickies are left out. Never throws on what a board can hold.
 */
export function deriveJourneyMap(
  items: readonly BoardItem[],
  placed: PlacedMap,
  options: DeriveJourneyMapOptions,
): JourneyMap {
  const ctx = createStageContext(placed, options.board ?? [placed]);
  const { spec } = placed;
  const notes: ExportNote[] = [];
  const seen = new Set<string>();
  // Boards repeat a handful of tag titles across thousands of notes: tidy each title once.
  const tidiedTags = new Map<string, string>();
  const tidyTag = (title: string): string => {
    let tidied = tidiedTags.get(title);
    if (tidied === undefined) tidiedTags.set(title, (tidied = tidyText(title)));
    return tidied;
  };

  for (const item of items) {
    if (item.kind !== 'note' || seen.has(item.id)) continue;
    if (item.meta && item.meta.r !== IMPORTED_NOTE_ROLE) continue;
    seen.add(item.id);

    const decision = decideStage(item, ctx);
    const { text, truncated } = tidyNoteText(item.text);
    const votes = own(options.votes, item.id);
    const clusterId = own(options.clusterIds, item.id);
    const author = options.includeAuthors ? own(options.authors, item.id) : undefined;
    const note: ExportNote = {
      id: item.id,
      kind: 'note',
      importKey: deriveImportKey(item, options.boardId),
      text,
      stageId: decision.stageId,
      stageSource: decision.stageSource,
      laneId: decision.laneId,
      laneSource: decision.laneSource,
      loose: !isInMap(item.rect, ctx),
      clusterId: clusterId ?? null,
      votes: votes !== undefined && Number.isInteger(votes) && votes > 0 ? votes : 0,
      color: isPaletteColor(item.color) ? item.color : null,
      tags: item.tags.map(tidyTag).filter((t) => t !== ''),
      position: toPosition(item.rect),
    };
    if (truncated) note.truncated = true;
    if (decision.conflict) note.stageConflict = decision.conflict;
    if (author !== undefined && tidyText(author) !== '') note.author = tidyText(author);
    notes.push(note);
  }

  const map: JourneyMap = {
    id: spec.id,
    title: spec.title,
    preset: spec.presetId,
    stages: spec.stages.map(({ id, name }) => ({ id, name })),
    lanes: spec.lanes.map(({ id, name, kind }) => ({ id, name, kind })),
    notes,
    clusters: [],
    voteRounds: [],
    actions: [],
    insights: structuredClone(EMPTY_INSIGHTS),
  };
  if (spec.persona) map.persona = { name: spec.persona.name, summary: spec.persona.summary };
  return map;
}
