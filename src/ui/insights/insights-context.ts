/**
 * What every part of the Insights tab (emotions, KPIs, departments) shares: the chosen map and its
 * data (`insights-board`), one message, whether a change is running, running a change and showing
 * its outcome, and a timer for the redraws a facilitator's panel makes by itself.
 */
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';
import type { Workshop } from '../../app/workshop';
import type { TabMessage } from '../components/action-runner';
import type { InsightsBoard } from './insights-board';
import { notConfirmed, outcomeMessage } from './insights-messages';
import type {
  InsightsData,
  InsightsMap,
  InsightsOutcome,
  InsightsTabOptions,
  InsightsUseCases,
} from './insights-tab-model';

export interface InsightsContext {
  readonly workshop: Workshop;
  readonly useCases: InsightsUseCases;
  readonly map: ReadonlySignal<InsightsMap | null>;
  readonly data: ReadonlySignal<InsightsData | null>;
  readonly stageIds: ReadonlySignal<string[]>;
  readonly busy: ReadonlySignal<boolean>;
  readonly message: Signal<TabMessage | null>;
  /**
   * Runs one change, shows its outcome, and reads the board again so the view is current. The
   * outcome of what the person just did takes focus, so it is seen and heard wherever they were
   * in the tab; a redraw the panel made by itself (`background`) is shown without moving them.
   */
  run(
    change: () => Promise<InsightsOutcome>,
    success?: string,
    options?: { background?: boolean },
  ): Promise<boolean>;
  /** `run` on the chosen map; false, with nothing run, where there is none. */
  onMap(change: (map: InsightsMap) => Promise<InsightsOutcome>, success?: string): Promise<boolean>;
  /** `onMap` for a change that adds a lane to the map: the maps are read again after it. */
  changeLanes(change: (map: InsightsMap) => Promise<InsightsOutcome>): Promise<boolean>;
  /**
   * A timer for redrawing on the board from a facilitator's panel after a change: `set` replaces
   * the redraw pending with one after the pause (`InsightsTabOptions`), `clear` drops it.
   */
  redrawTimer(): RedrawTimer;
  /** The tab is closed: nothing scheduled may run. */
  stopped(): boolean;
}

/** A part that keeps something on the board current: told after each load, stopped on close. */
export interface InsightsPart {
  afterLoad(): void;
  stop(): void;
}

interface RedrawTimer {
  set(fn: () => void): void;
  clear(): void;
}

export function createInsightsContext(
  workshop: Workshop,
  useCases: InsightsUseCases,
  board: InsightsBoard,
  options: InsightsTabOptions,
) {
  const busy = signal(false);
  const message = signal<TabMessage | null>(null);

  const run: InsightsContext['run'] = async (change, success, { background = false } = {}) => {
    busy.value = true;
    message.value = null;
    const shown = (said: TabMessage) => ({ ...said, focus: !background });
    try {
      const outcome = await change();
      const said = outcomeMessage(outcome, success);
      if (said) message.value = shown(said);
      await board.reload();
      return outcome.ok;
    } catch (error) {
      // A change that failed outright (the board unreachable, an answer lost) is said, not lost.
      // Whether it landed is not known here: the view is read again to show what the board holds.
      message.value = shown(notConfirmed(errorMessage(error)));
      await board.reload();
      return false;
    } finally {
      busy.value = false;
    }
  };
  const onMap: InsightsContext['onMap'] = (change, success) => {
    const current = board.map.value;
    return current ? run(() => change(current), success) : Promise.resolve(false);
  };
  const ctx: InsightsContext = {
    workshop,
    useCases,
    map: board.map,
    data: board.data,
    stageIds: board.stageIds,
    busy,
    message,
    run,
    onMap,
    async changeLanes(change) {
      const ok = await onMap(change);
      if (ok) await board.reloadMaps();
      return ok;
    },
    redrawTimer: () => createRedrawTimer(options),
    stopped: board.stopped,
  };
  return ctx;
}

/** One redraw pending at most, after the pause plus up to the jitter at random. */
function createRedrawTimer(options: InsightsTabOptions): RedrawTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const pause = () =>
    (options.redrawDelayMs ?? 1_500) + Math.random() * (options.redrawJitterMs ?? 1_000);
  return {
    set(fn) {
      clear();
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, pause());
    },
    clear,
  };
}
