import { describe, expect, it } from 'vitest';
import { createBoardJobs, type JobHooks } from './board-job';

/** A job that waits until the test lets it end, keeping its hooks for the test. */
function heldJob() {
  let hooks: JobHooks | null = null;
  let finish: (value: string) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const work = (given: JobHooks) => {
    hooks = given;
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    work,
    hooks: () => hooks!,
    finish: (v: string) => finish(v),
    fail: (e: unknown) => fail(e),
  };
}

describe('createBoardJobs', () => {
  it('shows the job while it runs, with its progress and the step it names, and clears it after', async () => {
    const jobs = createBoardJobs();
    const held = heldJob();
    const done = jobs.run('Creating the map', held.work);
    expect(jobs.job.value).toEqual({ label: 'Creating the map', done: 0, total: 0 });
    held.hooks().onProgress(3, 10);
    expect(jobs.job.value).toEqual({ label: 'Creating the map', done: 3, total: 10 });
    held.hooks().onProgress(4, 10, 'Writing the notes');
    expect(jobs.job.value).toEqual({ label: 'Writing the notes', done: 4, total: 10 });
    held.finish('made');
    await expect(done).resolves.toBe('made');
    expect(jobs.job.value).toBeNull();
  });

  it('runs one job at a time: a second start runs nothing and resolves undefined', async () => {
    const jobs = createBoardJobs();
    const first = heldJob();
    const running = jobs.run('First', first.work);
    let secondRan = false;
    await expect(
      jobs.run('Second', () => {
        secondRan = true;
        return Promise.resolve('second');
      }),
    ).resolves.toBeUndefined();
    expect(secondRan).toBe(false);
    expect(jobs.job.value?.label).toBe('First');
    first.finish('first');
    await running;
    await expect(jobs.run('Third', () => Promise.resolve('third'))).resolves.toBe('third');
  });

  it('cancel aborts the running job’s signal; a late progress report after the end shows nothing', async () => {
    const jobs = createBoardJobs();
    const held = heldJob();
    const running = jobs.run('Applying groups', held.work);
    expect(held.hooks().signal.aborted).toBe(false);
    jobs.cancel();
    expect(held.hooks().signal.aborted).toBe(true);
    held.finish('stopped');
    await running;
    held.hooks().onProgress(5, 5);
    expect(jobs.job.value).toBeNull();
  });

  it('throws what the job threw, once the job has ended', async () => {
    const jobs = createBoardJobs();
    const held = heldJob();
    const running = jobs.run('Importing', held.work);
    held.fail(new Error('The board refused'));
    await expect(running).rejects.toThrow('The board refused');
    expect(jobs.job.value).toBeNull();
  });

  it('a late report from an ended job never shows on the next one, nor does its cancel reach it', async () => {
    const jobs = createBoardJobs();
    const first = heldJob();
    const ended = jobs.run('First', first.work);
    first.finish('done');
    await ended;
    const next = heldJob();
    const running = jobs.run('Second', next.work);
    first.hooks().onProgress(9, 9, 'First again');
    expect(jobs.job.value).toEqual({ label: 'Second', done: 0, total: 0 });
    expect(next.hooks().signal.aborted).toBe(false);
    next.finish('ok');
    await running;
  });
});
