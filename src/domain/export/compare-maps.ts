import type { ExportNote, ExportVoteRound, JourneyMap, JourneyMapFile } from './journey-map';

export interface NoteRef {
  id: string;
  importKey: string;
  text: string;
}

export interface StageMove {
  note: NoteRef;
  from: { stageId: string | null; name: string };
  to: { stageId: string | null; name: string };
}

export interface Change<T> {
  note: NoteRef;
  before: T;
  after: T;
}

export interface MapComparison {
  added: NoteRef[];
  removed: NoteRef[];
  /** Stage changed (by id, so a renamed stage is not a move). */
  moved: StageMove[];
  /** Same note, different text. */
  reworded: Change<string>[];
  votesChanged: Change<number>[];
  /** By cluster label: re-running the grouping gives new ids, and people read labels. */
  clusterChanged: Change<string | null>[];
  clusters: {
    added: { id: string; label: string }[];
    removed: { id: string; label: string }[];
    relabelled: { id: string; before: string; after: string }[];
  };
  voteRounds: {
    added: { id: string; title: string }[];
    removed: { id: string; title: string }[];
    statusChanged: { id: string; title: string; before: string; after: string }[];
  };
  /** Notes found in both with none of the changes above. */
  unchanged: number;
}

const ref = (n: ExportNote): NoteRef => ({ id: n.id, importKey: n.importKey, text: n.text });
const mapOf = (x: JourneyMap | JourneyMapFile): JourneyMap =>
  'format' in x && 'map' in x ? x.map : (x as JourneyMap);

/**
 * What changed from `before` to `after` (two snapshots, or a file and its re-import). Notes are
 * matched by id, then by import key, so a re-imported map on another board still lines up.
 */
export function compareMaps(
  beforeInput: JourneyMap | JourneyMapFile,
  afterInput: JourneyMap | JourneyMapFile,
): MapComparison {
  const a = mapOf(beforeInput);
  const b = mapOf(afterInput);
  const byId = new Map(b.notes.map((n) => [n.id, n]));
  const byKey = new Map<string, ExportNote>();
  for (const n of b.notes) if (!byKey.has(n.importKey)) byKey.set(n.importKey, n);

  const stageName = (m: JourneyMap) => {
    const names = new Map(m.stages.map((s) => [s.id, s.name]));
    return (id: string | null) => (id === null ? '' : (names.get(id) ?? id));
  };
  const clusterLabel = (m: JourneyMap) => {
    const labels = new Map(m.clusters.map((c) => [c.id, c.label]));
    return (id: string | null) => (id === null ? null : (labels.get(id) ?? id));
  };
  const [stageA, stageB, labelA, labelB] = [
    stageName(a),
    stageName(b),
    clusterLabel(a),
    clusterLabel(b),
  ];

  const result: MapComparison = {
    added: [],
    removed: [],
    moved: [],
    reworded: [],
    votesChanged: [],
    clusterChanged: [],
    clusters: { added: [], removed: [], relabelled: [] },
    voteRounds: { added: [], removed: [], statusChanged: [] },
    unchanged: 0,
  };
  const matched = new Set<ExportNote>();
  for (const before of a.notes) {
    let after = byId.get(before.id);
    if (after === undefined || matched.has(after)) after = byKey.get(before.importKey);
    if (after === undefined || matched.has(after)) {
      result.removed.push(ref(before));
      continue;
    }
    matched.add(after);
    const note = ref(after);
    let changed = false;
    if (before.stageId !== after.stageId) {
      result.moved.push({
        note,
        from: { stageId: before.stageId, name: stageA(before.stageId) },
        to: { stageId: after.stageId, name: stageB(after.stageId) },
      });
      changed = true;
    }
    if (before.text !== after.text) {
      result.reworded.push({ note, before: before.text, after: after.text });
      changed = true;
    }
    if (before.votes !== after.votes) {
      result.votesChanged.push({ note, before: before.votes, after: after.votes });
      changed = true;
    }
    const [clusterBefore, clusterAfter] = [labelA(before.clusterId), labelB(after.clusterId)];
    if (clusterBefore !== clusterAfter) {
      result.clusterChanged.push({ note, before: clusterBefore, after: clusterAfter });
      changed = true;
    }
    if (!changed) result.unchanged += 1;
  }
  result.added = b.notes.filter((n) => !matched.has(n)).map(ref);

  const clustersA = new Map(a.clusters.map((c) => [c.id, c]));
  const clustersB = new Map(b.clusters.map((c) => [c.id, c]));
  for (const c of b.clusters) {
    const old = clustersA.get(c.id);
    if (!old) result.clusters.added.push({ id: c.id, label: c.label });
    else if (old.label !== c.label)
      result.clusters.relabelled.push({ id: c.id, before: old.label, after: c.label });
  }
  for (const c of a.clusters)
    if (!clustersB.has(c.id)) result.clusters.removed.push({ id: c.id, label: c.label });

  const roundsA = new Map<string, ExportVoteRound>(a.voteRounds.map((r) => [r.id, r]));
  const roundsB = new Set(b.voteRounds.map((r) => r.id));
  for (const r of b.voteRounds) {
    const old = roundsA.get(r.id);
    if (!old) result.voteRounds.added.push({ id: r.id, title: r.title });
    else if (old.status !== r.status) {
      result.voteRounds.statusChanged.push({
        id: r.id,
        title: r.title,
        before: old.status,
        after: r.status,
      });
    }
  }
  for (const r of a.voteRounds)
    if (!roundsB.has(r.id)) result.voteRounds.removed.push({ id: r.id, title: r.title });
  return result;
}
