/**
 * The Insights tab's board: the maps, the chosen one and its data, read when the tab opens and
 * again after every change anyone makes to that map, until the tab closes.
 */
import { computed, signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';
import type { Workshop } from '../../app/workshop';
import type {
  InsightsData,
  InsightsMap,
  InsightsStatus,
  InsightsUseCases,
} from './insights-tab-model';

/** `afterLoad` is called after each read of the chosen map's data that succeeded. */
export function createInsightsBoard(
  workshop: Workshop,
  useCases: InsightsUseCases,
  afterLoad: () => void,
) {
  const status = signal<InsightsStatus>({ status: 'loading' });
  const maps = signal<InsightsMap[]>([]);
  const mapId = signal<string | null>(null);
  const data = signal<InsightsData | null>(null);
  const map = computed(() => maps.value.find((m) => m.id === mapId.value) ?? maps.value[0] ?? null);
  const stageIds = computed(() => map.value?.stages.map((s) => s.id) ?? []);
  let stopped = false;
  let unwatch: (() => void) | null = null;

  async function reload(): Promise<void> {
    const current = map.value;
    if (!current) return;
    try {
      data.value = await useCases.load(workshop, current);
      status.value = { status: 'ready' };
      afterLoad();
    } catch (error) {
      status.value = { status: 'error', message: errorMessage(error) };
    }
  }

  function follow(): void {
    unwatch?.();
    const current = map.value;
    unwatch = current && !stopped ? useCases.watch(workshop, current, () => void reload()) : null;
  }

  async function start(): Promise<void> {
    try {
      maps.value = await useCases.loadMaps(workshop);
    } catch (error) {
      status.value = { status: 'error', message: errorMessage(error) };
      return;
    }
    if (!map.value) {
      status.value = { status: 'ready' };
      return;
    }
    await reload();
    follow();
  }

  return {
    status,
    maps,
    map,
    data,
    stageIds,
    reload,
    /** The maps read again (after a lane was added); kept as they were when that read fails. */
    async reloadMaps(): Promise<void> {
      maps.value = await useCases.loadMaps(workshop).catch(() => maps.value);
    },
    chooseMap(id: string): void {
      mapId.value = id;
      data.value = null;
      status.value = { status: 'loading' };
      follow();
      void reload();
    },
    open(): void {
      stopped = false;
      void start();
    },
    /** The tab is closed: changes are no longer followed. */
    close(): void {
      stopped = true;
      unwatch?.();
      unwatch = null;
    },
    stopped: () => stopped,
  };
}

export type InsightsBoard = ReturnType<typeof createInsightsBoard>;
