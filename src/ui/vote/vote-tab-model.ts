import { countOf } from '../../domain/common';
import { errorMessage } from '../../domain/common';
import { computed, signal } from '@preact/signals';
import type { LoadedActions, SaveActionOutcome } from '../../app/actions/action-store';
import type { PutOutcome } from '../../app/actions/put-actions-on-board';
import type { BadgeEntry, BadgeOutcome } from '../../app/voting/badges';
import type { VoteResult } from '../../app/voting/ballot-writer';
import { randomToken, type RoundChange, type RoundOutcome } from '../../app/voting/rounds';
import { resolveTarget, type VoteContext } from '../../app/voting/vote-items';
import { mergeResults, type OtherVoteSources } from '../../app/voting/vote-sources';
import type { RoundView, VotingState } from '../../app/voting/voting-view';
import type { Workshop } from '../../app/workshop';
import type { AnonymousDesign } from '../../app/voting/anonymity-limits';
import type { Action, ActionDraft, ActionStatus, Score } from '../../domain/actions/action';
import { actionsFromTopResults } from '../../domain/actions/actions-from-top-results';
import { DEFAULT_SCORES } from '../../domain/actions/quadrant-of';
import {
  validateRoundSettings,
  type RoundProblem,
} from '../../domain/voting/validate-round-settings';
import type { Privacy, RoundTargetKind, VoteRound } from '../../domain/voting/vote-round';

/** What the Vote tab needs from app/voting and app/actions; injected so tests can use fakes. */
export interface VoteUseCases {
  openView(workshop: Workshop): VotingViewHandle;
  startRound(workshop: Workshop, settings: unknown): Promise<RoundOutcome>;
  /** Where a new anonymous round's ballots go on this board (what the Start form explains). */
  anonymousDesign(workshop: Workshop): AnonymousDesign;
  changeRound(workshop: Workshop, roundId: string, change: RoundChange): Promise<RoundOutcome>;
  deleteRound(workshop: Workshop, roundId: string): Promise<void>;
  otherSources(workshop: Workshop, itemIds: readonly string[]): Promise<OtherVoteSources>;
  placeBadges(workshop: Workshop, roundId: string, entries: BadgeEntry[]): Promise<BadgeOutcome>;
  removeBadges(workshop: Workshop): Promise<BadgeOutcome>;
  loadActions(workshop: Workshop): Promise<LoadedActions>;
  watchActions(workshop: Workshop, fn: () => void): () => void;
  saveAction(workshop: Workshop, input: unknown): Promise<SaveActionOutcome>;
  deleteAction(workshop: Workshop, id: string): Promise<void>;
  putActionsOnBoard(workshop: Workshop, actions: readonly Action[]): Promise<PutOutcome>;
  removePlanFromBoard(workshop: Workshop): Promise<PutOutcome>;
}

/** The live voting picture for this user (app/voting `createVotingView`). */
export interface VotingViewHandle {
  state(): VotingState;
  subscribe(fn: (state: VotingState) => void): () => void;
  vote(round: VoteRound, itemId: string, delta: 1 | -1): Promise<VoteResult>;
  close(): void;
}

export interface RoundForm {
  title: string;
  targetKind: RoundTargetKind;
  refId: string;
  votesPerPerson: string;
  stacking: boolean;
  cap: string;
  /** e.g. "3-2-1"; empty for plain votes. */
  weights: string;
  privacy: Privacy;
  /** Minutes; empty for no time box. */
  duration: string;
}

export interface ActionForm {
  id: string | null;
  title: string;
  team: string;
  customTeam: string;
  dueDate: string;
  impact: string;
  feasibility: string;
  status: ActionStatus;
  sourceItemIds: string[];
  /** The draft this form fills in, dropped from the drafts once saved. */
  fromDraft: number | null;
}

export interface Message {
  tone: 'info' | 'error' | 'success' | 'warning';
  title: string;
  body?: string;
}

export const CUSTOM_TEAM = '__custom__';

const emptyForm = (): RoundForm => ({
  title: 'Biggest pain points',
  targetKind: 'map',
  refId: '',
  votesPerPerson: '3',
  stacking: false,
  cap: '1',
  weights: '',
  privacy: 'secret-until-reveal',
  duration: '',
});

