import type { MapSpec } from '../../domain/journey/map-spec';

const WIDTH = 316;

/** A live miniature of the grid the facilitator is editing: stages across, lanes down. */
export function MapPreview({ spec }: { spec: MapSpec }) {
  const stages = spec.stages.length;
  const lanes = spec.lanes.length;
  if (stages === 0 || lanes === 0) {
    return <p class="tp-muted">Add at least one stage and one lane to see the map.</p>;
  }
  const labelW = 70;
  const headerH = 22;
  const cellW = (WIDTH - labelW - 2) / stages;
  const cellH = Math.max(14, Math.min(26, 170 / lanes));
  const height = headerH + cellH * lanes + 2;
  const fontSize = Math.max(7, Math.min(10, cellW / 6));
  return (
    <svg
      class="tp-preview"
      role="img"
      aria-label={`Preview: ${stages} stages by ${lanes} lanes`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
    >
      {spec.stages.map((stage, i) => (
        <g key={stage.id}>
          <rect
            x={labelW + i * cellW + 1}
            y={1}
            width={cellW - 2}
            height={headerH - 4}
            rx={3}
            fill="#4262ff"
          />
          <text
            x={labelW + i * cellW + cellW / 2}
            y={headerH / 2 + 1}
            font-size={fontSize}
            fill="#fff"
            text-anchor="middle"
            dominant-baseline="middle"
          >
            {clip(stage.name, Math.floor(cellW / (fontSize * 0.55)))}
          </text>
        </g>
      ))}
      {spec.lanes.map((lane, j) => (
        <g key={lane.id}>
          <text
            x={2}
            y={headerH + j * cellH + cellH / 2}
            font-size={9}
            fill="#050038"
            dominant-baseline="middle"
          >
            {clip(lane.name, 13)}
          </text>
          {spec.stages.map((stage, i) => (
            <rect
              key={stage.id}
              x={labelW + i * cellW + 1}
              y={headerH + j * cellH + 1}
              width={cellW - 2}
              height={cellH - 2}
              rx={2}
              fill={j % 2 === 0 ? '#f2f4fc' : '#f8f9fd'}
              stroke="#dfe3f5"
            />
          ))}
        </g>
      ))}
    </svg>
  );
}

function clip(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, Math.max(1, max - 1))}…`;
}
