/**
 * The preview the facilitator edits before anything moves (issue 4 §4): pure and immutable,
 * every edit returns a new preview. Pinned notes (the team's own groups) keep their group and
 * their place on the board.
 */
import type { NoteGroup } from './group-notes';
import { UNSORTED_GROUP_ID } from './unsorted-group';

export interface PreviewGroup {
  id: string;
  label: string;
  keywords: string[];
  noteIds: string[];
  /** The notes that fit nowhere. */
  unsorted: boolean;
  /** The team's own group: its pinned notes stay where they are. */
  pinned: boolean;
}

export interface GroupingPreview {
  groups: readonly PreviewGroup[];
  /** Pinned note id → the name of its hand-made group (what the engine gets as `pinnedGroup`). */
  pinned: Readonly<Record<string, string>>;
}

export const UNSORTED_LABEL = 'Unsorted';

const fromNoteGroup = (g: NoteGroup): PreviewGroup => ({
  id: g.id,
  label: g.label,
  keywords: [...g.keywords],
  noteIds: [...g.noteIds],
  unsorted: g.unsorted === true,
  pinned: g.pinned === true,
});

/** Unsorted last; groups that lost every note are dropped. */
function tidy(groups: readonly PreviewGroup[]): PreviewGroup[] {
  const kept = groups.filter((g) => g.noteIds.length > 0);
  return [...kept.filter((g) => !g.unsorted), ...kept.filter((g) => g.unsorted)];
}

export function toPreview(
  groups: readonly NoteGroup[],
  pinned: Readonly<Record<string, string>> = {},
): GroupingPreview {
  return { groups: tidy(groups.map(fromNoteGroup)), pinned: { ...pinned } };
}

const edit = (
  preview: GroupingPreview,
  groups: readonly PreviewGroup[],
  pinned = preview.pinned,
): GroupingPreview => ({ groups: tidy(groups), pinned });

export function renameGroup(
  preview: GroupingPreview,
  groupId: string,
  label: string,
): GroupingPreview {
  const name = label.replace(/\s+/g, ' ').trim();
  if (name === '') return preview;
  const target = preview.groups.find((g) => g.id === groupId);
  if (!target || target.unsorted) return preview;
  // A pinned group's name is what the engine keeps it together by: rename its notes' pins too.
  const pinned = target.pinned
    ? Object.fromEntries(
        Object.entries(preview.pinned).map(([id, n]) => [id, n === target.label ? name : n]),
      )
    : preview.pinned;
  return edit(
    preview,
    preview.groups.map((g) => (g.id === groupId ? { ...g, label: name } : g)),
    pinned,
  );
}

/** `fromId`'s notes join `intoId`, which keeps its name; keywords of both, the first's first. */
export function mergeGroups(
  preview: GroupingPreview,
  intoId: string,
  fromId: string,
): GroupingPreview {
  if (intoId === fromId) return preview;
  const into = preview.groups.find((g) => g.id === intoId);
  const from = preview.groups.find((g) => g.id === fromId);
  if (!into || !from) return preview;
  const merged: PreviewGroup = {
    ...into,
    keywords: [...new Set([...into.keywords, ...from.keywords])].slice(0, 5),
    noteIds: [...into.noteIds, ...from.noteIds],
  };
  return edit(
    preview,
    preview.groups.flatMap((g) => (g.id === intoId ? [merged] : g.id === fromId ? [] : [g])),
  );
}

export function moveNote(
  preview: GroupingPreview,
  noteId: string,
  toGroupId: string,
): GroupingPreview {
  const target = preview.groups.find((g) => g.id === toGroupId);
  if (!target || target.noteIds.includes(noteId)) return preview;
  return edit(
    preview,
    preview.groups.map((g) =>
      g.id === toGroupId
        ? { ...g, noteIds: [...g.noteIds, noteId] }
        : { ...g, noteIds: g.noteIds.filter((id) => id !== noteId) },
    ),
  );
}

/** The group goes; its notes go to Unsorted (made if there is none). */
export function dissolveGroup(preview: GroupingPreview, groupId: string): GroupingPreview {
  const target = preview.groups.find((g) => g.id === groupId);
  if (!target || target.unsorted) return preview;
  const pinned = Object.fromEntries(
    Object.entries(preview.pinned).filter(([id]) => !target.noteIds.includes(id)),
  );
  const rest = preview.groups.filter((g) => g.id !== groupId);
  const unsorted = rest.find((g) => g.unsorted) ?? {
    id: UNSORTED_GROUP_ID,
    label: UNSORTED_LABEL,
    keywords: [],
    noteIds: [],
    unsorted: true,
    pinned: false,
  };
  const grown = { ...unsorted, noteIds: [...unsorted.noteIds, ...target.noteIds] };
  return edit(preview, [...rest.filter((g) => !g.unsorted), grown], pinned);
}

/** Replaces a group by the parts a split found (ids made unique: `<id>.1`, `<id>.2` …). */
export function splitGroup(
  preview: GroupingPreview,
  groupId: string,
  parts: readonly NoteGroup[],
): GroupingPreview {
  const target = preview.groups.find((g) => g.id === groupId);
  if (!target) return preview;
  const members = new Set(target.noteIds);
  const pieces = parts
    .map((p, i) => ({
      ...fromNoteGroup(p),
      id: `${groupId}.${i + 1}`,
      unsorted: false,
      pinned: false,
      noteIds: p.noteIds.filter((id) => members.has(id)),
    }))
    .filter((p) => p.noteIds.length > 0);
  // Notes the split left out (its own Unsorted) stay together as the last piece.
  const covered = new Set(pieces.flatMap((p) => p.noteIds));
  const left = target.noteIds.filter((id) => !covered.has(id));
  if (left.length > 0)
    pieces.push({ ...target, id: `${groupId}.${pieces.length + 1}`, noteIds: left });
  if (pieces.length < 2) return preview;
  return edit(
    preview,
    preview.groups.flatMap((g) => (g.id === groupId ? pieces : [g])),
  );
}

/** Pins a group: its notes stay where they are and stay together when the engine runs again. */
export function pinGroup(preview: GroupingPreview, groupId: string): GroupingPreview {
  const target = preview.groups.find((g) => g.id === groupId);
  if (!target || target.unsorted || target.pinned) return preview;
  const taken = new Set(Object.values(preview.pinned));
  let name = target.label;
  for (let n = 2; taken.has(name); n += 1) name = `${target.label} (${n})`;
  const pinned = { ...preview.pinned };
  for (const id of target.noteIds) pinned[id] = name;
  return edit(
    preview,
    preview.groups.map((g) => (g.id === groupId ? { ...g, label: name, pinned: true } : g)),
    pinned,
  );
}

export function unpinGroup(preview: GroupingPreview, groupId: string): GroupingPreview {
  const target = preview.groups.find((g) => g.id === groupId);
  if (!target || !target.pinned) return preview;
  const pinned = Object.fromEntries(
    Object.entries(preview.pinned).filter(([id]) => !target.noteIds.includes(id)),
  );
  return edit(
    preview,
    preview.groups.map((g) => (g.id === groupId ? { ...g, pinned: false } : g)),
    pinned,
  );
}
