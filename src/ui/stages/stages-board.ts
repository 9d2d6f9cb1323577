/**
 * Stages tab › the board: the picture the stage use cases give (the maps, the chosen one, the
 * notes selected on the board), followed from the tab's opening until it closes, and the
 * connection the tab's actions and its undo use meanwhile.
 */
import { computed, signal } from '@preact/signals';
import type { Workshop } from '../../app/workshop';
import type { StagesConnection, StagesSnapshot, StagesUseCases } from './stages-tab-model';

export function createStagesBoard(workshop: Workshop, useCases: StagesUseCases) {
  const snapshot = signal<StagesSnapshot>({ status: 'loading' });
  const chosenMapId = signal<string | null>(null);
  let connection: StagesConnection | null = null;

  const maps = computed(() => (snapshot.value.status === 'ready' ? snapshot.value.maps : []));
  /** The chosen map, or the first when the chosen one is gone. */
  const map = computed(
    () => maps.value.find((m) => m.id === chosenMapId.value) ?? maps.value[0] ?? null,
  );
  const selectedNotes = computed(() =>
    snapshot.value.status === 'ready' ? snapshot.value.selectedNotes : 0,
  );

  return {
    snapshot,
    chosenMapId,
    maps,
    map,
    selectedNotes,
    /** The open connection: null before the tab opens and after it closes. */
    connection: (): StagesConnection | null => connection,
    /**
     * Connects and follows the board; `onPicture` runs after each picture is shown (the first
     * one too), `onOpened` once subscribed. Returns the disconnect.
     */
    open(onPicture: () => void, onOpened: () => void): () => void {
      const opened = useCases.open(workshop);
      connection = opened;
      const unsubscribe = opened.subscribe((next) => {
        snapshot.value = next;
        onPicture();
      });
      onOpened();
      return () => {
        unsubscribe();
        opened.close();
        if (connection === opened) connection = null;
      };
    },
  };
}

export type StagesBoard = ReturnType<typeof createStagesBoard>;
