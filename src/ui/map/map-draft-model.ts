/**
 * Map tab › the draft: the map being edited (a new one, or changes to the chosen map), checked
 * against the board's limits and tags as it changes, and each edit the facilitator makes.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { BoardSession } from '../../app/workshop';
import {
  addLane,
  addStage,
  moveLane,
  moveStage,
  removeLane,
  removeStage,
  renameLane,
  renameStage,
  setPersona,
  setTitle,
} from '../../domain/journey/edit-spec';
import type { MapSpec } from '../../domain/journey/map-spec';
import {
  createIdFactory,
  createSpecFromPreset,
  findPreset,
  PRESETS,
} from '../../domain/journey/presets';
import { specLimitsOf, validateSpec } from '../../domain/journey/validate-spec';
import type { MapOnBoard } from './map-tab-model';

const newId = createIdFactory();
const classic = PRESETS[0]!;

export function createMapDraftModel(
  workshop: BoardSession,
  {
    onBoard,
    tagTitles,
    onEdit,
  }: {
    /** The chosen map as the board holds it; null while drafting a new one. */
    onBoard: ReadonlySignal<MapOnBoard | null>;
    /** The board's tag titles. */
    tagTitles: ReadonlySignal<readonly string[]>;
    /** Told after each edit (the tab clears its last message). */
    onEdit: () => void;
  },
) {
  const draft = signal<MapSpec>(createSpecFromPreset(classic, newId));
  /** The draft differs from the board: the facilitator has edited it. */
  const dirty = signal(false);

  // Stage tags the map already owns are reused or renamed, so they never count as new tags.
  const validation = computed(() => {
    const own = onBoard.value ? onBoard.value.spec.stages.map((s) => `Stage · ${s.name}`) : [];
    const existing = tagTitles.value.filter((t) => !own.includes(t));
    return validateSpec(draft.value, [...existing, ...own], specLimitsOf(workshop));
  });
  const problemsByField = computed(() => {
    const out: Record<string, string | undefined> = {};
    if (!validation.value.ok) for (const p of validation.value.problems) out[p.field] ??= p.message;
    return out;
  });

  const edit = (next: MapSpec) => {
    draft.value = next;
    dirty.value = true;
    onEdit();
  };

  return {
    draft,
    dirty,
    validation,
    problemsByField,
    presets: PRESETS,
    /** Shows `spec` unedited: the chosen map as the board holds it. */
    showSpec(spec: MapSpec) {
      draft.value = spec;
      dirty.value = false;
    },
    /** A new map from the first preset; `edited` when the facilitator asked for it. */
    startNew(edited: boolean) {
      draft.value = createSpecFromPreset(classic, newId);
      dirty.value = edited;
    },
    choosePreset(id: string) {
      const preset = findPreset(id);
      if (preset) edit(createSpecFromPreset(preset, newId));
    },
    setTitle: (title: string) => edit(setTitle(draft.value, title)),
    setPersonaName: (name: string) =>
      edit(setPersona(draft.value, { name, summary: draft.value.persona?.summary ?? '' })),
    setPersonaSummary: (summary: string) =>
      edit(setPersona(draft.value, { name: draft.value.persona?.name ?? '', summary })),
    addStage: () =>
      edit(addStage(draft.value, { id: newId(), name: `Stage ${draft.value.stages.length + 1}` })),
    renameStage: (id: string, name: string) => edit(renameStage(draft.value, id, name)),
    moveStage: (id: string, to: number) => edit(moveStage(draft.value, id, to)),
    removeStage: (id: string) => edit(removeStage(draft.value, id)),
    addLane: () =>
      edit(
        addLane(draft.value, {
          id: newId(),
          name: `Lane ${draft.value.lanes.length + 1}`,
          kind: 'other',
        }),
      ),
    renameLane: (id: string, name: string) => edit(renameLane(draft.value, id, name)),
    moveLane: (id: string, to: number) => edit(moveLane(draft.value, id, to)),
    removeLane: (id: string) => edit(removeLane(draft.value, id)),
  };
}
