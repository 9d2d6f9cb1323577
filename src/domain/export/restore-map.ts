import { isPaletteColor } from '../board/board-item';
import { LANE_KINDS, type LaneKind } from '../journey/map-spec';
import {
  EXPORT_NOTE_KINDS,
  type ActionStatus,
  type ExportAction,
  type ExportCluster,
  type ExportLane,
  type ExportNote,
  type ExportPosition,
  type ExportSource,
  type ExportStage,
  type ExportVoteRound,
  type JourneyMap,
  type Score,
  type VoteBallot,
  type VoteScope,
  type VoteSettings,
  type VoteTotal,
} from './journey-map';
import {
  at,
  bool,
  count,
  fail,
  id,
  ISO_DATE,
  ISO_TIME,
  list,
  nullableText,
  number,
  oneOf,
  optionalRecord,
  record,
  text,
  textList,
  uniqueById,
  withExtras,
  type Obj,
  type Warnings,
} from './field-readers';
import { restoreInsights } from './restore-insights';
import { compactKey } from './compact-key';
import { LIMITS } from './limits';
import { tidyNoteText } from './tidy-text';

const SOURCE_KEYS = ['platform', 'boardId', 'boardName', 'appVersion'];
export function restoreSource(o: Obj | undefined, warnings: Warnings): ExportSource {
  if (!o) warnings.add('The file did not say where it came from.', 'source');
  const s = o ?? {};
  const known: ExportSource = {
    platform: text(s, 'platform', 'source', 'unknown'),
    boardId: text(s, 'boardId', 'source', ''),
    boardName: text(s, 'boardName', 'source', ''),
    appVersion: text(s, 'appVersion', 'source', ''),
  };
  return withExtras(known, s, SOURCE_KEYS);
}

function restoreStage(v: unknown, path: string): ExportStage {
  const o = record(v, path);
  return withExtras({ id: id(o, 'id', path), name: text(o, 'name', path, '') }, o, ['id', 'name']);
}

function restoreLane(v: unknown, path: string, warnings: Warnings): ExportLane {
  const o = record(v, path);
  const kind: LaneKind = oneOf(o, 'kind', path, LANE_KINDS, 'other', warnings);
  return withExtras({ id: id(o, 'id', path), name: text(o, 'name', path, ''), kind }, o, [
    'id',
    'name',
    'kind',
  ]);
}

const POSITION_KEYS = ['x', 'y', 'w', 'h'];
function restorePosition(o: Obj | undefined, path: string): ExportPosition {
  const p = o ?? {};
  const w = number(p, 'w', path, 0);
  const h = number(p, 'h', path, 0);
  if (w < 0) fail(at(path, 'w'), 'a number ≥ 0', w);
  if (h < 0) fail(at(path, 'h'), 'a number ≥ 0', h);
  return withExtras(
    { x: number(p, 'x', path, 0), y: number(p, 'y', path, 0), w, h },
    p,
    POSITION_KEYS,
  );
}

const NOTE_KEYS = [
  'id',
  'kind',
  'importKey',
  'text',
  'truncated',
  'stageId',
  'stageSource',
  'laneId',
  'laneSource',
  'stageConflict',
  'loose',
  'clusterId',
  'votes',
  'color',
  'tags',
  'position',
  'author',
];
interface NoteRefs {
  stageIds: ReadonlySet<string>;
  laneIds: ReadonlySet<string>;
  boardId: string;
}
function restoreNote(o: Obj, path: string, refs: NoteRefs, warnings: Warnings): ExportNote {
  const noteId = id(o, 'id', path);
  let stageId = nullableText(o, 'stageId', path);
  if (stageId !== null && !refs.stageIds.has(stageId)) {
    warnings.add(
      'Notes naming a stage the map does not have were left without a stage.',
      at(path, 'stageId'),
    );
    stageId = null;
  }
  let laneId = nullableText(o, 'laneId', path);
  if (laneId !== null && !refs.laneIds.has(laneId)) {
    warnings.add(
      'Notes naming a lane the map does not have were left without a lane.',
      at(path, 'laneId'),
    );
    laneId = null;
  }
  const stageSource =
    stageId === null
      ? 'none'
      : oneOf(o, 'stageSource', path, ['tag', 'position'] as const, 'tag', warnings);
  const laneSource =
    laneId === null
      ? 'none'
      : oneOf(o, 'laneSource', path, ['position'] as const, 'position', warnings);
  const rawColor = o['color'];
  let color: ExportNote['color'] = null;
  if (isPaletteColor(rawColor)) color = rawColor;
  else if (typeof rawColor === 'string')
    warnings.add('Unknown note colours were cleared.', at(path, 'color'));
  else if (rawColor !== undefined && rawColor !== null)
    fail(at(path, 'color'), 'a colour name or null', rawColor);

  // Same cap as the writer, so a restored snapshot downloads as a file the schema accepts.
  const fullText = text(o, 'text', path, '');
  const noteText = fullText.length > LIMITS.maxNoteText ? tidyNoteText(fullText).text : fullText;
  if (noteText !== fullText) warnings.add('Very long note texts were cut.', at(path, 'text'));
  const note: ExportNote = {
    id: noteId,
    kind: 'note',
    importKey: compactKey(text(o, 'importKey', path, '') || `${refs.boardId}:${noteId}`),
    text: noteText,
    stageId,
    stageSource,
    laneId,
    laneSource,
    loose: bool(o, 'loose', path, false),
    clusterId: nullableText(o, 'clusterId', path),
    votes: count(o, 'votes', path, 0),
    color,
    tags: textList(o, 'tags', path),
    position: restorePosition(optionalRecord(o, 'position', path), at(path, 'position')),
  };
  if (bool(o, 'truncated', path, false) || noteText !== fullText) note.truncated = true;
  const conflict = o['stageConflict'];
  if (conflict === 'multiple-stage-tags' || conflict === 'tag-disagrees-with-position') {
    note.stageConflict = conflict;
  } else if (conflict !== undefined && conflict !== null && typeof conflict !== 'string') {
    fail(at(path, 'stageConflict'), 'text', conflict);
  }
  const author = nullableText(o, 'author', path);
  if (author !== null) note.author = author;
  return withExtras(note, o, NOTE_KEYS);
}

