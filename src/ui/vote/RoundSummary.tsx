/**
 * Vote tab › the shown round's head: its title and status, what it counts and how, who started
 * it, and what anonymous means in it.
 */
import type { Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { anonymityLimits, type AnonymousDesign } from '../../app/voting/anonymity-limits';
import type { VoteRound } from '../../domain/voting/vote-round';
import { useFocusOnMount } from '../components/use-focus';
import { roundSettingsLine } from './round-text';

export const STATUS_LABEL = { open: 'Open', ended: 'Ended', revealed: 'Revealed' };

/** The round's title and status chip; the title takes focus once for a round just started here. */
export function RoundHeading({
  round,
  focusRound,
}: {
  round: Pick<VoteRound, 'id' | 'title' | 'status'>;
  /** The round just started here, whose title takes focus once; cleared once it has. */
  focusRound: Signal<string | null>;
}) {
  const wantsFocus = focusRound.value === round.id;
  const heading = useFocusOnMount<HTMLHeadingElement>(wantsFocus);
  useEffect(() => {
    if (wantsFocus) focusRound.value = null;
  }, [focusRound, wantsFocus]);
  return (
    <div class="tp-round__head">
      <h3 id="tp-round-heading" class="tp-round__title" ref={heading} tabIndex={-1}>
        {round.title}
      </h3>
      <span class={`tp-chip tp-chip--${round.status}`}>{STATUS_LABEL[round.status]}</span>
    </div>
  );
}

/** What the round counts and how, and who started it. */
export function RoundSummary({
  round,
  startedByMe,
  starterName,
}: {
  round: VoteRound;
  startedByMe: boolean;
  starterName: string | null;
}) {
  return (
    <>
      <p class="tp-muted">{roundSettingsLine(round)}</p>
      <p class="tp-muted">Started by {startedByMe ? 'you' : (starterName ?? 'someone')}</p>
    </>
  );
}

/** What anonymous means in an anonymous round; open from the start where it rests on a hash. */
export function AnonymityDetails({ design }: { design: AnonymousDesign }) {
  return (
    <details class="tp-limits-details" open={design === 'legacy-hash'}>
      <summary>What anonymous means in this round</summary>
      <ul class="tp-limits" data-testid="round-anonymity-limits">
        {anonymityLimits(design).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
