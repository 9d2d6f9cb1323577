import type { PreviewGroup } from '../../domain/clustering/grouping-preview';
import { GroupActions } from './GroupActions';
import { GroupCardHead } from './GroupCardHead';
import { GroupNotes } from './GroupNotes';
import { groupCardLabel } from './group-card-text';

interface GroupCardProps {
  group: PreviewGroup;
  /** Every group of the preview, for the move and merge pickers. */
  groups: readonly PreviewGroup[];
  texts: ReadonlyMap<string, string>;
  pinnedNotes: Readonly<Record<string, string>>;
  busy: boolean;
  onRename: (label: string) => void;
  onMerge: (fromId: string) => void;
  onSplit: () => void;
  onDissolve: () => void;
  onPin: () => void;
  onUnpin: () => void;
  onMoveNote: (noteId: string, groupId: string) => void;
}

/** One group of the preview: its name (editable), size, keywords and notes, with its edits. */
export function GroupCard(props: GroupCardProps) {
  const { group, groups, busy } = props;
  return (
    <li
      class={`tp-group-card${group.unsorted ? ' tp-group-card--unsorted' : ''}`}
      aria-label={groupCardLabel(group.label)}
    >
      <GroupCardHead group={group} busy={busy} onRename={props.onRename} />
      {group.keywords.length > 0 && (
        <p class="tp-help tp-group-card__keywords">{group.keywords.join(', ')}</p>
      )}
      <GroupNotes
        groupId={group.id}
        noteIds={group.noteIds}
        groups={groups}
        texts={props.texts}
        pinnedNotes={props.pinnedNotes}
        busy={busy}
        onMoveNote={props.onMoveNote}
      />
      <GroupActions
        group={group}
        others={groups.filter((g) => g.id !== group.id)}
        busy={busy}
        onMerge={props.onMerge}
        onSplit={props.onSplit}
        onDissolve={props.onDissolve}
        onPin={props.onPin}
        onUnpin={props.onUnpin}
      />
    </li>
  );
}