function restoreCluster(
  v: unknown,
  path: string,
  noteIds: ReadonlySet<string>,
  warnings: Warnings,
): ExportCluster {
  const o = record(v, path);
  const memberIds = textList(o, 'memberIds', path).filter((m) => {
    if (noteIds.has(m)) return true;
    warnings.add(
      'Cluster members that are not notes of the map were dropped.',
      at(path, 'memberIds'),
    );
    return false;
  });
  const cluster: ExportCluster = {
    id: id(o, 'id', path),
    label: text(o, 'label', path, ''),
    keywords: textList(o, 'keywords', path),
    memberIds,
  };
  return withExtras(cluster, o, ['id', 'label', 'keywords', 'memberIds']);
}

const VOTE_SCOPES: readonly VoteScope[] = ['map', 'stage', 'lane', 'cluster', 'selection'];
function restoreSettings(o: Obj | undefined, path: string, warnings: Warnings): VoteSettings {
  const s = o ?? {};
  const settings: VoteSettings = {
    votesPerVoter: count(s, 'votesPerVoter', path, 3),
    maxVotesPerItem: count(s, 'maxVotesPerItem', path, 1),
    scope: oneOf(s, 'scope', path, VOTE_SCOPES, 'map', warnings),
    scopeIds: textList(s, 'scopeIds', path),
    anonymous: bool(s, 'anonymous', path, true),
  };
  return withExtras(settings, s, [
    'votesPerVoter',
    'maxVotesPerItem',
    'scope',
    'scopeIds',
    'anonymous',
  ]);
}
function restoreTotals(o: Obj, key: string, path: string): VoteTotal[] {
  return list(o, key, path).map((v, i) => {
    const p = at(at(path, key), i);
    const t = record(v, p);
    return withExtras({ itemId: id(t, 'itemId', p), votes: count(t, 'votes', p, 0) }, t, [
      'itemId',
      'votes',
    ]);
  });
}
const time = (o: Obj, key: string, path: string, warnings: Warnings): string | null => {
  const v = nullableText(o, key, path);
  if (v === null || ISO_TIME.test(v)) return v;
  warnings.add('Times not written in ISO 8601 were cleared.', at(path, key));
  return null;
};
const ROUND_KEYS = [
  'id',
  'title',
  'settings',
  'status',
  'startedAt',
  'endedAt',
  'totals',
  'ballots',
];
function restoreRound(v: unknown, path: string, warnings: Warnings): ExportVoteRound {
  const o = record(v, path);
  const base = {
    id: id(o, 'id', path),
    title: text(o, 'title', path, ''),
    settings: restoreSettings(optionalRecord(o, 'settings', path), at(path, 'settings'), warnings),
    startedAt: time(o, 'startedAt', path, warnings),
    endedAt: time(o, 'endedAt', path, warnings),
    totals: restoreTotals(o, 'totals', path),
  };
  const status = oneOf(
    o,
    'status',
    path,
    ['open', 'ended', 'revealed'] as const,
    'ended',
    warnings,
  );
  if (status === 'open') {
    const ballots: VoteBallot[] = list(o, 'ballots', path).map((b, i) => {
      const p = at(at(path, 'ballots'), i);
      const ballot = record(b, p);
      return withExtras(
        { voterId: id(ballot, 'voterId', p), votes: restoreTotals(ballot, 'votes', p) },
        ballot,
        ['voterId', 'votes'],
      );
    });
    return withExtras({ ...base, status, ballots }, o, ROUND_KEYS);
  }
  if (o['ballots'] !== undefined && o['ballots'] !== null) {
    // Ended rounds keep totals only: who voted for what is private once a round closes.
    warnings.add('Per-voter ballots of ended rounds were removed.', at(path, 'ballots'));
  }
  return withExtras({ ...base, status }, o, ROUND_KEYS);
}

