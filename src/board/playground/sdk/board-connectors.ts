/**
 * Connectors on the board: they stay attached to the items at their ends, and go with them.
 */
import type { Box } from './geometry';
import type { ItemTable } from './item-table';
import type { LocalConnector } from './local-board-types';

type CentreBox = Pick<LocalConnector, 'x' | 'y' | 'width' | 'height'>;

/** The connector's box (Miro's centre `x, y`) between the centres of its end items' boxes. */
export function spanBetween(a: Box, b: Box): CentreBox {
  const [ax, ay] = [a.x + a.width / 2, a.y + a.height / 2];
  const [bx, by] = [b.x + b.width / 2, b.y + b.height / 2];
  return {
    x: (ax + bx) / 2,
    y: (ay + by) / 2,
    width: Math.max(1, Math.abs(ax - bx)),
    height: Math.max(1, Math.abs(ay - by)),
  };
}

/**
 * A connector stays attached to its items (Miro Help "Connection lines": lines move with the
 * objects they connect); the double keeps its box between the centres of its two end items.
 */
export function followConnectors(table: ItemTable): void {
  for (const line of table.connectors()) {
    const a = table.has(line.start.item) ? table.absoluteBox(line.start.item) : null;
    const b = table.has(line.end.item) ? table.absoluteBox(line.end.item) : null;
    if (!a || !b) continue;
    const box = spanBetween(a, b);
    if (
      box.x === line.x &&
      box.y === line.y &&
      box.width === line.width &&
      box.height === line.height
    )
      continue;
    table.set({ ...line, ...box } satisfies LocalConnector);
  }
}

/**
 * The connectors that go with the items in `going` (ids of the items being removed), in board
 * order; `going` gains their ids. Web SDK reference "Connector": "If you remove either the start
 * point, the end point, or both, the connector is removed as well."
 */
export function connectorsGoingWith(
  lines: readonly LocalConnector[],
  going: Set<string>,
): LocalConnector[] {
  const removed: LocalConnector[] = [];
  for (const line of lines) {
    if (going.has(line.id)) continue;
    if (going.has(line.start.item) || going.has(line.end.item)) {
      removed.push(line);
      going.add(line.id);
    }
  }
  return removed;
}
