import type { Workshop } from '../../app/workshop';
import { EmptyState, Notice } from '../components/Notice';
import { boardReadState, useTabModel } from '../components/tab-model';
import { ConflictList } from './ConflictList';
import { createStagesTabModel, type StagesUseCases } from './stages-tab-model';
import { MapPicker } from '../components/MapPicker';
import { StagesSection } from './StagesSection';
import { UntaggedSection } from './UntaggedSection';

interface StagesTabProps {
  workshop: Workshop;
  useCases: StagesUseCases;
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

  const job = model.job.value;
  const busy = model.busy.value || job !== null;
  const message = model.message.value;

  return (
    <div class="tp-stages-tab">
      <MapPicker
        id="tp-stages-map"
        maps={model.maps.value}
        value={map.id}
        disabled={busy}
        onChoose={model.chooseMap}
      />
      <StagesSection
        map={map}
        selected={model.selectedNotes.value}
        busy={busy}
        onTag={(stageId) => void model.tagSelection(stageId)}
      />
      <UntaggedSection
        map={map}
        busy={busy}
        job={job}
        undo={model.undo.value}
        onSelect={() => void model.selectUntagged()}
        onTagByPosition={() => void model.tagByPosition()}
        onUndo={() => void model.undoTagByPosition()}
        onCancel={model.cancel}
      />
      {message && (
        <Notice tone={message.tone} title={message.title}>
          {message.body}
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
