import { describe, expect, it } from 'vitest';
import { budgetLine } from './export-messages';

const usage = {
  count: 12,
  bytes: 3.4 * 1024 * 1024,
  autoCount: 10,
  autoBytes: 3 * 1024 * 1024,
  budget: { maxAutoCount: 20, maxAutoBytes: 25 * 1024 * 1024 },
  damaged: 0,
};

describe('the history budget line', () => {
  it('says what the history costs and when automatic snapshots are pruned', () => {
    expect(budgetLine(usage)).toBe(
      '12 snapshots · 3.4 MB of 25 MB; automatic ones beyond 20 are pruned, oldest first',
    );
  });

  it('adds what the browser says it holds for the site and allows, when it says', () => {
    const browser = { usageBytes: 14 * 1024 * 1024, quotaBytes: 2.4 * 1024 ** 3 };
    expect(budgetLine({ ...usage, browser })).toMatch(
      /oldest first\. This browser holds 14 MB for Touchpoint, of about 2\.4 GB it allows$/,
    );
    const small = { usageBytes: 300 * 1024, quotaBytes: 512 * 1024 * 1024 };
    expect(budgetLine({ ...usage, browser: small })).toMatch(/holds 300 KB .* of about 512 MB/);
  });
});
