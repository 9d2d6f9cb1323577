import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExportNote, JourneyMapFile } from './journey-map';
import { parseExport } from './restore';
import { toMarkdown } from './to-markdown';

const fixture = (): JourneyMapFile => {
  const result = parseExport(
    readFileSync(new URL('../../../test/fixtures/exports/v1.json', import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error(result.message);
  return result.file;
};
const headings = (md: string): string[] => md.split('\n').filter((l) => /^#{1,6} /.test(l));
const section = (md: string, heading: string): string => {
  const start = md.indexOf(`\n${heading}\n`);
  const next = md.indexOf('\n## ', start + 1);
  return md.slice(start, next < 0 ? undefined : next);
};

describe('toMarkdown', () => {
  const md = toMarkdown(fixture());

  it('has one section per stage, then loose notes', () => {
    expect(headings(md).filter((h) => h.startsWith('## '))).toEqual([
      '## Stage: Awareness',
      '## Stage: Consideration',
      '## Stage: Purchase',
      '## Stage: Onboarding',
      '## Stage: Retention',
      '## Stage: Advocacy',
      '## Loose notes (outside the map)',
      // v1's metric, read as a v2 KPI.
      '## KPIs',
    ]);
    expect(md.startsWith('# Online banking: opening an account\n')).toBe(true);
  });

  it('lists notes by lane, top pain points and opportunities by votes, vote results and actions', () => {
    const onboarding = section(md, '## Stage: Onboarding');
    expect(onboarding).toContain(
      '### Pain points\n\n- 本人確認がもう少し簡単だと嬉しい — 2 votes\n',
    );
    expect(onboarding).toContain(
      '### Top pain points and opportunities\n\n' +
        '1. Guide the photo with an overlay & retry tips — 3 votes (Opportunities)\n' +
        '2. 本人確認がもう少し簡単だと嬉しい — 2 votes (Pain points)\n',
    );
    expect(onboarding).toContain('**Biggest pain points** (revealed)');
    expect(section(md, '## Stage: Purchase')).toContain(
      '- [ ] Add a camera overlay and glare warning to the ID check (owner Product, due 2027-01-15, impact 5/5, feasibility 4/5)',
    );
    expect(section(md, '## Stage: Retention')).toContain('_No notes in this stage._');
  });

  it('keeps a multi-line note inside its list item', () => {
    expect(md).toContain('- Fee table hard to find on mobile;\\\n  had to zoom in — 4 votes\n');
  });

  it('escapes note text so it cannot add headings, links, images or HTML', () => {
    const file = fixture();
    const evil: Partial<ExportNote> = {
      text: '# Pwned\n## Also\n[click](http://evil.example) ![img](x.png) <script>alert(1)</script>\n---\n1. list',
    };
    file.map.notes = file.map.notes.map((n) => ({ ...n, ...evil }));
    file.map.stages[0] = { id: 'st1', name: 'Aware\n# ness' };
    const out = toMarkdown(file);
    // Lines that open a block (heading, rule, ordered item), at any indent, are only our own.
    const blockStarts = out
      .split('\n')
      .filter((l) => /^\s*(#{1,6}(\s|$)|[-*_]{3,}\s*$|\d+[.)]\s)/.test(l));
    for (const line of blockStarts) expect(line).toMatch(/^(#{1,3} (?!.*(Pwned|Also))|\d+\. )/);
    expect(out).not.toMatch(/(^|[^\\])\[click\]/);
    expect(out).not.toMatch(/(^|[^\\])<script>/);
    expect(out).not.toMatch(/\n---\n/);
    expect(out).toContain('## Stage: Aware \\# ness\n');
    expect(out).toContain(
      '- \\# Pwned\\\n  \\## Also\\\n  \\[click\\](http://evil.example) !\\[img\\](x.png) \\<script>alert(1)\\</script>\\\n  \\---\\\n  1\\. list',
    );
  });
});
