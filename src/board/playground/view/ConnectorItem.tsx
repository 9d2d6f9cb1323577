import type { LocalConnector } from '../sdk/local-board-types';
import type { RenderEntry } from './render-entries';

export interface ConnectorItemProps {
  entry: RenderEntry;
  connector: LocalConnector;
}

const DASH: Record<LocalConnector['style']['strokeStyle'], string | undefined> = {
  normal: undefined,
  dashed: '12 8',
  dotted: '2 6',
};

/**
 * A connector, drawn as a straight line between the borders of the two items it joins, towards
 * their centres (the local board does not route elbowed or curved lines, nor draw end caps).
 */
export function ConnectorItem({ entry, connector }: ConnectorItemProps) {
  const line = entry.line;
  if (!line) return null;
  const { strokeColor, strokeWidth, strokeStyle } = connector.style;
  return (
    <line
      class="bv-connector"
      x1={line.x1}
      y1={line.y1}
      x2={line.x2}
      y2={line.y2}
      stroke={strokeColor}
      stroke-width={strokeWidth}
      stroke-dasharray={DASH[strokeStyle]}
      stroke-linecap="round"
    />
  );
}