const score = (o: Obj, key: string, path: string): Score => {
  const v = number(o, key, path, 3);
  return Number.isInteger(v) && v >= 1 && v <= 5
    ? (v as Score)
    : fail(at(path, key), 'a whole number from 1 to 5', v);
};
const ACTION_STATUSES: readonly ActionStatus[] = ['todo', 'doing', 'done'];
const ACTION_KEYS = [
  'id',
  'title',
  'ownerTeam',
  'dueDate',
  'impact',
  'feasibility',
  'status',
  'sourceItemIds',
];
function restoreAction(v: unknown, path: string, warnings: Warnings): ExportAction {
  const o = record(v, path);
  let dueDate = nullableText(o, 'dueDate', path);
  if (dueDate !== null && !ISO_DATE.test(dueDate)) {
    warnings.add('Due dates not written as YYYY-MM-DD were cleared.', at(path, 'dueDate'));
    dueDate = null;
  }
  const action: ExportAction = {
    id: id(o, 'id', path),
    title: text(o, 'title', path, ''),
    ownerTeam: nullableText(o, 'ownerTeam', path),
    dueDate,
    impact: score(o, 'impact', path),
    feasibility: score(o, 'feasibility', path),
    status: oneOf(o, 'status', path, ACTION_STATUSES, 'todo', warnings),
    sourceItemIds: textList(o, 'sourceItemIds', path),
  };
  return withExtras(action, o, ACTION_KEYS);
}

const MAP_KEYS = [
  'id',
  'title',
  'preset',
  'persona',
  'stages',
  'lanes',
  'notes',
  'clusters',
  'voteRounds',
  'actions',
  'insights',
];
/** The map of a file at the current version, field by field (see restore). */
export function restoreMap(
  o: Obj,
  boardId: string,
  warnings: Warnings,
  exportDay = '9999-12-31',
): JourneyMap {
  const path = 'map';
  const stages = uniqueById(
    list(o, 'stages', path).map((s, i) => restoreStage(s, at('map.stages', i))),
    'map.stages',
    warnings,
  );
  const lanes = uniqueById(
    list(o, 'lanes', path).map((l, i) => restoreLane(l, at('map.lanes', i), warnings)),
    'map.lanes',
    warnings,
  );
  const refs: NoteRefs = {
    stageIds: new Set(stages.map((s) => s.id)),
    laneIds: new Set(lanes.map((l) => l.id)),
    boardId,
  };
  const notes: ExportNote[] = [];
  list(o, 'notes', path).forEach((v, i) => {
    const p = at('map.notes', i);
    const raw = record(v, p);
    const kind = raw['kind'];
    if (
      kind !== undefined &&
      kind !== null &&
      !(EXPORT_NOTE_KINDS as readonly unknown[]).includes(kind)
    ) {
      if (typeof kind !== 'string') fail(at(p, 'kind'), 'text', kind);
      warnings.add(
        `Items of kinds this version does not know were dropped.`,
        `${p} (${String(kind).slice(0, 40)})`,
      );
      return;
    }
    notes.push(restoreNote(raw, p, refs, warnings));
  });
  const uniqueNotes = uniqueById(notes, 'map.notes', warnings);
  const noteIds = new Set(uniqueNotes.map((n) => n.id));
  const clusters = uniqueById(
    list(o, 'clusters', path).map((c, i) =>
      restoreCluster(c, at('map.clusters', i), noteIds, warnings),
    ),
    'map.clusters',
    warnings,
  );
  const clusterIds = new Set(clusters.map((c) => c.id));
  for (const note of uniqueNotes) {
    if (note.clusterId !== null && !clusterIds.has(note.clusterId)) {
      warnings.add(
        'Notes naming a cluster the map does not have were left unclustered.',
        `map.notes (${note.id})`,
      );
      note.clusterId = null;
    }
  }
  const actions = uniqueById(
    list(o, 'actions', path).map((a, i) => restoreAction(a, at('map.actions', i), warnings)),
    'map.actions',
    warnings,
  );
  const map: JourneyMap = {
    id: id(o, 'id', path),
    title: text(o, 'title', path, 'Untitled map'),
    preset: text(o, 'preset', path, 'blank'),
    stages,
    lanes,
    notes: uniqueNotes,
    clusters,
    voteRounds: uniqueById(
      list(o, 'voteRounds', path).map((r, i) => restoreRound(r, at('map.voteRounds', i), warnings)),
      'map.voteRounds',
      warnings,
    ),
    actions,
    insights: restoreInsights(
      o,
      {
        stageIds: refs.stageIds,
        actionIds: new Set(actions.map((a) => a.id)),
        exportDay,
      },
      warnings,
    ),
  };
  const persona = optionalRecord(o, 'persona', path);
  if (persona) {
    map.persona = withExtras(
      {
        name: text(persona, 'name', 'map.persona', ''),
        summary: text(persona, 'summary', 'map.persona', ''),
      },
      persona,
      ['name', 'summary'],
    );
  }
  return withExtras(map, o, MAP_KEYS);
}
