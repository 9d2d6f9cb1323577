import { describe, expect, it } from 'vitest';
import { actionsFromTopResults, titleFrom, UNTITLED_ACTION } from './actions-from-top-results';

const ranking = [
  { itemId: 'n3', rank: 1, score: 7 },
  { itemId: 'n1', rank: 2, score: 4 },
  { itemId: 'n2', rank: 3, score: 2 },
  { itemId: 'k1', rank: 3, score: 2 },
  { itemId: 'n4', rank: 5, score: 1 },
  { itemId: 'n5', rank: 6, score: 0 },
];
const items = [
  { id: 'n1', text: 'Forms ask for the same data twice' },
  { id: 'n2', text: '\n  Nobody   calls back\nafter the branch visit' },
  { id: 'n3', text: 'App login fails after update' },
  { id: 'k1', text: 'Onboarding paperwork', memberIds: ['n7', 'n8'] },
  { id: 'n5', text: 'Zero votes' },
];

describe('actionsFromTopResults', () => {
  it('drafts the top n, including every item tied with the n-th', () => {
    const drafts = actionsFromTopResults(ranking, items, 3);
    expect(drafts.map((d) => [d.title, d.rank])).toEqual([
      ['App login fails after update', 1],
      ['Forms ask for the same data twice', 2],
      ['Nobody calls back', 3],
      ['Onboarding paperwork', 3],
    ]);
  });

  it('leaves what people decide empty and links the source notes (cluster members for a cluster)', () => {
    const [first] = actionsFromTopResults(ranking, items, 1);
    expect(first).toEqual({
      title: 'App login fails after update',
      ownerTeam: null,
      dueDate: null,
      impact: null,
      feasibility: null,
      status: 'todo',
      sourceItemIds: ['n3'],
      rank: 1,
      score: 7,
    });
    const cluster = actionsFromTopResults(ranking, items, 3).find(
      (d) => d.title === 'Onboarding paperwork',
    );
    expect(cluster?.sourceItemIds).toEqual(['n7', 'n8']);
  });

  it('never drafts items without votes, and titles an item it cannot find', () => {
    const drafts = actionsFromTopResults(ranking, items, 10);
    expect(drafts.map((d) => d.sourceItemIds[0])).not.toContain('n5');
    expect(drafts.find((d) => d.sourceItemIds[0] === 'n4')?.title).toBe(UNTITLED_ACTION);
    expect(actionsFromTopResults(ranking, items, 0)).toEqual([]);
  });
});

describe('titleFrom', () => {
  it('cuts a long line at a word, within the limit', () => {
    const title = titleFrom(`${'word '.repeat(60)}end`);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('word…')).toBe(true);
  });
});
