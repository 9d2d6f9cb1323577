/**
 * Group tab › a group card's notes: each note's text (marked when pinned) and the picker that
 * moves it to another group.
 */
import type { PreviewGroup } from '../../domain/clustering/grouping-preview';
import { controlValue } from '../components/Field';
import { moveNoteLabel, noteShownText } from './group-card-text';

type PickedGroup = Pick<PreviewGroup, 'id' | 'label'>;

/** The notes of one group, each with its move picker. */
export function GroupNotes({
  groupId,
  noteIds,
  groups,
  texts,
  pinnedNotes,
  busy,
  onMoveNote,
}: {
  groupId: string;
  noteIds: readonly string[];
  /** Every group of the preview, where a note can go. */
  groups: readonly PickedGroup[];
  texts: ReadonlyMap<string, string>;
  pinnedNotes: Readonly<Record<string, string>>;
  busy: boolean;
  onMoveNote: (noteId: string, groupId: string) => void;
}) {
  return (
    <ul class="tp-group-card__notes">
      {noteIds.map((id) => {
        const text = texts.get(id) ?? '';
        return (
          <li key={id} class="tp-group-card__note">
            <span class="tp-group-card__text" title={text}>
              {pinnedNotes[id] !== undefined && (
                <span class="tp-group-card__pin" aria-label="pinned" role="img">
                  📌{' '}
                </span>
              )}
              {noteShownText(text)}
            </span>
            <select
              class="select tp-group-card__move"
              aria-label={moveNoteLabel(text)}
              value={groupId}
              disabled={busy}
              onChange={(e) => onMoveNote(id, controlValue(e))}
            >
              <GroupOptions groups={groups} />
            </select>
          </li>
        );
      })}
    </ul>
  );
}

/** One option a group, by its label: the move and merge pickers. */
export function GroupOptions({ groups }: { groups: readonly PickedGroup[] }) {
  return (
    <>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {g.label}
        </option>
      ))}
    </>
  );
}
