/**
 * Import restores what the file holds beyond the map and its notes (issue 9 §3): the applied
 * groups, the action plan and the vote rounds (as closed history with their totals). Idempotent:
 * each thing keeps an id derived from the file, and what is already on the board is left as it is
 * (an action edited since the first import keeps the edit), so importing the same file again —
 * the repair after an interrupted import — adds only what is missing.
 *
 * Note ids in the file are the exporting board's: they are mapped through the import keys to the
 * notes this import made or found. Members and sources that are not on this board are dropped;
 * votes on them stay in the round's totals as votes on notes no longer on the board.
 */
import type { BoardItem } from '../../board/port';
import { validateAction } from '../../domain/actions/validate-action';
import { countOf, errorMessage } from '../../domain/common';
import { compactKey } from '../../domain/export/compact-key';
import { deriveImportKey } from '../../domain/export/derive-journey-map';
import type { ExportAction, JourneyMapFile } from '../../domain/export/journey-map';
import { roundFromExport } from '../../domain/voting/from-export-round';
import { roundKey } from '../../domain/voting/vote-storage-keys';
import { loadActions, saveAction } from '../actions/action-store';
import {
  loadAppliedGroups,
  mergeAppliedGroups,
  saveAppliedGroups,
  type AppliedCluster,
} from '../grouping/applied-groups';
import { claimSlot } from '../voting/slot-list';
import { loadRound, ROUND_SLOTS, starterKey, votes } from '../voting/vote-store';
import type { Workshop } from '../workshop';
import { importInsights } from '../insights/import-insights';
import { loadImportedKeys } from './imported-keys';

export interface RestoredData {
  groups: number;
  actions: number;
  rounds: number;
  /** Journey insights: ratings, KPIs and RACI rows (personas come with their ratings). */
  ratings: number;
  kpis: number;
  raci: number;
  /** What was restored differently from the file, or not at all, and why. */
  warnings: string[];
}

/** A round's id on this board: the same for the same file and round, never the source's id. */
export const importedRoundId = (file: JourneyMapFile, roundId: string): string =>
  `imp-${compactKey(`${file.source.boardId}\u0000${file.map.id}\u0000${roundId}`)}`.slice(0, 64);

export async function restoreWorkshopData(
  workshop: Workshop,
  file: JourneyMapFile,
  options: { now?: string } = {},
): Promise<RestoredData> {
  const { board } = workshop;
  const now = options.now ?? new Date().toISOString();
  const [notes, index] = await Promise.all([board.listItems(['note']), loadImportedKeys(board)]);
  const itemIdOf = noteMapper(file, notes, index, workshop.info.id);
  const warnings: string[] = [];
  const out = { groups: 0, actions: 0, rounds: 0, ratings: 0, kpis: 0, raci: 0, warnings };
  const step = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      warnings.push(`${what} could not be restored: ${errorMessage(error)}`);
    }
  };

  await step('The groups', async () => {
    out.groups = await restoreGroups(workshop, file, itemIdOf);
  });
  await step('The action plan', async () => {
    out.actions = await restoreActions(workshop, file, itemIdOf, now, warnings);
  });
  await step('The vote rounds', async () => {
    out.rounds = await restoreRounds(workshop, file, itemIdOf, now, warnings);
  });
  await step('The journey insights', async () => {
    const put = await importInsights(
      board,
      file.map.id,
      file.map.stages.map((st) => st.id),
      file.map.insights,
      now,
    );
    Object.assign(out, { ratings: put.ratings, kpis: put.kpis, raci: put.raci });
    warnings.push(...put.warnings);
  });
  return out;
}

/** A note's id in the file → its id on this board, through import keys. */
function noteMapper(
  file: JourneyMapFile,
  notes: readonly BoardItem[],
  index: ReadonlyMap<string, { key: string }>,
  boardId: string,
): (fileId: string) => string | undefined {
  const itemOfKey = new Map<string, string>();
  for (const note of notes)
    itemOfKey.set(index.get(note.id)?.key ?? deriveImportKey(note, boardId), note.id);
  const keyOfFileId = new Map(file.map.notes.map((n) => [n.id, n.importKey]));
  return (fileId) => {
    const key = keyOfFileId.get(fileId);
    return key === undefined ? undefined : itemOfKey.get(key);
  };
}

