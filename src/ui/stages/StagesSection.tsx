import { inkOn } from '../../domain/board/colors';
import { stageChipFill } from '../../domain/journey/stage-tag-colors';
import type { StagesMap } from './stages-tab-model';
import { countLine, notes, selectionLine, stageSplit } from './stages-text';

interface StagesSectionProps {
  map: StagesMap;
  selected: number;
  busy: boolean;
  onTag: (stageId: string) => void;
}

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

/** Stages › the map's stages with their counts, and tagging the selection as one of them. */
export function StagesSection({ map, selected, busy, onTag }: StagesSectionProps) {
  return (
    <section class="tp-section" aria-labelledby="tp-stages-title">
      <h2 class="tp-section__title" id="tp-stages-title">
        <span>Stages</span>
        <span class="tp-stages__total">{notes(map.notesInMap)} in the map</span>
      </h2>
      <p class="tp-help" data-testid="tp-stages-sum">
        {countLine(map)}
      </p>
      <p class="tp-help" id="tp-stages-selection" aria-live="polite">
        {selectionLine(selected)}
      </p>
      <ul class="tp-list tp-stages__list">
        {map.stages.map((stage, index) => (
          <li key={stage.id} class="tp-stages__row">
            <div class="tp-stages__name">
              <StageChip name={stage.name} index={index} />
              <span class="tp-muted" title={stageSplit(stage)}>
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
              onClick={() => onTag(stage.id)}
            >
              Tag selection
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
