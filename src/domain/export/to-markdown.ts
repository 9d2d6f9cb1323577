import { countOf } from '../common';
import { DEFAULT_PERSONA } from '../insights/personas';
import { escapeMarkdown } from './escape-markdown';
import type { ExportAction, ExportNote, JourneyMapFile } from './journey-map';
import { summarizeMap } from './summarize-map';

/** How many pain points and opportunities each stage lists under "Top". */
export const TOP_ITEMS = 5;

const byVotes = (a: ExportNote, b: ExportNote): number => b.votes - a.votes;
const bullet = (note: ExportNote): string =>
  `- ${escapeMarkdown(note.text, '  ') || '_(empty note)_'}${note.votes > 0 ? ` — ${countOf(note.votes, 'vote')}` : ''}`;

function actionLine(action: ExportAction): string {
  const details = [
    action.ownerTeam ? `owner ${escapeMarkdown(action.ownerTeam)}` : 'no owner yet',
    action.dueDate ? `due ${action.dueDate}` : null,
    `impact ${action.impact}/5`,
    `feasibility ${action.feasibility}/5`,
    action.status === 'doing' ? 'in progress' : null,
  ].filter((d) => d !== null);
  return `- [${action.status === 'done' ? 'x' : ' '}] ${escapeMarkdown(action.title, '  ') || '_(untitled)_'} (${details.join(', ')})`;
}

/**
 * A readable report of the map: per stage, the notes by lane, top pain points and opportunities
 * by votes, vote results and actions; then notes without a stage and loose notes. All board text
 * is escaped, so a note cannot add headings, links or HTML to the report.
 */
export function toMarkdown(file: JourneyMapFile): string {
  const { map } = file;
  const out: string[] = [];
  const lanes = new Map(map.lanes.map((l) => [l.id, l]));
  const inMap = map.notes.filter((n) => !n.loose);
  const stageOfNote = new Map(map.notes.map((n) => [n.id, n.stageId]));
  const closedRounds = map.voteRounds.filter((r) => r.status !== 'open');
  const noteText = new Map(map.notes.map((n) => [n.id, n.text]));

  out.push(`# ${escapeMarkdown(map.title) || 'Journey map'}`, '');
  out.push(
    `${escapeMarkdown(summarizeMap(file))}. Exported ${file.exportedAt.slice(0, 10)} from ${escapeMarkdown(file.source.boardName || 'a board')}.`,
  );
  if (map.persona) {
    out.push(
      '',
      `**Persona:** ${escapeMarkdown(map.persona.name)}${map.persona.summary ? ` — ${escapeMarkdown(map.persona.summary)}` : ''}`,
    );
  }

  const notesByLane = (notes: ExportNote[]): void => {
    for (const lane of map.lanes) {
      const inLane = notes.filter((n) => n.laneId === lane.id);
      if (inLane.length === 0) continue;
      out.push('', `### ${escapeMarkdown(lane.name) || 'Lane'}`, '', ...inLane.map(bullet));
    }
    const noLane = notes.filter((n) => n.laneId === null || !lanes.has(n.laneId));
    if (noLane.length > 0) out.push('', '### Outside the lanes', '', ...noLane.map(bullet));
  };

  const sections: { title: string; stageId: string | null; notes: ExportNote[] }[] = [
    ...map.stages.map((s) => ({
      title: `Stage: ${escapeMarkdown(s.name) || 'unnamed'}`,
      stageId: s.id as string | null,
      notes: inMap.filter((n) => n.stageId === s.id),
    })),
  ];
  for (const section of sections) {
    out.push('', `## ${section.title}`);
    if (section.notes.length === 0) out.push('', '_No notes in this stage._');
    notesByLane(section.notes);

    const top = section.notes
      .filter((n) => {
        const kind = n.laneId === null ? undefined : lanes.get(n.laneId)?.kind;
        return kind === 'pain_points' || kind === 'opportunities';
      })
      .sort(byVotes)
      .slice(0, TOP_ITEMS);
    if (top.length > 0) {
      out.push('', '### Top pain points and opportunities', '');
      top.forEach((n, i) => {
        const lane = lanes.get(n.laneId ?? '');
        out.push(
          `${i + 1}. ${escapeMarkdown(n.text, '   ') || '_(empty note)_'} — ${countOf(n.votes, 'vote')} (${escapeMarkdown(lane?.name ?? '')})`,
        );
      });
    }

    const results = closedRounds
      .map((round) => ({
        round,
        totals: round.totals
          .filter((t) => t.votes > 0 && stageOfNote.get(t.itemId) === section.stageId)
          .sort((a, b) => b.votes - a.votes),
      }))
      .filter((r) => r.totals.length > 0);
    if (results.length > 0) {
      out.push('', '### Vote results');
      for (const { round, totals } of results) {
        out.push('', `**${escapeMarkdown(round.title) || 'Vote round'}** (${round.status})`, '');
        for (const t of totals) {
          out.push(
            `- ${escapeMarkdown(noteText.get(t.itemId) ?? t.itemId, '  ') || '_(empty note)_'} — ${countOf(t.votes, 'vote')}`,
          );
        }
      }
    }

    const actions = map.actions.filter((a) =>
      a.sourceItemIds.some((id) => stageOfNote.get(id) === section.stageId),
    );
    if (actions.length > 0) out.push('', '### Actions', '', ...actions.map(actionLine));
  }

  const stageIds = new Set(map.stages.map((s) => s.id));
  const noStage = inMap.filter((n) => n.stageId === null || !stageIds.has(n.stageId));
  if (noStage.length > 0) {
    out.push('', '## Notes without a stage');
    notesByLane(noStage);
  }
  const loose = map.notes.filter((n) => n.loose);
  if (loose.length > 0) out.push('', '## Loose notes (outside the map)', '', ...loose.map(bullet));

  const unplaced = map.actions.filter(
    (a) =>
      !a.sourceItemIds.some((id) => {
        const stageId = stageOfNote.get(id);
        return stageId !== undefined && stageId !== null && stageIds.has(stageId);
      }),
  );
  if (unplaced.length > 0) out.push('', '## Other actions', '', ...unplaced.map(actionLine));
  out.push(...insightSections(file));
  return `${out.join('\n')}\n`;
}

