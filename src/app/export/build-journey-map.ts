/**
 * Board → export file (issue 3 §3): reads the board once (notes and frames), places each stored
 * map where its frame is now, and derives the v1 journey map with the domain's rules, with the
 * applied clusters, vote rounds and actions from their tabs' export hooks. Notes that
 * came from an import get their import key back from the board's index, so a file exported after
 * an import names the same notes as the file that was imported.
 */
import { errorMessage } from '../../domain/common';
import { version as appVersion } from '../../../package.json';
import { exportInsights } from '../insights/export-insights';
import type { Board, BoardItem } from '../../board/port';
import { deriveJourneyMap, IMPORTED_NOTE_ROLE } from '../../domain/export/derive-journey-map';
import { keepMapReferences } from '../../domain/export/keep-map-references';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { toExportFile } from '../../domain/export/to-export-file';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import {
  belongsToMap,
  createStageContexts,
  type StageContext,
} from '../../domain/stages/decide-stage';
import type { PlacedMap } from '../../domain/stages/placed-map';
import { exportActions } from '../actions/export-actions';
import { exportAppliedClusters, loadAppliedGroups } from '../grouping/applied-groups';
import { toPlacedMap } from '../map/load-placed-maps';
import { loadMaps } from '../map/map-store';
import { exportVoteRounds, roundOfMap } from '../voting/export-votes';
import type { Workshop } from '../workshop';
import { readAuthors, type AuthorsReader } from './authors';
import { loadImportedKeys } from './imported-keys';

export { appVersion };

export interface BoardMaps {
  /** Notes and frames, as listed once. */
  items: BoardItem[];
  /** Oldest first, each with its stage context among the board's maps. */
  maps: { record: MapRecord; placed: PlacedMap; context: StageContext }[];
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
  const placed = maps.map((record) => {
    const frameId = record.itemIds[FRAME_KEY];
    return toPlacedMap(record, frameId ? frames.get(frameId) : undefined);
  });
  const contexts = createStageContexts(placed);
  return {
    items: listed,
    maps: maps.map((record, i) => ({
      record,
      placed: placed[i] as PlacedMap,
      context: contexts[i] as StageContext,
    })),
  };
}

export interface BuildOptions {
  /** Which map; the board's first (oldest) one when left out. */
  mapId?: string;
  /** Author names only when the facilitator allowed it for this export. */
  includeAuthors: boolean;
  /** Also the board's notes that belong to no map ("include notes outside the map"; off by default). */
  includeLoose?: boolean;
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
 * Notes of this map's export: the map's own by the membership rule (inside its frame, or tagged
 * with its stage tag), and, when asked, the notes that belong to no map.
 */
function notesFor(target: StageContext, all: BoardMaps, includeLoose: boolean): BoardItem[] {
  return all.items.filter((item) => {
    if (item.kind !== 'note') return false;
    if (belongsToMap(item, target)) return true;
    return includeLoose && !all.maps.some((m) => belongsToMap(item, m.context));
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

/** Notes and applied groups that other maps' files hold: an action sourced there is theirs. */
async function itemsOfOtherMaps(
  store: Board,
  board: BoardMaps,
  mapId: string,
): Promise<Set<string>> {
  const others = board.maps.filter((m) => m.record.spec.id !== mapId);
  const out = new Set<string>();
  for (const m of others) for (const n of notesFor(m.context, board, false)) out.add(n.id);
  const groups = await Promise.all(others.map((m) => loadAppliedGroups(store, m.record.spec.id)));
  for (const g of groups) for (const c of g?.clusters ?? []) out.add(c.id);
  return out;
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
  const notes = notesFor(entry.context, board, options.includeLoose === true);
  const mapId = entry.record.spec.id;
  const warnings: string[] = [];
  const spec = entry.record.spec;
  const mapIds = {
    mapId,
    parts: new Set([...spec.stages.map((s) => s.id), ...spec.lanes.map((l) => l.id)]),
    items: new Set<string>(notes.map((n) => n.id)),
  };
  // Groups, rounds and actions are other tabs' stored data: one that cannot be read leaves its
  // part empty, with a warning, rather than stopping the whole export.
  const part = async <T>(what: string, read: () => Promise<T>, empty: T): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      warnings.push(`${what} left out: ${errorMessage(error)}`);
      return empty;
    }
  };
  const clustersRead = part(
    'Clusters',
    () => exportAppliedClusters(workshop.board, mapId, new Set(notes.map((n) => n.id))),
    { clusters: [], clusterIds: {} },
  );
  const [keys, authors, clusters, votes, actions] = await Promise.all([
    loadImportedKeys(workshop.board),
    options.includeAuthors
      ? (options.authors ?? readAuthors)(workshop.board, notes)
      : Promise.resolve({}),
    clustersRead,
    // After the clusters: a cluster round is this map's when it names this map's clusters.
    clustersRead.then((read) => {
      for (const c of read.clusters) mapIds.items.add(c.id);
      return part(
        'Vote rounds',
        () =>
          exportVoteRounds(workshop, undefined, (round) => roundOfMap(round, mapIds), {
            items: board.items,
            placed: board.maps.map((m) => m.placed),
          }),
        { voteRounds: [], noteVotes: {} },
      );
    }),
    part('Actions', () => exportActions(workshop), []),
  ]);
  const otherMapsItems = await part(
    'Actions of other maps',
    () => itemsOfOtherMaps(workshop.board, board, mapId),
    new Set<string>(),
  );
  const derived = deriveJourneyMap(withImportMarkers(notes, keys), entry.placed, {
    board: board.maps.map((m) => m.placed),
    boardId: workshop.info.id,
    includeAuthors: options.includeAuthors,
    authors,
    votes: votes.noteVotes,
    clusterIds: clusters.clusterIds,
  });
  const insights = await part(
    'Journey insights',
    () =>
      exportInsights(workshop, {
        id: mapId,
        stageIds: derived.stages.map((s) => s.id),
        actionIds: actions.map((a) => a.id),
      }),
    derived.insights,
  );
  // Rounds and actions are stored board-wide: keep this map's, pointing only at ids in the file.
  const map = keepMapReferences(
    { ...derived, clusters: clusters.clusters, voteRounds: votes.voteRounds, actions, insights },
    {
      keepUnsourcedActions: board.maps[0]?.record.spec.id === mapId,
      otherMapsItems,
      // Chosen above by what each round targets, so a round nobody voted in yet stays.
      isMapRound: () => true,
    },
  );
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
