import { describe, expect, it } from 'vitest';
import { labelGroups, toPhraseLabel } from './label-groups';
import { tokenize } from './tokenize';

const group = (...texts: string[]) => texts.map(tokenize);

describe('labelGroups', () => {
  it('labels each group by its distinctive words, mapped back from stems to real words', () => {
    const labels = labelGroups([
      group('Refunds take too long', 'still waiting for my refund', 'refunds are slow'),
      group('The app crashes on login', 'login fails in the app', 'app login crashed again'),
    ]);
    expect(labels[0]?.keywords[0]).toBe('refunds');
    expect(labels[0]?.label.startsWith('refunds')).toBe(true);
    expect(labels[1]?.keywords.slice(0, 2).sort()).toEqual(['app', 'login']);
    expect(labels[1]?.label.split(' · ')).toEqual(expect.arrayContaining(['app', 'login']));
  });

  it('prefers words unique to a group over words every group shares', () => {
    const labels = labelGroups([
      group('card delivery late', 'card delivery slow'),
      group('card pin blocked', 'card pin forgotten'),
    ]);
    expect(labels[0]?.keywords[0]).toBe('delivery');
    expect(labels[1]?.keywords[0]).toBe('pin');
  });

  it('gives empty labels to groups without words', () => {
    expect(labelGroups([group('!!!', '123')])).toEqual([{ label: '', keywords: [], terms: [] }]);
  });
});

describe('toPhraseLabel', () => {
  const termOf = (word: string): string | null => tokenize(word)[0]?.term ?? null;

  it('keeps the short run of the note that holds its key terms, trimmed and capitalised', () => {
    expect(toPhraseLabel('I still have not received my card', ['card', 'receiv'], termOf)).toBe(
      'Received my card',
    );
    expect(toPhraseLabel('how do I reset my password?', ['password', 'reset'], termOf)).toBe(
      'Reset my password',
    );
  });

  it('gives a lone key word its neighbour, and falls back to the first content words', () => {
    expect(toPhraseLabel('the exchange rate was wrong', ['rate'], termOf)).toBe('Exchange rate');
    expect(toPhraseLabel('top up failed again', ['top'], termOf)).toBe('Top up failed');
    expect(toPhraseLabel('why was my transfer declined', ['fee'], termOf)).toBe(
      'Transfer declined',
    );
  });

  it('works in other scripts and gives "" when the note has no words', () => {
    expect(toPhraseLabel('Ошибка оплаты картой', ['оплаты'], termOf)).toBe('Оплаты картой');
    expect(toPhraseLabel('🙂 !!!', ['card'], termOf)).toBe('');
  });
});
