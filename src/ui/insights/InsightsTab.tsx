import type { Workshop } from '../../app/workshop';
import { EmptyState, Notice } from '../components/Notice';
import { boardReadState, useTabModel } from '../components/tab-model';
import { CoverageSection } from './CoverageSection';
import { DepartmentPicker } from './DepartmentPicker';
import { EmotionSection } from './EmotionSection';
import { createInsightsTabModel, type InsightsUseCases } from './insights-tab-model';
import { KpiSection } from './KpiSection';
import { RaciSection } from './RaciSection';
import './insights.css';
import { MapPicker } from '../components/MapPicker';

interface InsightsTabProps {
  workshop: Workshop;
  useCases: InsightsUseCases;
}

/** Insights tab: how the customer feels per stage, KPIs, RACI and who has spoken (issue 14). */
export function InsightsTab({ workshop, useCases }: InsightsTabProps) {
  const model = useTabModel(() => createInsightsTabModel(workshop, useCases), [workshop, useCases]);
  const waiting = boardReadState(model.status.value);
  if (waiting) return waiting;
  const map = model.map.value;
  const data = model.data.value;
  if (!map || !data)
    return (
      <EmptyState title="Create a map in the Map tab first">
        Ratings, KPIs and RACI belong to a journey map on the board.
      </EmptyState>
    );
  const maps = model.maps.value;
  const message = model.message.value;

  return (
    <div class="tp-insights">
      <MapPicker id="tp-insights-map" maps={maps} value={map.id} onChoose={model.chooseMap} />
      {message && (
        <Notice tone={message.tone} title={message.title} focus={message.focus}>
          {message.body}
        </Notice>
      )}
      {data.skipped > 0 && (
        <Notice tone="warning">
          {data.skipped === 1 ? 'One stored entry was' : `${data.skipped} stored entries were`}{' '}
          unreadable and left out.
        </Notice>
      )}
      <DepartmentPicker model={model} />
      <EmotionSection model={model} />
      <KpiSection model={model} />
      <RaciSection model={model} />
      <CoverageSection model={model} />
    </div>
  );
}
