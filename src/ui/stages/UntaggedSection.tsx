import { JobProgress } from '../components/ProgressBar';
import type { BoardJob } from '../components/board-job';
import type { StagesMap, UndoInfo } from './stages-tab-model';
import { mapLabel, notes, untaggedLine } from './stages-text';

interface UntaggedSectionProps {
  map: StagesMap;
  busy: boolean;
  job: BoardJob | null;
  undo: UndoInfo | null;
  onSelect: () => void;
  onTagByPosition: () => void;
  onUndo: () => void;
  onCancel: () => void;
}

/** Stages › the map's untagged notes: select them, tag them by position, and undo that. */
export function UntaggedSection(props: UntaggedSectionProps) {
  const { map, busy, job, undo } = props;
  const untagged = map.untaggedIds.length;
  return (
    <section class="tp-section" aria-labelledby="tp-untagged-title">
      <h2 class="tp-section__title" id="tp-untagged-title">
        <span>Untagged in this map</span>
        <span class="tp-stages__total">{untagged}</span>
      </h2>
      <p class="tp-help">{untaggedLine(map)}</p>
      <div class="tp-actions">
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={busy || untagged === 0}
          onClick={props.onSelect}
        >
          Select them
        </button>
        <button
          type="button"
          class="button button-primary button-small"
          disabled={busy || map.untaggedInCells === 0}
          onClick={props.onTagByPosition}
        >
          Tag by position
        </button>
      </div>
      <JobProgress job={job} onCancel={props.onCancel} />
      {undo?.available && (
        <div class="tp-actions">
          <button
            type="button"
            class="button button-tertiary button-small"
            disabled={busy}
            onClick={props.onUndo}
          >
            Undo tag by position in {mapLabel(map.title)} ({notes(undo.notes)})
          </button>
        </div>
      )}
      {undo && !undo.available && undo.reason && (
        <p class="tp-help">Undo is not offered: {undo.reason}</p>
      )}
    </section>
  );
}
