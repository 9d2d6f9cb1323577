/**
 * The RACI matrix as a frame on the board (issue 14 §4), beside the map: one row per stage and
 * per action, one column per department that has a role somewhere, R/A/C/I in the cells. Pure
 * and keyed (`raci:frame`, `raci:col:<dept>`, `raci:row:<kind>:<id>`, `raci:cell:…`), so putting
 * it on the board again updates it in place. Empty cells are left out (fewer items, same read).
 */
import type { Rect } from '../board/board-item';
import { DEPARTMENTS, departmentLabel } from './departments';
import { RACI_ROLE_NAMES, subjectKey, type RaciAssignment, type RaciSubject } from './raci';

export const RACI_FRAME = {
  /** Between the map's frame and this one. */
  offset: 200,
  padding: 40,
  titleHeight: 80,
  labelWidth: 360,
  cellWidth: 180,
  rowHeight: 70,
  gap: 8,
  fontSize: 16,
  headerFill: '#2d3a8c',
  headerText: '#ffffff',
  labelFill: '#e3e8ff',
  cellFill: { R: '#d5f692', A: '#ffcee0', C: '#a6ccf5', I: '#f5f6f8' },
  textColor: '#1a1a2e',
} as const;

export const RACI_FRAME_KEY = 'raci:frame';

export interface RaciRow {
  subject: RaciSubject;
  /** "Stage · Awareness", "Action · Fix onboarding email". */
  name: string;
}

export interface RaciBoardItem {
  key: string;
  kind: 'frame' | 'shape' | 'text';
  /** Absolute, top-left. */
  rect: Rect;
  /** Plain text. */
  text: string;
  fill?: string;
  textColor?: string;
  /** Children name the frame. */
  parentKey?: string;
}

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Departments with a role somewhere: the known list's order first, then custom ones A–Z. */
export function raciColumns(assignments: readonly RaciAssignment[]): string[] {
  const used = new Set(assignments.map((a) => a.department));
  const known = DEPARTMENTS.filter((d) => used.has(d)) as string[];
  const custom = [...used].filter((d) => !known.includes(d)).sort((a, b) => a.localeCompare(b));
  return [...known, ...custom];
}

/**
 * The frame and its items, the frame at `origin` (top-left; beside the map's frame). Null when no
 * department has a role yet: there is nothing to put on the board.
 */
export function layoutRaciFrame(
  title: string,
  rows: readonly RaciRow[],
  assignments: readonly RaciAssignment[],
  origin: { x: number; y: number },
): RaciBoardItem[] | null {
  const columns = raciColumns(assignments);
  if (columns.length === 0 || rows.length === 0) return null;
  const L = RACI_FRAME;
  const w = 2 * L.padding + L.labelWidth + columns.length * (L.gap + L.cellWidth);
  const h = 2 * L.padding + L.titleHeight + (rows.length + 1) * (L.rowHeight + L.gap);
  const left = origin.x + L.padding;
  const top = origin.y + L.padding + L.titleHeight;
  const colX = (i: number) => left + L.labelWidth + L.gap + i * (L.cellWidth + L.gap);
  const rowY = (j: number) => top + (j + 1) * (L.rowHeight + L.gap);
  const items: RaciBoardItem[] = [
    {
      key: RACI_FRAME_KEY,
      kind: 'frame',
      rect: { x: origin.x, y: origin.y, w, h },
      text: oneLine(`RACI · ${title}`, 120),
    },
    {
      key: 'raci:legend',
      kind: 'text',
      rect: { x: left, y: origin.y + L.padding, w: w - 2 * L.padding, h: L.titleHeight - L.gap },
      text: (['R', 'A', 'C', 'I'] as const).map((r) => `${r} = ${RACI_ROLE_NAMES[r]}`).join(' · '),
      textColor: L.textColor,
      parentKey: RACI_FRAME_KEY,
    },
  ];
  columns.forEach((department, i) => {
    items.push({
      key: `raci:col:${department}`,
      kind: 'shape',
      rect: { x: colX(i), y: top, w: L.cellWidth, h: L.rowHeight },
      text: oneLine(departmentLabel(department), 40),
      fill: L.headerFill,
      textColor: L.headerText,
      parentKey: RACI_FRAME_KEY,
    });
  });
  rows.forEach((row, j) => {
    const key = subjectKey(row.subject);
    items.push({
      key: `raci:row:${key}`,
      kind: 'shape',
      rect: { x: left, y: rowY(j), w: L.labelWidth, h: L.rowHeight },
      text: oneLine(row.name, 80),
      fill: L.labelFill,
      textColor: L.textColor,
      parentKey: RACI_FRAME_KEY,
    });
    columns.forEach((department, i) => {
      const role = assignments.find(
        (a) => a.department === department && subjectKey(a.subject) === key,
      )?.role;
      if (!role) return;
      items.push({
        key: `raci:cell:${key}:${department}`,
        kind: 'shape',
        rect: { x: colX(i), y: rowY(j), w: L.cellWidth, h: L.rowHeight },
        text: role,
        fill: L.cellFill[role],
        textColor: L.textColor,
        parentKey: RACI_FRAME_KEY,
      });
    });
  });
  return items;
}
