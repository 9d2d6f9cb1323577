/**
 * Group tab › a group card's actions: merge another group in, and (not for Unsorted) split,
 * dissolve, pin or unpin it.
 */
import type { PreviewGroup } from '../../domain/clustering/grouping-preview';
import { controlValue } from '../components/Field';
import { dissolveLabel, mergeLabel, pinWords, splitLabel } from './group-card-text';
import { GroupOptions } from './GroupNotes';

type ActedGroup = Pick<PreviewGroup, 'label' | 'unsorted' | 'pinned' | 'noteIds'>;

interface GroupActionsProps {
  group: ActedGroup;
  /** The preview's other groups, which can be merged into this one. */
  others: readonly Pick<PreviewGroup, 'id' | 'label'>[];
  busy: boolean;
  onMerge: (fromId: string) => void;
  onSplit: () => void;
  onDissolve: () => void;
  onPin: () => void;
  onUnpin: () => void;
}

/** The merge picker (when there are other groups) and the group's buttons (not for Unsorted). */
export function GroupActions({ group, others, busy, onMerge, ...buttons }: GroupActionsProps) {
  return (
    <div class="tp-actions tp-group-card__actions">
      {others.length > 0 && (
        <select
          class="select"
          aria-label={mergeLabel(group.label)}
          value=""
          disabled={busy}
          onChange={(e) => {
            const from = controlValue(e);
            if (from) onMerge(from);
          }}
        >
          <option value="">Merge in…</option>
          <GroupOptions groups={others} />
        </select>
      )}
      {!group.unsorted && <GroupButtons group={group} busy={busy} {...buttons} />}
    </div>
  );
}

/** Split (two notes or more), Dissolve, and Pin or Unpin. */
function GroupButtons({
  group,
  busy,
  onSplit,
  onDissolve,
  onPin,
  onUnpin,
}: Omit<GroupActionsProps, 'others' | 'onMerge'>) {
  const pin = pinWords(group.pinned, group.label);
  return (
    <>
      <button
        type="button"
        class="button button-secondary button-small"
        disabled={busy || group.noteIds.length < 2}
        aria-label={splitLabel(group.label)}
        onClick={onSplit}
      >
        Split
      </button>
      <button
        type="button"
        class="button button-secondary button-small"
        disabled={busy}
        aria-label={dissolveLabel(group.label)}
        onClick={onDissolve}
      >
        Dissolve
      </button>
      <button
        type="button"
        class="button button-tertiary button-small"
        disabled={busy}
        aria-pressed={group.pinned}
        aria-label={pin.label}
        title={pin.title}
        onClick={group.pinned ? onUnpin : onPin}
      >
        {pin.text}
      </button>
    </>
  );
}
