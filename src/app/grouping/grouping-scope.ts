/**
 * What to group (issue 4 §4): the selection, one stage, one lane, one cell or the whole map, read
 * from the Stages tab's live view (`decideStage` per note); and where the groups go on the board.
 */
import type { BoardItem, Rect } from '../../board/port';
import { boundsOf, rectsOverlap } from '../../domain/board/board-item';
import { belongsToMap, decideStage } from '../../domain/stages/decide-stage';
import type { StageMapView } from '../stages/stage-view';

export type GroupingScope =
  | { kind: 'selection' }
  | { kind: 'map'; mapId: string }
  | { kind: 'stage'; mapId: string; stageId: string }
  | { kind: 'lane'; mapId: string; laneId: string }
  | { kind: 'cell'; mapId: string; stageId: string; laneId: string };

/** The key the applied groups are stored under: per map, or `board` outside any map. */
export const scopeMapId = (scope: GroupingScope): string | null =>
  scope.kind === 'selection' ? null : scope.mapId;

/** Sticky notes of the scope, in board order. Touchpoint's own template stickies are left out. */
export function notesInScope(
  scope: GroupingScope,
  notes: readonly BoardItem[],
  map: StageMapView | undefined,
  selectedIds: readonly string[],
): BoardItem[] {
  const own = notes.filter((n) => n.kind === 'note' && (n.meta === null || n.meta.r === 'note'));
  if (scope.kind === 'selection') {
    const chosen = new Set(selectedIds);
    return own.filter((n) => chosen.has(n.id));
  }
  if (!map) return [];
  const ctx = map.context;
  return own.filter((note) => {
    // The map's notes by the one membership rule (issue 9 §1): inside its frame, or tagged with
    // one of its stage tags; another map's tag takes a note out of this map's scopes.
    if (scope.kind === 'map') return belongsToMap(note, ctx);
    const d = decideStage(note, ctx);
    if (scope.kind === 'stage') return d.stageId === scope.stageId;
    if (scope.kind === 'lane') return d.laneId === scope.laneId;
    return d.laneId === scope.laneId && d.stageId === scope.stageId;
  });
}

export interface ScopeArea {
  rect: Rect;
  /** Strips between neighbouring cells: a note whose centre sat there would be in no cell. */
  dividers: Rect[];
}

/**
 * Where a lane or cell grouping goes: inside the lane's row or the cell. Null for the other
 * scopes: their groups go to free space beside the map (or beside the notes).
 */
export function scopeArea(scope: GroupingScope, map: StageMapView | undefined): ScopeArea | null {
  if (!map || (scope.kind !== 'lane' && scope.kind !== 'cell')) return null;
  const cells = map.placed.cells
    .filter(
      (c) => c.laneId === scope.laneId && (scope.kind === 'lane' || c.stageId === scope.stageId),
    )
    .map((c) => c.rect)
    .sort((a, b) => a.x - b.x);
  const rect = boundsOf(cells);
  if (!rect) return null;
  const dividers: Rect[] = [];
  for (let i = 1; i < cells.length; i += 1) {
    const left = cells[i - 1] as Rect;
    const right = cells[i] as Rect;
    const from = left.x + left.w;
    // At least a thin strip at a shared edge, so no block straddles two cells.
    const w = Math.max(2, right.x - from);
    dividers.push({ x: Math.min(from, right.x - 1), y: rect.y, w, h: rect.h });
  }
  return { rect, dividers };
}

/** Where to look for free space: beside the map, or beside the notes themselves. */
export function scopeAnchor(
  map: StageMapView | undefined,
  notes: readonly BoardItem[],
): Rect | null {
  return map?.placed.frameRect ?? boundsOf(notes.map((n) => n.rect));
}

/**
 * The team's own groups: two or more notes of the same colour that touch or nearly touch (gaps
 * of at most `gap`), joined transitively. Deterministic: groups and their notes in board order.
 */
export function findHandMadeGroups(notes: readonly BoardItem[], gap = 24): string[][] {
  const parent = notes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const grown = (r: Rect): Rect => ({
    x: r.x - gap / 2,
    y: r.y - gap / 2,
    w: r.w + gap,
    h: r.h + gap,
  });
  for (let i = 0; i < notes.length; i += 1) {
    const a = notes[i] as BoardItem;
    if (a.color === null) continue;
    for (let j = i + 1; j < notes.length; j += 1) {
      const b = notes[j] as BoardItem;
      if (b.color !== a.color || !rectsOverlap(grown(a.rect), grown(b.rect))) continue;
      const [ra, rb] = [find(i), find(j)];
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  const byRoot = new Map<number, string[]>();
  notes.forEach((note, i) => {
    const root = find(i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), note.id]);
  });
  return [...byRoot.values()].filter((ids) => ids.length >= 2);
}
