/**
 * Board → export file (issue 3 §3): reads the board once (notes and frames), places each stored
 * map where its frame is now, and derives the v1 journey map with the domain's rules, with the
 * applied clusters, vote rounds and actions from their tabs' export hooks. Notes that
 * came from an import get their import key back from the board's index, so a file exported after
 * an import names the same notes as the file that was imported.
 */
import { version as appVersion } from '../../../package.json';
import type { Board, BoardItem } from '../../board/port';
import { rectCenter, rectContains } from '../../domain/board/board-item';
import { deriveJourneyMap, IMPORTED_NOTE_ROLE } from '../../domain/export/derive-journey-map';
import type { JourneyMapFile } from '../../domain/export/journey-map-v1';
import { toExportFile } from '../../domain/export/to-export-file';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import type { PlacedMap } from '../../domain/stages/placed-map';
import { exportActions } from '../actions/export-actions';
import { exportAppliedClusters } from '../grouping/applied-groups';
import { toPlacedMap } from '../map/load-placed-maps';
import { loadMaps } from '../map/map-store';
import { exportVoteRounds } from '../voting/export-votes';
import type { Workshop } from '../workshop';
import { readAuthors, type AuthorsReader } from './authors';
import { loadImportedKeys } from './imported-keys';

export { appVersion };

export interface BoardMaps {
  /** Notes and frames, as listed once. */
  items: BoardItem[];
  maps: { record: MapRecord; placed: PlacedMap }[];
}

/** Every stored map, placed where its frame is now, and the board's notes. One list call. */
export async function readBoardMaps(
  board: Board,
  items?: readonly BoardItem[],
): Promise<BoardMaps> {
  const [listed, { maps }] = await Promise.all([
    items ? Promise.resolve([...items]) : board.listItems(['note', 'frame']),
    loadMaps(board),
  ]);
  const frames = new Map(listed.filter((i) => i.kind === 'frame').map((f) => [f.id, f.rect]));
  return {
    items: listed,
    maps: maps.map((record) => {
      const frameId = record.itemIds[FRAME_KEY];
      return { record, placed: toPlacedMap(record, frameId ? frames.get(frameId) : undefined) };
    }),
  };
}

export interface BuildOptions {
  /** Which map; the board's first (oldest) one when left out. */
  mapId?: string;
  /** Author names only when the facilitator allowed it for this export. */
  includeAuthors: boolean;
  /** Items already listed by the caller (saves a board read). */
  items?: readonly BoardItem[];
  now?: () => Date;
  authors?: AuthorsReader;
}

export type BuildResult =
  /** `warnings`: parts left out because their stored data could not be read. */
  | { ok: true; file: JourneyMapFile; mapId: string; warnings: string[] }
  | { ok: false; reason: 'no-map'; message: string };

/**
 * Notes that belong to this map's export: everything except notes sitting in another map's frame
 * (they belong to that map's export). Notes outside every map stay, as loose notes.
 */
function notesFor(target: PlacedMap, all: BoardMaps): BoardItem[] {
  const others = all.maps.map((m) => m.placed).filter((p) => p.spec.id !== target.spec.id);
  return all.items.filter((item) => {
    if (item.kind !== 'note') return false;
    if (others.length === 0) return true;
    const centre = rectCenter(item.rect);
    if (rectContains(target.frameRect, centre)) return true;
    return !others.some((o) => rectContains(o.frameRect, centre));
  });
}

/** Gives imported notes their marker back when the adapter did not read note metadata. */
function withImportMarkers(
  notes: readonly BoardItem[],
  keys: ReadonlyMap<string, { mapId: string; key: string }>,
): BoardItem[] {
  if (keys.size === 0) return [...notes];
  return notes.map((note) => {
    const found = note.meta === null ? keys.get(note.id) : undefined;
    return found
      ? { ...note, meta: { m: found.mapId, r: IMPORTED_NOTE_ROLE, k: found.key } }
      : note;
  });
}

/** The export file of one map on the board, from a board already read. */
export async function buildFromBoard(
  workshop: Workshop,
  board: BoardMaps,
  options: BuildOptions,
): Promise<BuildResult> {
  const entry =
    options.mapId === undefined
      ? board.maps[0]
      : board.maps.find((m) => m.record.spec.id === options.mapId);
  if (!entry) {
    return {
      ok: false,
      reason: 'no-map',
      message:
        options.mapId === undefined
          ? 'There is no journey map on this board yet. Create one in the Map tab first.'
          : 'This map is no longer on the board.',
    };
  }
  const notes = notesFor(entry.placed, board);
  const mapId = entry.record.spec.id;
  const warnings: string[] = [];
  // Groups, rounds and actions are other tabs' stored data: one that cannot be read leaves its
  // part empty, with a warning, rather than stopping the whole export.
  const part = async <T>(what: string, read: () => Promise<T>, empty: T): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      warnings.push(`${what} left out: ${error instanceof Error ? error.message : String(error)}`);
      return empty;
    }
  };
  const [keys, authors, clusters, votes, actions] = await Promise.all([
    loadImportedKeys(workshop.board),
    options.includeAuthors
      ? (options.authors ?? readAuthors)(workshop.board, notes)
      : Promise.resolve({}),
    part(
      'Clusters',
      () => exportAppliedClusters(workshop.board, mapId, new Set(notes.map((n) => n.id))),
      { clusters: [], clusterIds: {} },
    ),
    part('Vote rounds', () => exportVoteRounds(workshop), { voteRounds: [], noteVotes: {} }),
    part('Actions', () => exportActions(workshop), []),
  ]);
  const map = deriveJourneyMap(withImportMarkers(notes, keys), entry.placed, {
    boardId: workshop.info.id,
    includeAuthors: options.includeAuthors,
    authors,
    votes: votes.noteVotes,
    clusterIds: clusters.clusterIds,
  });
  map.clusters = clusters.clusters;
  map.voteRounds = votes.voteRounds;
  map.actions = actions;
  const file = toExportFile(
    map,
    {
      platform: workshop.platform,
      boardId: workshop.info.id,
      boardName: workshop.info.name,
      appVersion,
    },
    options.now?.() ?? new Date(),
  );
  return { ok: true, file, mapId, warnings };
}

/** The export file of a map on the board (the first one unless `mapId` says which). */
export async function buildJourneyMap(
  workshop: Workshop,
  options: BuildOptions,
): Promise<BuildResult> {
  return buildFromBoard(workshop, await readBoardMaps(workshop.board, options.items), options);
}
