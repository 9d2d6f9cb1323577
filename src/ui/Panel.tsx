import { useState } from 'preact/hooks';
import type { Workshop } from '../app/workshop';
import { TabPanel, Tabs, type TabDef } from './components/Tabs';
import { ExportTab } from './export/ExportTab';
import type { ExportUseCases } from './export/export-tab-model';
import { GroupTab } from './group/GroupTab';
import type { GroupUseCases } from './group/group-tab-model';
import { MapTab } from './map/MapTab';
import type { MapUseCases } from './map/map-tab-model';
import { StagesTab } from './stages/StagesTab';
import type { StagesUseCases } from './stages/stages-tab-model';
import { VoteTab } from './vote/VoteTab';
import type { VoteUseCases } from './vote/vote-tab-model';
import './styles/panel.css';

export type PanelTab = 'map' | 'stages' | 'group' | 'vote' | 'export';

const TABS: readonly TabDef<PanelTab>[] = [
  { id: 'map', label: 'Map' },
  { id: 'stages', label: 'Stages' },
  { id: 'group', label: 'Group' },
  { id: 'vote', label: 'Vote' },
  { id: 'export', label: 'Export' },
];

/** The Touchpoint panel: the same component inside Miro (`app.html`) and in the playground. */
/** The use cases each tab needs, injected by the entry (and by tests). */
export interface PanelServices {
  map: MapUseCases;
  export: ExportUseCases;
  stages: StagesUseCases;
  group: GroupUseCases;
  vote: VoteUseCases;
}

interface PanelProps {
  workshop: Workshop;
  services: PanelServices;
  initialTab?: PanelTab;
}

export function Panel({ workshop, services, initialTab = 'map' }: PanelProps) {
  const [tab, setTab] = useState<PanelTab>(initialTab);
  return (
    <div class="tp-panel">
      <header class="tp-header">
        <span class="tp-logo" aria-hidden="true" />
        <div class="tp-header__text">
          <h1 class="tp-title">Touchpoint</h1>
          <p class="tp-muted tp-ellipsis" title={workshop.info.name}>
            {workshop.user.name} · {workshop.info.name}
          </p>
        </div>
      </header>
      <Tabs tabs={TABS} active={tab} onChange={setTab} label="Touchpoint sections" />
      <TabPanel id={tab}>
        {tab === 'map' && <MapTab workshop={workshop} useCases={services.map} />}
        {tab === 'stages' && <StagesTab workshop={workshop} useCases={services.stages} />}
        {tab === 'group' && <GroupTab workshop={workshop} useCases={services.group} />}
        {tab === 'vote' && <VoteTab workshop={workshop} useCases={services.vote} />}
        {tab === 'export' && <ExportTab workshop={workshop} useCases={services.export} />}
      </TabPanel>
    </div>
  );
}
