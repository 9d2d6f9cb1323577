import { countOf } from '../../domain/common';
import type { Workshop } from '../../app/workshop';
import { EmptyState, Notice } from '../components/Notice';
import { boardReadState, useTabModel } from '../components/tab-model';
import { JobProgress } from '../components/ProgressBar';
import { ConflictList } from './ConflictList';
import { createStagesTabModel, type StagesMap, type StagesUseCases } from './stages-tab-model';
import { mapShortName } from '../../domain/journey/stage-tag-titles';
import { inkOn } from '../../domain/board/colors';
import { stageChipFill } from '../../domain/journey/stage-tag-colors';
import { MapPicker } from '../components/MapPicker';

interface StagesTabProps {
  workshop: Workshop;
  useCases: StagesUseCases;
}

const notes = (n: number) => countOf(n, 'note');

/** A stage's name in its own colour: the colour a new map gives that stage's tag on the board. */
function StageChip({ name, index }: { name: string; index: number }) {
  const fill = stageChipFill(index);
  return (
    <span
      class="tp-chip tp-stage-chip tp-ellipsis"
      title={name}
      data-testid="stage-chip"
      style={{ background: fill, color: inkOn(fill) }}
    >
      {name}
    </span>
  );
}

/** Stages tab: counts per stage, tagging the selection, untagged notes and conflicts, live. */
export function StagesTab({ workshop, useCases }: StagesTabProps) {
  const model = useTabModel(() => createStagesTabModel(workshop, useCases), [workshop, useCases]);
  const snapshot = model.snapshot.value;
  const waiting = boardReadState(snapshot);
  if (waiting) return waiting;
  const map = model.map.value;
  if (!map)
    return (
      <EmptyState title="Create a map in the Map tab first">
        Stages come from a journey map on the board. Once there is one, tag notes here or with
        Miro's own tags titled <q>Stage · …</q>.
      </EmptyState>
    );

  const selected = model.selectedNotes.value;
  const job = model.job.value;
  const busy = model.busy.value || job !== null;
  const undo = model.undo.value;
  const maps = model.maps.value;
  const untagged = map.untaggedIds.length;

  return (
    <div class="tp-stages-tab">
      <MapPicker
        id="tp-stages-map"
        maps={maps}
        value={map.id}
        disabled={busy}
        onChoose={model.chooseMap}
      />

      <section class="tp-section" aria-labelledby="tp-stages-title">
        <h2 class="tp-section__title" id="tp-stages-title">
          <span>Stages</span>
          <span class="tp-stages__total">{notes(map.notesInMap)} in the map</span>
        </h2>
        <p class="tp-help" data-testid="tp-stages-sum">
          {countLine(map)}
        </p>
        <p class="tp-help" id="tp-stages-selection" aria-live="polite">
          {selected > 0
            ? `${notes(selected)} selected on the board.`
            : 'Select notes on the board to tag them with a stage.'}
        </p>
        <ul class="tp-list tp-stages__list">
          {map.stages.map((stage, index) => (
            <li key={stage.id} class="tp-stages__row">
              <div class="tp-stages__name">
                <StageChip name={stage.name} index={index} />
                <span
                  class="tp-muted"
                  title={`${stage.byTag} by tag, ${stage.byPosition} by position`}
                >
                  {notes(stage.count)}
                  {stage.byPosition > 0 && ` · ${stage.byPosition} untagged`}
                </span>
              </div>
              <button
                type="button"
                class="button button-secondary button-small"
                disabled={busy || selected === 0}
                aria-label={`Tag selection as ${stage.name}`}
                aria-describedby="tp-stages-selection"
                onClick={() => void model.tagSelection(stage.id)}
              >
                Tag selection
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section class="tp-section" aria-labelledby="tp-untagged-title">
        <h2 class="tp-section__title" id="tp-untagged-title">
          <span>Untagged in this map</span>
          <span class="tp-stages__total">{untagged}</span>
        </h2>
        <p class="tp-help">
          {untagged === 0
            ? 'Every note in the map has a stage tag.'
            : map.untaggedInCells === untagged
              ? `${notes(untagged)} without a stage tag, each in a cell.`
              : `${notes(untagged)} without a stage tag; ${map.untaggedInCells} in a cell, the rest outside the grid.`}
        </p>
        <div class="tp-actions">
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={busy || untagged === 0}
            onClick={() => void model.selectUntagged()}
          >
            Select them
          </button>
          <button
            type="button"
            class="button button-primary button-small"
            disabled={busy || map.untaggedInCells === 0}
            onClick={() => void model.tagByPosition()}
          >
            Tag by position
          </button>
        </div>
        <JobProgress job={job} onCancel={model.cancel} />
        {undo?.available && (
          <div class="tp-actions">
            <button
              type="button"
              class="button button-tertiary button-small"
              disabled={busy}
              onClick={() => void model.undoTagByPosition()}
            >
              Undo tag by position in {mapLabel(map.title)} ({notes(undo.notes)})
            </button>
          </div>
        )}
        {undo && !undo.available && undo.reason && (
          <p class="tp-help">Undo is not offered: {undo.reason}</p>
        )}
      </section>

      {model.message.value && (
        <Notice tone={model.message.value.tone} title={model.message.value.title}>
          {model.message.value.body}
        </Notice>
      )}

      <ConflictList
        conflicts={map.conflicts}
        busy={busy}
        onFix={(noteId, choice) => void model.fixConflict(noteId, choice)}
        onSelect={() => void model.selectConflicts()}
      />
    </div>
  );
}

/**
 * How the map's count is made up, so the stage counts visibly add up: notes in a stage, notes in
 * no stage, and apart, the tagged notes outside the frame and other maps' notes in this frame.
 */
function countLine(map: StagesMap): string {
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

/** The map's name in a button: short, so the button still fits a 320 px panel. */
const mapLabel = (title: string): string => `“${mapShortName(title || 'Untitled map')}”`;
