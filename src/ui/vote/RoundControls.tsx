/** Vote tab › the starter's controls on the shown round: end, reveal, reopen, and delete it. */
import { useState } from 'preact/hooks';
import type { RoundChange } from '../../app/voting/rounds';
import type { RoundStatus, VoteRound } from '../../domain/voting/vote-round';
import { ConfirmDialog } from '../components/ConfirmDialog';

/** The changes a round's status allows, in the order their buttons stand. */
const CHANGES: {
  change: RoundChange;
  label: string;
  kind: 'primary' | 'secondary';
  allowed: (status: RoundStatus) => boolean;
}[] = [
  { change: 'end', label: 'End voting', kind: 'secondary', allowed: (s) => s === 'open' },
  { change: 'reveal', label: 'Reveal results', kind: 'primary', allowed: (s) => s !== 'revealed' },
  { change: 'reopen', label: 'Reopen', kind: 'secondary', allowed: (s) => s !== 'open' },
];

/** The buttons its status allows, and deleting it once confirmed. */
export function RoundControls({
  round,
  busy,
  onChange,
  onDelete,
}: {
  round: Pick<VoteRound, 'title' | 'status'>;
  busy: boolean;
  onChange: (change: RoundChange) => void;
  onDelete: () => void;
}) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <>
      <div class="tp-actions tp-round__controls">
        {CHANGES.filter((c) => c.allowed(round.status)).map((c) => (
          <button
            key={c.change}
            type="button"
            class={`button button-${c.kind} button-small`}
            disabled={busy}
            onClick={() => onChange(c.change)}
          >
            {c.label}
          </button>
        ))}
        <button
          type="button"
          class="button button-tertiary button-small"
          disabled={busy}
          onClick={() => setConfirmDelete(true)}
        >
          Delete…
        </button>
      </div>
      {confirmDelete && (
        <ConfirmDialog
          question={`Delete “${round.title}” and every ballot in it? This cannot be undone.`}
          confirm="Delete round"
          keep="Keep it"
          onConfirm={() => {
            setConfirmDelete(false);
            onDelete();
          }}
          onKeep={() => setConfirmDelete(false)}
        />
      )}
    </>
  );
}
