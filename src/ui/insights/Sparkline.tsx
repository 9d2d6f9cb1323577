import { deriveSparkline, type KpiDefinition, type KpiReading } from '../../domain/insights/kpi';

const W = 80;
const H = 22;

/** A KPI's readings over time, with its target as a dashed line. */
export function Sparkline({
  kpi,
  readings,
}: {
  kpi: KpiDefinition;
  readings: readonly KpiReading[];
}) {
  const line = deriveSparkline(kpi, readings, W, H);
  const path = line.points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
  const last = line.points.at(-1);
  return (
    <svg
      class="tp-sparkline"
      width={W + 6}
      height={H + 6}
      viewBox={`-3 -3 ${W + 6} ${H + 6}`}
      aria-hidden="true"
    >
      <line x1={0} x2={W} y1={line.targetY} y2={line.targetY} class="tp-sparkline__target" />
      {line.points.length > 1 && <path d={path} class="tp-sparkline__line" />}
      {last && <circle cx={last.x} cy={last.y} r={2.5} class="tp-sparkline__last" />}
    </svg>
  );
}
