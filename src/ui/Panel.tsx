import { errorMessage } from '../domain/common';
import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardSession, Workshop } from '../app/workshop';
import { Notice, Spinner } from './components/Notice';
import { TabPanel, Tabs, type TabDef } from './components/Tabs';
import type { ExportUseCases } from './export/export-tab-model';
import type { GroupUseCases } from './group/group-tab-model';
import type { InsightsUseCases } from './insights/insights-tab-model';
import { MapTab } from './map/MapTab';
import type { MapUseCases } from './map/map-tab-model';
import type { StagesUseCases } from './stages/stages-tab-model';
import type { VoteUseCases } from './vote/vote-tab-model';
import './styles/panel.css';

export type PanelTab = 'map' | 'stages' | 'group' | 'vote' | 'insights' | 'export';

const TABS: readonly TabDef<PanelTab>[] = [
  { id: 'map', label: 'Map' },
  { id: 'stages', label: 'Stages' },
  { id: 'group', label: 'Group' },
  { id: 'vote', label: 'Vote' },
  { id: 'insights', label: 'Insights' },
  { id: 'export', label: 'Export' },
];

/** Loads a tab's use cases (and the code behind them) the first time the tab opens. */
export type LoadUseCases<T> = () => Promise<T>;

/**
 * The use cases each tab needs, injected by the entry (and by tests). The Map tab, the one the
 * panel opens on, is in the first download; every other tab's code is fetched when it is opened.
 */
export interface PanelServices {
  map: MapUseCases;
  stages: LoadUseCases<StagesUseCases>;
  group: LoadUseCases<GroupUseCases>;
  vote: LoadUseCases<VoteUseCases>;
  insights: LoadUseCases<InsightsUseCases>;
  export: LoadUseCases<ExportUseCases>;
}

type LazyTab = Exclude<PanelTab, 'map'>;
type TabView = FunctionComponent<{ workshop: Workshop }>;

/** Each lazy tab: its component's module and its use cases, loaded together. */
const LOAD_TAB: Record<LazyTab, (services: PanelServices) => Promise<TabView>> = {
  async stages(services) {
    const [{ StagesTab }, useCases] = await Promise.all([
      import('./stages/StagesTab'),
      services.stages(),
    ]);
    return ({ workshop }) => <StagesTab workshop={workshop} useCases={useCases} />;
  },
  async group(services) {
    const [{ GroupTab }, useCases] = await Promise.all([
      import('./group/GroupTab'),
      services.group(),
    ]);
    return ({ workshop }) => <GroupTab workshop={workshop} useCases={useCases} />;
  },
  async vote(services) {
    const [{ VoteTab }, useCases] = await Promise.all([import('./vote/VoteTab'), services.vote()]);
    return ({ workshop }) => <VoteTab workshop={workshop} useCases={useCases} />;
  },
  async insights(services) {
    const [{ InsightsTab }, useCases] = await Promise.all([
      import('./insights/InsightsTab'),
      services.insights(),
    ]);
    return ({ workshop }) => <InsightsTab workshop={workshop} useCases={useCases} />;
  },
  async export(services) {
    const [{ ExportTab }, useCases] = await Promise.all([
      import('./export/ExportTab'),
      services.export(),
    ]);
    return ({ workshop }) => <ExportTab workshop={workshop} useCases={useCases} />;
  },
};

interface PanelProps {
  /** The board side: the header and the Map tab show from it alone. */
  session: BoardSession;
  /**
   * The whole workshop, this browser's store included. The Miro panel passes a promise, so it
   * shows the Map tab before IndexedDB has opened; the other tabs wait for it (issue 12 §1).
   */
  workshop: Workshop | Promise<Workshop>;
  services: PanelServices;
  initialTab?: PanelTab;
}

/** The Touchpoint panel: the same component inside Miro (`app.html`) and in the playground. */
export function Panel({ session, workshop, services, initialTab = 'map' }: PanelProps) {
  const [tab, setTab] = useState<PanelTab>(initialTab);
  // Loaded tabs, kept for the panel's life so switching back is instant.
  const loaded = useRef(new Map<LazyTab, TabView>());
  const [opened, setOpened] = useState<Workshop | null>(null);
  useEffect(() => {
    if (!(workshop instanceof Promise)) return;
    let live = true;
    void workshop.then((whole) => {
      if (live) setOpened(whole);
    });
    return () => {
      live = false;
    };
  }, [workshop]);
  const whole = workshop instanceof Promise ? opened : workshop;
  return (
    <div class="tp-panel">
      <header class="tp-header">
        <span class="tp-logo" aria-hidden="true" />
        <div class="tp-header__text">
          <h1 class="tp-title">Touchpoint</h1>
          <p class="tp-muted tp-ellipsis" title={session.info.name}>
            {session.user.name} · {session.info.name}
          </p>
        </div>
      </header>
      <Tabs tabs={TABS} active={tab} onChange={setTab} label="Touchpoint sections" />
      <TabPanel id={tab}>
        {tab === 'map' ? (
          <MapTab workshop={session} useCases={services.map} />
        ) : (
          <LazyTabView
            key={tab}
            tab={tab}
            workshop={whole}
            services={services}
            loaded={loaded.current}
          />
        )}
      </TabPanel>
    </div>
  );
}

interface LazyTabViewProps {
  tab: LazyTab;
  /** Null until this browser's store has opened. */
  workshop: Workshop | null;
  services: PanelServices;
  loaded: Map<LazyTab, TabView>;
}

/**
 * A tab whose code is fetched on first open; a failed fetch says so and is retried on reopen. It
 * shows once its code and the whole workshop are there.
 */
function LazyTabView({ tab, workshop, services, loaded }: LazyTabViewProps) {
  const [view, setView] = useState<TabView | null>(() => loaded.get(tab) ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (view) return;
    let live = true;
    LOAD_TAB[tab](services).then(
      (loadedView) => {
        loaded.set(tab, loadedView);
        if (live) setView(() => loadedView);
      },
      (error: unknown) => {
        if (live) setProblem(errorMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, [tab, services, loaded, view]);

  if (view && workshop) {
    const View = view;
    return <View workshop={workshop} />;
  }
  if (problem)
    return (
      <Notice tone="error" title="This tab could not be opened">
        {problem} Check the connection, then open the tab again. Nothing on the board changed.
      </Notice>
    );
  return <Spinner label="Opening…" />;
}