const cell = (text: string): string => escapeMarkdown(text).replace(/\|/g, '\\|');
const signed = (n: number): string => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));

/** The emotion curve (a table: mean rating per stage and line), KPIs and RACI (issue 14 §6). */
function insightSections(file: JourneyMapFile): string[] {
  const { map } = file;
  const { personas, ratings, kpis, raci } = map.insights;
  const stageName = new Map(map.stages.map((s) => [s.id, s.name]));
  const out: string[] = [];
  // A map with no named persona rates "Customer", the default one, which the list leaves out.
  const rated = (id: string) => ratings.some((r) => r.personaId === id);
  const curvePersonas =
    rated(DEFAULT_PERSONA.id) && !personas.some((p) => p.id === DEFAULT_PERSONA.id)
      ? [...personas, DEFAULT_PERSONA]
      : personas;
  if (ratings.length > 0 && curvePersonas.length > 0) {
    out.push(
      '',
      '## Emotion curve',
      '',
      'Mean rating from −2 (very negative) to +2 (very positive), with how many rated.',
      '',
    );
    out.push(`| Persona | Line | ${map.stages.map((s) => cell(s.name)).join(' | ')} |`);
    out.push(`| --- | --- | ${map.stages.map(() => '---').join(' | ')} |`);
    for (const p of curvePersonas)
      for (const line of ['as-is', 'to-be'] as const) {
        const mine = ratings.filter((r) => r.personaId === p.id && r.line === line);
        if (mine.length === 0) continue;
        const cells = map.stages.map((s) => {
          const at = mine.filter((r) => r.stageId === s.id);
          if (at.length === 0) return '–';
          const mean = at.reduce((sum, r) => sum + r.value, 0) / at.length;
          return `${signed(mean)} (${at.length})`;
        });
        out.push(`| ${cell(p.name)} | ${line} | ${cells.join(' | ')} |`);
      }
  }
  if (kpis.length > 0) {
    out.push(
      '',
      '## KPIs',
      '',
      '| KPI | Stage | Baseline | Target | Latest |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const k of kpis) {
      const latest = k.readings.at(-1);
      const unit = k.unit ? ` ${k.unit}` : '';
      out.push(
        `| ${cell(k.name)} (${k.direction === 'higher' ? 'higher' : 'lower'} is better) | ${cell(k.stageId === null ? 'Whole journey' : (stageName.get(k.stageId) ?? k.stageId))} | ${k.baseline}${unit} | ${k.target}${unit} | ${latest ? `${latest.value}${unit} on ${latest.date}` : 'no reading'} |`,
      );
    }
  }
  if (raci.length > 0) {
    const actionTitle = new Map(map.actions.map((a) => [a.id, a.title]));
    const subjects = [...new Set(raci.map((r) => `${r.subject.kind}\u0000${r.subject.id}`))];
    out.push(
      '',
      '## RACI',
      '',
      '| For | Responsible | Accountable | Consulted | Informed |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const key of subjects) {
      const [kind, id] = key.split('\u0000') as ['stage' | 'action', string];
      const rows = raci.filter((r) => r.subject.kind === kind && r.subject.id === id);
      const who = (role: string) =>
        rows
          .filter((r) => r.role === role)
          .map((r) => cell(r.department))
          .join(', ') || '–';
      const name =
        kind === 'stage'
          ? `Stage: ${stageName.get(id) ?? id}`
          : `Action: ${actionTitle.get(id) ?? id}`;
      out.push(`| ${cell(name)} | ${who('R')} | ${who('A')} | ${who('C')} | ${who('I')} |`);
    }
  }
  return out;
}
