/**
 * Group tab › a group card's head: the group's name (a field to rename it, a title for
 * Unsorted) and its size.
 */
import { useState } from 'preact/hooks';
import type { PreviewGroup } from '../../domain/clustering/grouping-preview';
import { controlValue } from '../components/Field';
import { groupNameLabel, groupSizeText } from './group-card-text';

type HeadGroup = Pick<PreviewGroup, 'id' | 'label' | 'unsorted' | 'pinned' | 'noteIds'>;

/** The name (editable unless Unsorted) and "n notes · pinned". */
export function GroupCardHead({
  group,
  busy,
  onRename,
}: {
  group: HeadGroup;
  busy: boolean;
  onRename: (label: string) => void;
}) {
  return (
    <div class="tp-group-card__head">
      {group.unsorted ? (
        <h3 class="tp-group-card__title">{group.label}</h3>
      ) : (
        <GroupNameField id={group.id} label={group.label} busy={busy} onRename={onRename} />
      )}
      <span class="tp-muted tp-group-card__size">
        {groupSizeText(group.noteIds.length, group.pinned)}
      </span>
    </div>
  );
}

/** The name field: a rename is kept on Enter or leaving it, dropped on Escape. */
function GroupNameField({
  id,
  label,
  busy,
  onRename,
}: {
  id: string;
  label: string;
  busy: boolean;
  onRename: (label: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const nameId = `tp-group-name-${id}`;
  const commit = () => {
    if (draft !== null && draft.trim() !== '' && draft !== label) onRename(draft);
    setDraft(null);
  };
  return (
    <>
      <label class="tp-sr-only" for={nameId}>
        {groupNameLabel(label)}
      </label>
      <input
        id={nameId}
        class="input tp-group-card__name"
        value={draft ?? label}
        disabled={busy}
        onInput={(e) => setDraft(controlValue(e))}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </>
  );
}
