import { describe, expect, it } from 'vitest';
import { createActionRunner } from './action-runner';

describe('createActionRunner', () => {
  it('names the running action, clears the last message first, and gives back what it returns', async () => {
    const runner = createActionRunner();
    runner.message.value = { tone: 'success', title: 'Saved.' };
    let finish: (value: number) => void = () => undefined;
    const running = runner.run(
      'Saving',
      () => new Promise<number>((resolve) => (finish = resolve)),
    );
    expect(runner.busy.value).toBe('Saving');
    expect(runner.message.value).toBeNull();
    finish(7);
    await expect(running).resolves.toBe(7);
    expect(runner.busy.value).toBeNull();
  });

  it('runs one action at a time: another started meanwhile does nothing', async () => {
    const runner = createActionRunner();
    let finish: () => void = () => undefined;
    const first = runner.run('First', () => new Promise<void>((resolve) => (finish = resolve)));
    let ran = false;
    await expect(
      runner.run('Second', async () => {
        ran = true;
      }),
    ).resolves.toBeUndefined();
    expect(ran).toBe(false);
    finish();
    await first;
  });

  it('turns a failure into "<action> failed" with the reason, and frees the runner', async () => {
    const runner = createActionRunner();
    await expect(
      runner.run('Deleting the round', () => Promise.reject(new Error('The board refused'))),
    ).resolves.toBeUndefined();
    expect(runner.message.value).toEqual({
      tone: 'error',
      title: 'Deleting the round failed',
      body: 'The board refused',
    });
    expect(runner.busy.value).toBeNull();
  });
});
