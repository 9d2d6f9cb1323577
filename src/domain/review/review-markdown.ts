/**
 * The review report (issue 14 §5) as Markdown: what changed since a snapshot, for a team that
 * revisits its map. Board text (titles, names, stages) is escaped like the export's report, so
 * a note or action title cannot add headings, links or HTML.
 */
import { countOf } from '../common';
import { escapeMarkdown } from '../export/escape-markdown';
import type { KpiStatusKind } from '../insights/kpi';
import type { KpiReview, MapReview, ReviewAction, ReviewStage } from './review-map';

const cell = (text: string): string => escapeMarkdown(text).replace(/\|/g, '\\|');
const signed = (n: number, digits = 1): string =>
  n > 0 ? `+${n.toFixed(digits)}` : n.toFixed(digits);

export const STATUS_WORDS: Record<KpiStatusKind, string> = {
  'no-readings': 'no reading',
  met: 'target met',
  'on-track': 'on track',
  'off-track': 'off track',
};

export function stageLabel(stage: ReviewStage | null): string {
  if (stage === null) return 'Whole journey';
  if (stage.status === 'removed') return `${stage.name} (removed since)`;
  if (stage.formerName !== null) return `${stage.name} (was ${stage.formerName})`;
  return stage.name;
}

const number = (value: number, unit: string) => `${value}${unit ? ` ${unit}` : ''}`;

export function kpiPointText(kpi: KpiReview, which: 'then' | 'now'): string {
  const p = kpi[which];
  return p ? `${number(p.value, kpi.unit)} (${p.date})` : 'no reading';
}

function actionLine(a: ReviewAction, extra?: string): string {
  const details = [
    a.ownerTeam ? `owner ${escapeMarkdown(a.ownerTeam)}` : 'no owner',
    a.dueDate ? `due ${a.dueDate}` : null,
    extra ?? null,
  ].filter((d) => d !== null);
  return `- ${escapeMarkdown(a.title, '  ') || '_(untitled)_'} (${details.join(', ')})`;
}

export interface ReviewReportContext {
  mapTitle: string;
  boardName: string;
  /** How the snapshot is called in the panel ("Snapshot 2 Dec, 10:30 (after workshop)"). */
  snapshotName: string;
}

export function toReviewMarkdown(review: MapReview, context: ReviewReportContext): string {
  const out: string[] = [];
  const { actions } = review;
  out.push(`# Review: ${escapeMarkdown(context.mapTitle) || 'Journey map'}`, '');
  out.push(
    `Board now (${review.today}) against ${escapeMarkdown(context.snapshotName)} (${review.since}), ${escapeMarkdown(context.boardName || 'a board')}.`,
  );

  out.push('', '## Actions', '');
  out.push(
    `${countOf(actions.done.length, 'action')} done since, ${actions.late.length} late, ${actions.added.length} new, ${actions.removed.length} removed; ${actions.open} still open.`,
  );
  const list = (title: string, rows: string[]) => {
    if (rows.length > 0) out.push('', `### ${title}`, '', ...rows);
  };
  list(
    'Done since',
    actions.done.map((a) => actionLine(a)),
  );
  list(
    'Late',
    actions.late.map((a) => actionLine(a, `${countOf(a.daysLate, 'day')} late, ${a.now ?? ''}`)),
  );
  list(
    'New',
    actions.added.map((a) => actionLine(a, a.now ?? undefined)),
  );
  list(
    'Reopened',
    actions.reopened.map((a) => actionLine(a, a.now ?? undefined)),
  );
  list(
    'Removed',
    actions.removed.map((a) => actionLine(a)),
  );

  if (review.kpis.length > 0) {
    out.push(
      '',
      '## KPIs',
      '',
      '| KPI | Stage | Baseline | Target | Then | Now | Change | Status |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const k of review.kpis) {
      const status =
        k.statusThen === k.statusNow
          ? STATUS_WORDS[k.statusNow]
          : `${STATUS_WORDS[k.statusThen]} → ${STATUS_WORDS[k.statusNow]}`;
      const name = `${k.name}${k.presence === 'added' ? ' (new)' : k.presence === 'removed' ? ' (removed)' : ''} (${k.direction} is better)`;
      out.push(
        `| ${cell(name)} | ${cell(stageLabel(k.stage))} | ${cell(number(k.baseline, k.unit))} | ${cell(number(k.target, k.unit))} | ${cell(kpiPointText(k, 'then'))} | ${cell(kpiPointText(k, 'now'))} | ${k.change === null ? '–' : cell(signed(k.change, 2).replace(/\.?0+$/, ''))} | ${status} |`,
      );
    }
  }

  if (review.emotions.length > 0) {
    out.push(
      '',
      '## Emotion curve',
      '',
      'Mean rating from −2 (very negative) to +2 (very positive), then → now, with how many rated.',
      '',
      '| Persona | Line | Stage | Then | Now | Change |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const line of review.emotions)
      for (const c of line.cells) {
        const side = (v: { mean: number; count: number } | null) =>
          v ? `${signed(v.mean)} (${v.count})` : '–';
        out.push(
          `| ${cell(line.personaName)} | ${line.line} | ${cell(stageLabel(c.stage))} | ${side(c.then)} | ${side(c.now)} | ${c.delta === null ? '–' : signed(c.delta)} |`,
        );
      }
  }

  const changed = review.notes.filter((n) => n.added + n.removed > 0 || n.stage.status !== 'kept');
  if (changed.length > 0) {
    out.push(
      '',
      '## Notes per stage',
      '',
      '| Stage | Then | Now | Added | Removed |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const n of changed)
      out.push(
        `| ${cell(stageLabel(n.stage))} | ${n.then} | ${n.now} | ${n.added} | ${n.removed} |`,
      );
  }
  return `${out.join('\n')}\n`;
}
