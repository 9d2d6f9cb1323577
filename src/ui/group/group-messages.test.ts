import { describe, expect, it } from 'vitest';
import {
  cannotSplitMessage,
  groupingFailedMessage,
  sharedWordsMessage,
  splitFailedMessage,
} from './group-messages';

const cancelled = () => Object.assign(new Error('stopped'), { name: 'ClusterCancelledError' });

describe('group messages: runs and splits', () => {
  it('says a stopped run stopped, and a failed one why it failed', () => {
    expect(groupingFailedMessage(cancelled())).toEqual({
      tone: 'info',
      title: 'Grouping stopped.',
    });
    expect(groupingFailedMessage(new Error('worker crashed'))).toEqual({
      tone: 'error',
      title: 'Grouping failed',
      body: 'worker crashed',
    });
  });

  it('warns when meaning mode grouped by shared words, with the reason', () => {
    expect(sharedWordsMessage('no WebAssembly')).toEqual({
      tone: 'warning',
      title: 'Grouped by shared words',
      body: 'no WebAssembly',
    });
  });

  it('says when a group cannot be split, and why a split failed', () => {
    expect(cannotSplitMessage).toEqual({
      tone: 'info',
      title: 'This group cannot be split further.',
    });
    expect(splitFailedMessage(new Error('offline'))).toEqual({
      tone: 'error',
      title: 'Splitting failed',
      body: 'offline',
    });
  });
});
