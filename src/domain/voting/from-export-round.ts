/**
 * A round from an imported file, as closed history on this board (issue 9 §3): its settings and
 * totals, never its ballots (v1 carries ballots of open rounds only, and they name voters of the
 * board it came from). An open round in the file is imported as ended: voting happened there.
 *
 * Item ids in the file are the exporting board's; `itemIdOf` maps a note's file id to the note
 * made (or found) on this board. Cluster ids are kept (imported groups keep their ids). A total on
 * a note that is not on this board keeps its file id, so the tally counts it as an orphan vote.
 */
import type { ExportVoteRound, VoteScope } from '../export/journey-map';
import { validateRoundSettings } from './validate-round-settings';
import {
  MAX_TARGET_DESCRIPTION,
  MAX_VOTES_PER_PERSON,
  MIN_VOTES_PER_PERSON,
  type RoundTargetKind,
  type VoteRound,
} from './vote-round';

const KINDS: Record<VoteScope, RoundTargetKind> = {
  map: 'map',
  stage: 'stage',
  lane: 'lane',
  cluster: 'clusters',
  selection: 'selection',
};

const SCOPE_WORDS: Record<VoteScope, string> = {
  map: 'Whole map',
  stage: 'A stage',
  lane: 'A lane',
  cluster: 'Groups',
  selection: 'Selected notes',
};

export interface FromExportContext {
  /** This board's id for the round (deterministic per file and round, so a repeat is a no-op). */
  id: string;
  mapId: string;
  createdBy: string;
  /** ISO time of the import, for a round whose file has no times. */
  now: string;
  /** A note's id in the file → its id on this board. */
  itemIdOf: (fileItemId: string) => string | undefined;
}

export type FromExportResult = { ok: true; round: VoteRound } | { ok: false; reason: string };

export function roundFromExport(
  exported: ExportVoteRound,
  ctx: FromExportContext,
): FromExportResult {
  const { settings } = exported;
  const kind = KINDS[settings.scope];
  const mapped = (id: string) => (kind === 'clusters' ? id : (ctx.itemIdOf(id) ?? id));
  const recorded = exported.totals
    .filter((t) => Number.isSafeInteger(t.votes) && t.votes > 0)
    .map((t) => ({ itemId: mapped(t.itemId), votes: t.votes }));
  const listed = kind === 'selection' || kind === 'clusters' ? settings.scopeIds : [];
  const itemIds = [...new Set([...listed.map(mapped), ...recorded.map((t) => t.itemId)])];
  const budget = Math.min(
    MAX_VOTES_PER_PERSON,
    Math.max(MIN_VOTES_PER_PERSON, Math.floor(settings.votesPerVoter)),
  );
  const cap = Math.floor(settings.maxVotesPerItem);
  const checked = validateRoundSettings({
    title: exported.title,
    target: {
      kind,
      refId:
        kind === 'map'
          ? ctx.mapId
          : kind === 'stage' || kind === 'lane'
            ? (settings.scopeIds[0] ?? null)
            : null,
      description: `${SCOPE_WORDS[settings.scope]} · imported`.slice(0, MAX_TARGET_DESCRIPTION),
      itemIds,
    },
    votesPerPerson: budget,
    perItemCap: cap >= 1 && cap < budget ? cap : null,
    weights: null,
    privacy: settings.anonymous ? 'anonymous' : 'open',
    durationMinutes: null,
  });
  if (!checked.ok)
    return {
      ok: false,
      reason: `Round “${exported.title}” was not imported: ${checked.problems.map((p) => p.message).join(' ')}`,
    };
  const startedAt = exported.startedAt ?? ctx.now;
  const endedAt = exported.endedAt ?? ctx.now;
  return {
    ok: true,
    round: {
      ...checked.settings,
      id: ctx.id,
      status: exported.status === 'revealed' ? 'revealed' : 'ended',
      createdAt: startedAt,
      createdBy: ctx.createdBy,
      endsAt: null,
      endedAt,
      revealedAt: exported.status === 'revealed' ? endedAt : null,
      anonymous: settings.anonymous ? { kind: 'recorded' } : null,
      recorded,
    },
  };
}
