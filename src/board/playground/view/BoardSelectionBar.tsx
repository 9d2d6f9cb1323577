import { errorMessage } from '../../../domain/common';
import type { LocalBoard, LocalTag } from '../sdk/local-board-types';
import { SelectionBar } from './SelectionBar';
import type { SelectionSummary } from './selection-summary';
import { tagNotesWith, toggleTagOnNotes } from './tag-actions';

export interface BoardSelectionBarProps {
  board: LocalBoard;
  /** How many items are selected; without any there is no bar. */
  count: number;
  summary: SelectionSummary;
  tags: readonly LocalTag[];
  /** Runs a board action; a refusal becomes the notice. */
  attempt(fn: () => void): void;
  onDelete(): void;
  onClear(): void;
}

/** The selection bar acting on the board: recolours and tags the selected notes. */
export function BoardSelectionBar(props: BoardSelectionBarProps) {
  const { board, count, attempt } = props;
  const { noteIds: selectedNotes, tagCounts } = props.summary;
  if (count === 0) return null;

  const toggleTag = (tagId: string): void => {
    const onAll = (tagCounts.get(tagId) ?? 0) === selectedNotes.length;
    attempt(() => toggleTagOnNotes(board, selectedNotes, tagId, onAll));
  };

  const createTag = (title: string): string | null => {
    try {
      tagNotesWith(board, selectedNotes, title);
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  };

  return (
    <SelectionBar
      count={count}
      noteCount={selectedNotes.length}
      tags={props.tags}
      tagCounts={tagCounts}
      onColor={(color) =>
        attempt(() => {
          for (const id of selectedNotes) board.human.setColor(id, color);
        })
      }
      onToggleTag={toggleTag}
      onCreateTag={createTag}
      onDelete={props.onDelete}
      onClear={props.onClear}
    />
  );
}