async function restoreGroups(
  workshop: Workshop,
  file: JourneyMapFile,
  itemIdOf: (id: string) => string | undefined,
): Promise<number> {
  const mapId = file.map.id;
  const before = await loadAppliedGroups(workshop.board, mapId);
  const known = new Map((before?.clusters ?? []).map((c) => [c.id, c]));
  const fresh: AppliedCluster[] = [];
  for (const c of file.map.clusters) {
    const memberIds = c.memberIds.flatMap((id) => itemIdOf(id) ?? []);
    if (memberIds.length === 0 || known.has(c.id)) continue;
    fresh.push({ id: c.id, label: c.label, keywords: [...c.keywords], memberIds });
  }
  if (fresh.length === 0) return 0;
  const next = mergeAppliedGroups(before, {
    version: 1,
    mapId,
    appliedAt: file.exportedAt,
    clusters: fresh,
  });
  await saveAppliedGroups(workshop.board, mapId, next);
  return fresh.length;
}

async function restoreActions(
  workshop: Workshop,
  file: JourneyMapFile,
  itemIdOf: (id: string) => string | undefined,
  now: string,
  warnings: string[],
): Promise<number> {
  const { actions: present } = await loadActions(workshop.board);
  const have = new Set(present.map((a) => a.id));
  const clusterIds = new Set(file.map.clusters.map((c) => c.id));
  let restored = 0;
  let filled = 0;
  for (const action of file.map.actions) {
    if (have.has(action.id)) continue;
    const input = toActionInput(action, file, itemIdOf, clusterIds, now);
    if (action.ownerTeam === null || action.dueDate === null) filled += 1;
    if (!validateAction(input).ok) {
      warnings.push(`Action “${action.title}” was not imported: it is not a valid action.`);
      continue;
    }
    const saved = await saveAction(workshop.board, input);
    if (saved.ok) restored += 1;
  }
  if (filled > 0)
    warnings.push(
      `${countOf(filled, 'action')} had no owner team or due date in the file: set to “Unassigned” and the export date; edit them in the action plan.`,
    );
  return restored;
}

function toActionInput(
  action: ExportAction,
  file: JourneyMapFile,
  itemIdOf: (id: string) => string | undefined,
  clusterIds: ReadonlySet<string>,
  now: string,
): unknown {
  return {
    id: action.id,
    title: action.title,
    ownerTeam: action.ownerTeam ?? 'Unassigned',
    dueDate: action.dueDate ?? file.exportedAt.slice(0, 10),
    impact: action.impact,
    feasibility: action.feasibility,
    status: action.status,
    sourceItemIds: action.sourceItemIds.flatMap((id) =>
      clusterIds.has(id) ? [id] : (itemIdOf(id) ?? []),
    ),
    createdAt: now,
  };
}

async function restoreRounds(
  workshop: Workshop,
  file: JourneyMapFile,
  itemIdOf: (id: string) => string | undefined,
  now: string,
  warnings: string[],
): Promise<number> {
  const { board } = workshop;
  const shared = votes(board);
  const sameBoard = file.source.boardId === workshop.info.id;
  let restored = 0;
  for (const exported of file.map.voteRounds) {
    const id = importedRoundId(file, exported.id);
    // Already here: imported before, or (same board) the round itself never left.
    if (await loadRound(board, id, now)) {
      await claimSlot(shared, ROUND_SLOTS, id); // a repair lists it if an earlier run could not
      continue;
    }
    if (sameBoard && (await loadRound(board, exported.id, now))) continue;
    const made = roundFromExport(exported, {
      id,
      mapId: file.map.id,
      createdBy: workshop.user.id,
      now,
      itemIdOf,
    });
    if (!made.ok) {
      warnings.push(made.reason);
      continue;
    }
    // The round first, then its id in the list (as when a round starts).
    await Promise.all([
      shared.set(roundKey(id), made.round),
      shared.set(starterKey(id), `Imported from ${file.source.boardName || 'another board'}`),
    ]);
    await claimSlot(shared, ROUND_SLOTS, id);
    restored += 1;
  }
  return restored;
}
