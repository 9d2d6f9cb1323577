import { countOf } from '../../domain/common';
import type { MergedItemVotes, VoteSource } from '../../domain/voting/merge-vote-sources';

const WIDTH = 320;
const ROW = 40;
const LABEL_CHARS = 38;
const SOURCES: { source: VoteSource; label: string; color: string }[] = [
  { source: 'touchpoint', label: 'Touchpoint votes', color: '#4262ff' },
  { source: 'dots', label: 'Dot stickers', color: '#f5a623' },
  { source: 'native', label: 'Miro voting', color: '#00a872' },
];

interface ResultsChartProps {
  results: readonly MergedItemVotes[];
  /** Item id → plain text (rendered as SVG text, never as HTML). */
  textOf: (itemId: string) => string;
  /** How many bars at most; the rest are summarised under the chart. */
  limit?: number;
}

const short = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim() || 'Untitled note';
  return line.length > LABEL_CHARS ? `${line.slice(0, LABEL_CHARS - 1)}…` : line;
};

/**
 * Horizontal bars, best first: a label line (rank, text) over a bar stacked by source, sized for
 * the 320 px panel. Shared ranks are marked "=2" and described in the bar's accessible name.
 */
export function ResultsChart({ results, textOf, limit = 10 }: ResultsChartProps) {
  const shown = results.filter((r) => r.total > 0).slice(0, limit);
  if (shown.length === 0) return <p class="tp-help">No votes yet.</p>;
  const max = Math.max(...shown.map((r) => r.total));
  const tied = new Set(
    shown
      .filter((r, _i, all) => all.filter((o) => o.rank === r.rank).length > 1)
      .map((r) => r.rank),
  );
  const used = SOURCES.filter((s) => shown.some((r) => r.bySource[s.source] > 0));
  const barMax = WIDTH - 40;
  const height = shown.length * ROW + 4;
  const hidden = results.filter((r) => r.total > 0).length - shown.length;
  return (
    <figure class="tp-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        aria-hidden="true"
        data-testid="results-chart"
      >
        {shown.map((r, i) => {
          const y = i * ROW;
          const rankLabel = tied.has(r.rank) ? `=${r.rank}` : `${r.rank}`;
          let x = 0;
          const text = textOf(r.itemId);
          return (
            <g key={r.itemId} data-testid="results-bar">
              <title>
                {`#${rankLabel} ${text}: ${countOf(r.total, 'vote')}${tied.has(r.rank) ? ' (tied)' : ''}`}
              </title>
              <text x={0} y={y + 13} class="tp-chart__label">
                <tspan
                  class={tied.has(r.rank) ? 'tp-chart__rank tp-chart__rank--tie' : 'tp-chart__rank'}
                >
                  {rankLabel}
                </tspan>
                <tspan dx={6}>{short(text)}</tspan>
              </text>
              {used.map(({ source, color }) => {
                const w = (r.bySource[source] / max) * barMax;
                const rect =
                  w > 0 ? (
                    <rect key={source} x={x} y={y + 19} width={w} height={14} rx={3} fill={color} />
                  ) : null;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + 31} class="tp-chart__count">
                {r.total}
              </text>
            </g>
          );
        })}
      </svg>
      {/* The same results as text, for screen readers (the SVG is one image to them). */}
      <ol class="tp-sr-only" aria-label="Results as a list">
        {shown.map((r) => (
          <li key={r.itemId}>
            {`Rank ${r.rank}${tied.has(r.rank) ? ' (tied)' : ''}: ${textOf(r.itemId)}, ${countOf(r.total, 'vote')}${used.length > 1 ? ` (${used.map((u) => `${u.label.toLowerCase()} ${r.bySource[u.source]}`).join(', ')})` : ''}`}
          </li>
        ))}
      </ol>
      {(used.length > 1 || used.some((s) => s.source !== 'touchpoint')) && (
        <figcaption class="tp-chart__legend">
          {used.map((s) => (
            <span key={s.source}>
              <span class="tp-chart__swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
      {hidden > 0 && <p class="tp-help">and {hidden} more with fewer votes.</p>}
    </figure>
  );
}
