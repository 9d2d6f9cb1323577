/**
 * One map's export holds that map's rounds and actions only, and no reference points outside
 * the file (issue 9 §2). Rounds and actions are stored board-wide; a round or action is the map's
 * when it names one of the map's notes, clusters, stages or lanes, and every id it names that is
 * not in the file is dropped from it.
 */
import type { ExportAction, ExportVoteRound, JourneyMap } from './journey-map';

/** Ids a file can point at: its notes, clusters, stages and lanes. */
export function idsInFile(
  map: Pick<JourneyMap, 'notes' | 'clusters' | 'stages' | 'lanes'>,
): Set<string> {
  return new Set([
    ...map.notes.map((n) => n.id),
    ...map.clusters.map((c) => c.id),
    ...map.stages.map((s) => s.id),
    ...map.lanes.map((l) => l.id),
  ]);
}

function roundRefs(round: ExportVoteRound): string[] {
  const refs = [...round.settings.scopeIds, ...round.totals.map((t) => t.itemId)];
  if (round.status === 'open')
    for (const ballot of round.ballots) refs.push(...ballot.votes.map((v) => v.itemId));
  return refs;
}

function keepRound(round: ExportVoteRound, known: ReadonlySet<string>): ExportVoteRound {
  const settings = {
    ...round.settings,
    scopeIds: round.settings.scopeIds.filter((id) => known.has(id)),
  };
  const totals = round.totals.filter((t) => known.has(t.itemId));
  if (round.status !== 'open') return { ...round, settings, totals };
  const ballots = round.ballots
    .map((b) => ({ ...b, votes: b.votes.filter((v) => known.has(v.itemId)) }))
    .filter((b) => b.votes.length > 0);
  return { ...round, settings, totals, ballots };
}

export interface KeepOptions {
  /**
   * Actions that name no item of any map's file belong to no map in particular: they travel with
   * one map only (the board's first), so importing every map's file does not repeat them.
   */
  keepUnsourcedActions: boolean;
  /**
   * Items (notes, clusters) that other maps' files hold: an action whose first source is one of
   * them is that map's, never an unsourced one of this file.
   */
  otherMapsItems?: ReadonlySet<string>;
  /**
   * Which rounds are the map's, when the caller knows better than the file (a round nobody has
   * voted in yet names no item in the export). Default: the rounds that name an id in the file.
   */
  isMapRound?: (round: ExportVoteRound) => boolean;
}

/** The map with only its own rounds and actions, each pointing only at ids in the file. */
export function keepMapReferences(map: JourneyMap, options: KeepOptions): JourneyMap {
  const known = idsInFile(map);
  const voteRounds = map.voteRounds
    .filter(options.isMapRound ?? ((round) => roundRefs(round).some((id) => known.has(id))))
    .map((round) => keepRound(round, known));
  // An action goes with the map whose file holds its first source still on the board, so
  // importing every map's file never repeats it; one whose sources are in no map's file goes
  // with the board's first map.
  const elsewhere = options.otherMapsItems ?? new Set<string>();
  const actions: ExportAction[] = map.actions.flatMap((action) => {
    const owner = action.sourceItemIds.find((id) => known.has(id) || elsewhere.has(id));
    const mine = owner === undefined ? options.keepUnsourcedActions : known.has(owner);
    if (!mine) return [];
    return [{ ...action, sourceItemIds: action.sourceItemIds.filter((id) => known.has(id)) }];
  });
  // RACI rows of actions the file does not carry would point outside it.
  const actionIds = new Set(actions.map((a) => a.id));
  const raci = map.insights.raci.filter(
    (r) => r.subject.kind === 'stage' || actionIds.has(r.subject.id),
  );
  return { ...map, voteRounds, actions, insights: { ...map.insights, raci } };
}

/**
 * Every reference in the file that names no note, cluster, stage or lane in it (tests, checks).
 * @internal The oracle of the export tests.
 */
export function findDanglingReferences(map: JourneyMap): string[] {
  const known = idsInFile(map);
  const out: string[] = [];
  const check = (where: string, id: string | null | undefined) => {
    if (id !== null && id !== undefined && !known.has(id)) out.push(`${where} → ${id}`);
  };
  for (const n of map.notes) {
    check(`note ${n.id} stage`, n.stageId);
    check(`note ${n.id} lane`, n.laneId);
    check(`note ${n.id} cluster`, n.clusterId);
  }
  for (const c of map.clusters) for (const m of c.memberIds) check(`cluster ${c.id} member`, m);
  for (const r of map.voteRounds) for (const id of roundRefs(r)) check(`round ${r.id}`, id);
  for (const a of map.actions) for (const id of a.sourceItemIds) check(`action ${a.id}`, id);
  const { insights } = map;
  const personas = new Set(insights.personas.map((p) => p.id));
  const actions = new Set(map.actions.map((a) => a.id));
  for (const r of insights.ratings) {
    check(`rating stage`, r.stageId);
    if (!personas.has(r.personaId)) out.push(`rating persona → ${r.personaId}`);
  }
  for (const k of insights.kpis) check(`KPI ${k.id} stage`, k.stageId);
  for (const r of insights.raci) {
    if (r.subject.kind === 'stage') check(`RACI stage`, r.subject.id);
    else if (!actions.has(r.subject.id)) out.push(`RACI action → ${r.subject.id}`);
  }
  return out;
}
