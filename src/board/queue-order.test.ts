import { describe, expect, it } from 'vitest';
import { blockedOutcome, orderRun, taskPriority } from './queue-order';
import type { QueueTask, TaskOutcome } from './write-queue';

const task = (key: string, deps?: string[]): QueueTask => ({
  key,
  deps,
  run: () => Promise.resolve(),
});

describe('orderRun', () => {
  it('indexes tasks, their dependents and how many distinct dependencies each waits on', () => {
    const order = orderRun([task('a'), task('b'), task('c', ['a', 'b', 'a'])], () => undefined);
    expect([...order.index]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(order.dependents.get('a')).toEqual(['c', 'c']);
    expect(order.dependents.get('b')).toEqual(['c']);
    expect(order.waitingOn.get('c')).toBe(2);
    expect(order.waitingOn.get('a')).toBe(0);
  });

  it('refuses a duplicate key, a later dependency, and what checkTask refuses, in that order', () => {
    expect(() => orderRun([task('a'), task('a')], () => undefined)).toThrow(
      'duplicate task key "a"',
    );
    expect(() => orderRun([task('a', ['b']), task('b')], () => undefined)).toThrow(
      'task "a" depends on "b", which is not an earlier task',
    );
    const checked: string[] = [];
    const refuse = (t: QueueTask): void => {
      checked.push(t.key);
      if (t.key === 'b') throw new Error('too dear');
    };
    expect(() => orderRun([task('a'), task('b', ['x'])], refuse)).toThrow('not an earlier task');
    expect(checked).toEqual(['a']);
    expect(() => orderRun([task('a'), task('b')], refuse)).toThrow('too dear');
  });
});

describe('taskPriority', () => {
  it('is the batch place after base, moved ahead by concurrency − 1 for a task others wait on', () => {
    const order = orderRun([task('a'), task('b'), task('c', ['b'])], () => undefined);
    expect(taskPriority(order, 'a', 1e9, 4)).toBe(1e9);
    expect(taskPriority(order, 'b', 1e9, 4)).toBe(1e9 + 1 - 3);
    expect(taskPriority(order, 'c', 0, 4)).toBe(2);
  });
});

describe('blockedOutcome', () => {
  const ok: TaskOutcome = { status: 'ok', value: 1, attempts: 1 };
  const failed: TaskOutcome = { status: 'failed', error: 'x', attempts: 5 };
  it('is undefined when every dependency succeeded', () => {
    expect(
      blockedOutcome(
        task('c', ['a', 'b']),
        new Map([
          ['a', ok],
          ['b', ok],
        ]),
      ),
    ).toBeUndefined();
    expect(blockedOutcome(task('c'), new Map())).toBeUndefined();
  });

  it('skips naming the first dependency that did not succeed, or cancels with it', () => {
    const outcomes = new Map<string, TaskOutcome>([
      ['a', ok],
      ['b', failed],
      ['d', { status: 'cancelled' }],
    ]);
    expect(blockedOutcome(task('c', ['a', 'b', 'd']), outcomes)).toEqual({
      status: 'skipped',
      dependency: 'b',
    });
    expect(blockedOutcome(task('c', ['d', 'b']), outcomes)).toEqual({ status: 'cancelled' });
    expect(blockedOutcome(task('c', ['e']), outcomes)).toEqual({
      status: 'skipped',
      dependency: 'e',
    });
  });
});