const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** "3-2-1", "3, 2, 1" → [3, 2, 1]; empty → null; unreadable parts stay NaN for the validator. */
export function parseWeights(text: string): number[] | null {
  const parts = text
    .split(/[\s,;\-–]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length === 0 ? null : parts.map(Number);
}

/** The form as round settings (unvalidated), with the target resolved against the board now. */
export function toRoundSettings(
  form: RoundForm,
  context: VoteContext | null,
  selectedIds: readonly string[],
): Record<string, unknown> {
  const weights = parseWeights(form.weights);
  const target = context
    ? resolveTarget(context, form.targetKind, form.refId === '' ? null : form.refId, selectedIds)
    : null;
  return {
    title: form.title,
    target,
    votesPerPerson: weights ? weights.length : toNumber(form.votesPerPerson),
    perItemCap: weights ? 1 : form.stacking ? null : toNumber(form.cap),
    weights,
    privacy: form.privacy,
    durationMinutes: form.duration.trim() === '' ? null : toNumber(form.duration),
  };
}

/** Today + 14 days, YYYY-MM-DD: a sensible first due date the facilitator changes. */
export function defaultDueDate(now = new Date()): string {
  return new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
}

function actionFormFrom(
  draft: Partial<ActionDraft> & { title: string },
  fromDraft: number | null,
): ActionForm {
  return {
    fromDraft,
    id: null,
    title: draft.title,
    team: 'product',
    customTeam: '',
    dueDate: defaultDueDate(),
    impact: String(DEFAULT_SCORES.impact),
    feasibility: String(DEFAULT_SCORES.feasibility),
    status: draft.status ?? 'todo',
    sourceItemIds: draft.sourceItemIds ? [...draft.sourceItemIds] : [],
  };
}

const KNOWN = ['marketing', 'sales', 'support', 'product', 'hr', 'training', 'it', 'leadership'];

export function createVoteTabModel(workshop: Workshop, useCases: VoteUseCases) {
  const view = signal<VotingViewHandle | null>(null);
  const state = signal<VotingState>({ status: 'loading' });
  const form = signal<RoundForm>(emptyForm());
  const formOpen = signal(false);
  const selectedRoundId = signal<string | null>(null);
  const busy = signal<string | null>(null);
  const message = signal<Message | null>(null);
  const voteNotice = signal<Message | null>(null);
  const other = signal<{ roundId: string; sources: OtherVoteSources } | null>(null);
  const section = signal<'rounds' | 'actions'>('rounds');
  const actions = signal<Action[]>([]);
  const unreadableActions = signal(0);
  const drafts = signal<ActionDraft[]>([]);
  const actionForm = signal<ActionForm | null>(null);
  /** A round just started here: its detail takes focus once when it shows. */
  const focusRound = signal<string | null>(null);
  const actionProblems = signal<Record<string, string>>({});

  const ready = computed(() => (state.value.status === 'ready' ? state.value : null));
  const rounds = computed(() => ready.value?.rounds ?? []);
  const selectedRound = computed<RoundView | null>(() => {
    const list = rounds.value;
    const chosen = list.find((r) => r.round.id === selectedRoundId.value);
    if (chosen) return chosen;
    // Default: the newest open round, else the newest round.
    return [...list].reverse().find((r) => r.open) ?? list.at(-1) ?? null;
  });
  const settings = computed(() =>
    toRoundSettings(form.value, ready.value?.context ?? null, ready.value?.selectedIds ?? []),
  );
  const validation = computed(() => validateRoundSettings(settings.value));
  const problemsByField = computed(() => {
    const out: Record<string, string> = {};
    if (!validation.value.ok)
      for (const p of validation.value.problems as RoundProblem[]) {
        const field = p.field.startsWith('target') ? 'target' : p.field;
        out[field] ??= p.message;
      }
    return out;
  });
  const canEditActions = computed(() => rounds.value.some((r) => r.startedByMe));
  const merged = computed(() => {
    const round = selectedRound.value;
    if (!round) return [];
    const extra = other.value?.roundId === round.round.id ? other.value.sources : null;
    return mergeResults(round.tally, extra);
  });

  async function run<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = label;
    message.value = null;
    try {
      return await work();
    } catch (error) {
      message.value = { tone: 'error', title: `${label} failed`, body: describe(error) };
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  async function refreshActions(): Promise<void> {
    try {
      const loaded = await useCases.loadActions(workshop);
      actions.value = loaded.actions;
      unreadableActions.value = loaded.unreadable;
    } catch (error) {
      message.value = {
        tone: 'error',
        title: 'Could not read the action plan',
        body: describe(error),
      };
    }
  }

  /** Where a new anonymous round's ballots go on this board, and what that hides. */
  const anonymousDesign = useCases.anonymousDesign(workshop);

  return {
    state,
    ready,
    anonymousDesign,
    rounds,
    form,
    formOpen,
    selectedRound,
    selectedRoundId,
    busy,
    message,
    voteNotice,
    validation,
    problemsByField,
    merged,
    other,
    section,
    actions,
    unreadableActions,
    drafts,
    actionForm,
    focusRound,
    actionProblems,
    canEditActions,

    /** Opens the live view and the action plan; returns the cleanup. */
    open(): () => void {
      const handle = useCases.openView(workshop);
      view.value = handle;
      state.value = handle.state();
      const stop = handle.subscribe((s) => (state.value = s));
      const stopActions = useCases.watchActions(workshop, () => void refreshActions());
      void refreshActions();
      return () => {
        stop();
        stopActions();
        handle.close();
      };
    },

    setForm(patch: Partial<RoundForm>) {
      form.value = { ...form.value, ...patch };
    },
    async start() {
      if (!validation.value.ok) return;
      const outcome = await run('Starting the round', () =>
        useCases.startRound(workshop, settings.value),
      );
      if (!outcome) return;
      if (outcome.ok) {
        selectedRoundId.value = outcome.round.id;
        focusRound.value = outcome.round.id;
        formOpen.value = false;
        message.value = { tone: 'success', title: `Round “${outcome.round.title}” started.` };
      } else
        message.value = { tone: 'error', title: 'The round was not started', body: outcome.reason };
    },
    async change(roundId: string, change: RoundChange) {
      const labels = { end: 'Ending the round', reveal: 'Revealing', reopen: 'Reopening' };
      const outcome = await run(labels[change], () =>
        useCases.changeRound(workshop, roundId, change),
      );
      if (outcome && !outcome.ok) message.value = { tone: 'error', title: outcome.reason };
    },
    async remove(roundId: string) {
      await run('Deleting the round', () => useCases.deleteRound(workshop, roundId));
      if (selectedRoundId.value === roundId) selectedRoundId.value = null;
    },
    async vote(itemId: string, delta: 1 | -1) {
      const round = selectedRound.value;
      const handle = view.value;
      if (!round || !handle) return;
      voteNotice.value = null;
      try {
        const result = await handle.vote(round.round, itemId, delta);
        if (!result.ok) voteNotice.value = { tone: 'warning', title: result.reason };
      } catch (error) {
        voteNotice.value = {
          tone: 'error',
          title: 'Your vote was not saved',
          body: describe(error),
        };
      }
    },
    /** One vote on each selected note of the round, in selection order, until the budget runs out. */
    async voteSelection() {
      const round = selectedRound.value;
      const handle = view.value;
      const selected = ready.value?.selectedIds ?? [];
      if (!round || !handle) return;
      const inRound = selected.filter((id) => round.round.target.itemIds.includes(id));
      if (inRound.length === 0) {
        voteNotice.value = {
          tone: 'info',
          title: 'Select one or more notes of this round on the board first.',
        };
        return;
      }
      voteNotice.value = null;
      let cast = 0;
      for (const id of inRound) {
        const result = await handle.vote(round.round, id, 1);
        if (result.ok) cast += 1;
        else {
          voteNotice.value = {
            tone: 'warning',
            title: `${cast} of ${inRound.length} selected notes got your vote.`,
            body: result.reason,
          };
          return;
        }
      }
      voteNotice.value = {
        tone: 'success',
        title: `Voted for ${countOf(cast, 'selected note')}.`,
      };
    },
    async loadOtherSources() {
      const round = selectedRound.value;
      if (!round) return;
      const sources = await run('Counting dot stickers', () =>
        useCases.otherSources(workshop, round.round.target.itemIds),
      );
      if (sources) other.value = { roundId: round.round.id, sources };
    },
    async placeBadges(top: number) {
      const round = selectedRound.value;
      if (!round) return;
      const entries = merged.value
        .filter((m) => m.rank <= top && m.total > 0)
        .map((m) => ({ itemId: m.itemId, count: m.total }));
      const outcome = await run('Placing badges', () =>
        useCases.placeBadges(workshop, round.round.id, entries),
      );
      if (!outcome) return;
      message.value = outcome.ok
        ? {
            tone: 'success',
            title: `${countOf(outcome.placed, 'count badge')} on the board.`,
          }
        : { tone: 'error', title: outcome.reason };
    },
    async removeBadges() {
      const outcome = await run('Removing badges', () => useCases.removeBadges(workshop));
      if (outcome)
        message.value = outcome.ok
          ? { tone: 'info', title: 'Badges removed from the board.' }
          : { tone: 'error', title: outcome.reason };
    },

    // --- action plan ---
    draftFromTop(n: number) {
      const round = selectedRound.value;
      if (!round) return;
      const items = round.items.map((i) => ({ id: i.id, text: i.text, memberIds: i.memberIds }));
      drafts.value = actionsFromTopResults(
        merged.value.map((m) => ({ itemId: m.itemId, rank: m.rank, score: m.total })),
        items,
        n,
      );
      section.value = 'actions';
    },
    editDraft(index: number) {
      const draft = drafts.value[index];
      if (!draft) return;
      actionForm.value = actionFormFrom(draft, index);
      actionProblems.value = {};
    },
    newAction() {
      actionForm.value = actionFormFrom({ title: '' }, null);
      actionProblems.value = {};
    },
    editAction(action: Action) {
      const known = KNOWN.includes(action.ownerTeam);
      actionForm.value = {
        id: action.id,
        title: action.title,
        team: known ? action.ownerTeam : CUSTOM_TEAM,
        customTeam: known ? '' : action.ownerTeam,
        dueDate: action.dueDate,
        impact: String(action.impact),
        feasibility: String(action.feasibility),
        status: action.status,
        sourceItemIds: [...action.sourceItemIds],
        fromDraft: null,
      };
      actionProblems.value = {};
    },
    setActionForm(patch: Partial<ActionForm>) {
      if (actionForm.value) actionForm.value = { ...actionForm.value, ...patch };
    },
    cancelAction() {
      actionForm.value = null;
      actionProblems.value = {};
    },
    async saveAction() {
      const f = actionForm.value;
      if (!f) return;
      const existing = f.id ? actions.value.find((a) => a.id === f.id) : undefined;
      const input = {
        id: f.id ?? `a${randomToken(6)}`,
        title: f.title,
        ownerTeam: f.team === CUSTOM_TEAM ? f.customTeam : f.team,
        dueDate: f.dueDate,
        impact: toNumber(f.impact) as Score,
        feasibility: toNumber(f.feasibility) as Score,
        status: f.status,
        sourceItemIds: f.sourceItemIds,
        createdAt: existing?.createdAt ?? new Date().toISOString(),
      };
      const outcome = await run('Saving the action', () => useCases.saveAction(workshop, input));
      if (!outcome) return;
      if (!outcome.ok) {
        actionProblems.value = Object.fromEntries(
          outcome.problems.map((p) => [p.field, p.message]),
        );
        return;
      }
      if (f.fromDraft !== null) drafts.value = drafts.value.filter((_, i) => i !== f.fromDraft);
      actionForm.value = null;
      actionProblems.value = {};
      await refreshActions();
    },
    async deleteAction(id: string) {
      await run('Deleting the action', () => useCases.deleteAction(workshop, id));
      await refreshActions();
    },
    async putOnBoard() {
      const outcome = await run('Putting the plan on the board', () =>
        useCases.putActionsOnBoard(workshop, actions.value),
      );
      if (outcome)
        message.value = outcome.ok
          ? { tone: 'success', title: 'The action plan is on the board.' }
          : { tone: 'error', title: outcome.reason };
    },
    async removeFromBoard() {
      const outcome = await run('Removing the plan from the board', () =>
        useCases.removePlanFromBoard(workshop),
      );
      if (outcome)
        message.value = outcome.ok
          ? { tone: 'success', title: 'The action plan is off the board.' }
          : { tone: 'error', title: outcome.reason };
    },
  };
}

export type VoteTabModel = ReturnType<typeof createVoteTabModel>;

export function describe(error: unknown): string {
  return errorMessage(error);
}
