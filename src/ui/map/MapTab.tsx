import type { BoardSession } from '../../app/workshop';
import { MAX_LANES, MAX_STAGES } from '../../domain/journey/validate-spec';
import { EmptyState, Notice, Spinner } from '../components/Notice';
import { useTabModel } from '../components/tab-model';
import { JobProgress } from '../components/ProgressBar';
import { FacilitatorsSection } from './FacilitatorsSection';
import {
  BoardActions,
  MapChoice,
  PresetSection,
  RemovalConfirmation,
  RemoveMapSection,
  TitleSection,
} from './MapSections';
import { MapPreview } from './MapPreview';
import { createMapTabModel, type MapUseCases } from './map-tab-model';
import { NameListEditor } from './NameListEditor';

interface MapTabProps {
  workshop: BoardSession;
  useCases: MapUseCases;
}

/** Map tab: pick a preset, edit title, persona, stages and lanes, create or update the map on the board. */
export function MapTab({ workshop, useCases }: MapTabProps) {
  const model = useTabModel(() => createMapTabModel(workshop, useCases), [workshop, useCases]);

  if (model.loading.value) return <Spinner label="Reading the board…" />;

  const spec = model.draft.value;
  const onBoard = model.onBoard.value;
  const job = model.job.value;
  const message = model.message.value;
  const problems = model.problemsByField.value;
  const validation = model.validation.value;
  const listProblems = (prefix: 'stages' | 'lanes', ids: { id: string }[]) =>
    Object.fromEntries(ids.map((item) => [item.id, problems[`${prefix}.${item.id}`]]));
  const generalProblems = validation.ok
    ? []
    : validation.problems.filter((p) => !/^(stages|lanes)\./.test(p.field) && p.field !== 'title');
  const busy = job !== null;

  return (
    <div class="tp-map-tab">
      <MapChoice model={model} busy={busy} />
      {onBoard ? (
        <Notice
          tone={onBoard.incomplete ? 'warning' : 'info'}
          title={`On this board: ${onBoard.spec.title}`}
        >
          {onBoard.incomplete
            ? 'The last change stopped halfway. Press “Update on board” to finish it (or, if the map was being removed, “Remove map from board…”).'
            : `${onBoard.spec.stages.length} stages × ${onBoard.spec.lanes.length} lanes. Edit below, then update.`}
        </Notice>
      ) : (
        <PresetSection model={model} spec={spec} />
      )}

      <TitleSection model={model} spec={spec} titleProblem={problems['title']} />
      <NameListEditor
        title="Stages"
        noun="stage"
        items={spec.stages}
        max={MAX_STAGES}
        problems={listProblems('stages', spec.stages)}
        onAdd={model.addStage}
        onRename={model.renameStage}
        onMove={model.moveStage}
        onRemove={model.removeStage}
      />
      <NameListEditor
        title="Lanes"
        noun="lane"
        items={spec.lanes}
        max={MAX_LANES}
        problems={listProblems('lanes', spec.lanes)}
        onAdd={model.addLane}
        onRename={model.renameLane}
        onMove={model.moveLane}
        onRemove={model.removeLane}
      />

      <section class="tp-section" aria-label="Preview">
        <h2 class="tp-section__title">Preview</h2>
        <MapPreview spec={spec} />
      </section>

      {generalProblems.length > 0 && (
        <Notice tone="error" title="Fix these before writing to the board">
          <ul>
            {generalProblems.map((p) => (
              <li key={p.field + p.message}>{p.message}</li>
            ))}
          </ul>
        </Notice>
      )}

      <RemovalConfirmation model={model} />
      <JobProgress job={job} onCancel={model.cancel} />
      {message && (
        <Notice tone={message.tone} title={message.title} focus={message.focus}>
          {message.body}
        </Notice>
      )}

      <BoardActions model={model} busy={busy} />
      {/* Keyed by map: a confirmation opened for one map never carries over to another. */}
      {onBoard && <RemoveMapSection key={onBoard.spec.id} model={model} busy={busy} />}
      {!onBoard && spec.stages.length === 0 && (
        <EmptyState title="No stages yet">Add a stage to start your map.</EmptyState>
      )}
      <FacilitatorsSection workshop={workshop} useCases={useCases} />
    </div>
  );
}
