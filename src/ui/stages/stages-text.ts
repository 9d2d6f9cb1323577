/**
 * The Stages tab's words for what it shows: the notes counted, how the map's count adds up, the
 * selection, the untagged notes, a stage's split by tag and by position, a map's name in a button.
 */
import { countOf } from '../../domain/common';
import { mapShortName } from '../../domain/journey/stage-tag-titles';
import type { StageRow, StagesMap } from './stages-tab-model';

/** "1 note", "3 notes". */
export const notes = (n: number): string => countOf(n, 'note');

/**
 * How the map's count is made up, so the stage counts visibly add up: notes in a stage, notes in
 * no stage, and apart, the tagged notes outside the frame and other maps' notes in this frame.
 */
export function countLine(map: StagesMap): string {
  const staged = map.notesInMap - map.undecided;
  const parts = [`${staged} in a stage`];
  if (map.undecided > 0) parts.push(`${map.undecided} in no stage`);
  let line = `${parts.join(' + ')}.`;
  if (map.outsideFrame > 0)
    line += ` ${notes(map.outsideFrame)} outside the frame ${map.outsideFrame === 1 ? 'carries' : 'carry'} this map’s stage tag.`;
  if (map.otherMapsNotes > 0)
    line += ` ${notes(map.otherMapsNotes)} in this frame ${map.otherMapsNotes === 1 ? 'is' : 'are'} tagged for another map and counted there.`;
  return line;
}

/** The notes selected on the board, or what to do when there are none. */
export const selectionLine = (selected: number): string =>
  selected > 0
    ? `${notes(selected)} selected on the board.`
    : 'Select notes on the board to tag them with a stage.';

/** The map's notes without a stage tag, and where they sit. */
export function untaggedLine(map: Pick<StagesMap, 'untaggedIds' | 'untaggedInCells'>): string {
  const untagged = map.untaggedIds.length;
  return untagged === 0
    ? 'Every note in the map has a stage tag.'
    : map.untaggedInCells === untagged
      ? `${notes(untagged)} without a stage tag, each in a cell.`
      : `${notes(untagged)} without a stage tag; ${map.untaggedInCells} in a cell, the rest outside the grid.`;
}

/** A stage's count split by how its notes were placed in it. */
export const stageSplit = (stage: Pick<StageRow, 'byTag' | 'byPosition'>): string =>
  `${stage.byTag} by tag, ${stage.byPosition} by position`;

/** The map's name in a button: short, so the button still fits a 320 px panel. */
export const mapLabel = (title: string): string => `“${mapShortName(title || 'Untitled map')}”`;
