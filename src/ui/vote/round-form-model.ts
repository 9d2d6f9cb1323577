/** Vote tab › "Start a round": the form, its settings checked live by the domain, and starting. */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { resolveTarget, type VoteContext } from '../../app/voting/vote-items';
import type { VotingState } from '../../app/voting/voting-view';
import type { Workshop } from '../../app/workshop';
import {
  validateRoundSettings,
  type RoundProblem,
} from '../../domain/voting/validate-round-settings';
import type { Privacy, RoundTargetKind } from '../../domain/voting/vote-round';
import type { ActionRunner } from '../components/action-runner';
import type { VoteUseCases } from './vote-tab-model';

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

/** A number field's text as a number; empty or unreadable is NaN, for the validator to name. */
export const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

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

export function createRoundFormModel(
  workshop: Workshop,
  useCases: Pick<VoteUseCases, 'startRound' | 'anonymousDesign'>,
  { run, message }: ActionRunner,
  board: {
    ready: ReadonlySignal<Extract<VotingState, { status: 'ready' }> | null>;
    /** Shows the round just started. */
    show: (roundId: string) => void;
  },
) {
  const form = signal<RoundForm>(emptyForm());
  const formOpen = signal(false);

  const settings = computed(() =>
    toRoundSettings(
      form.value,
      board.ready.value?.context ?? null,
      board.ready.value?.selectedIds ?? [],
    ),
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

  return {
    form,
    formOpen,
    validation,
    problemsByField,
    /** Where a new anonymous round's ballots go on this board, and what that hides. */
    anonymousDesign: useCases.anonymousDesign(workshop),

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
        board.show(outcome.round.id);
        formOpen.value = false;
        message.value = { tone: 'success', title: `Round “${outcome.round.title}” started.` };
      } else
        message.value = { tone: 'error', title: 'The round was not started', body: outcome.reason };
    },
  };
}
