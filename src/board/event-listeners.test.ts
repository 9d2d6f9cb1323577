import { describe, expect, it } from 'vitest';
import { createEventListeners } from './event-listeners';

describe('createEventListeners', () => {
  it('delivers an event to its subscribers in order, and to no other event', () => {
    const listeners = createEventListeners();
    const heard: string[] = [];
    listeners.add('items:delete', ({ ids }) => heard.push(`a:${ids.join()}`));
    listeners.add('items:delete', ({ ids }) => heard.push(`b:${ids.join()}`));
    listeners.add('items:create', () => heard.push('create'));
    listeners.deliver('items:delete', { ids: ['n1'] });
    expect(heard).toEqual(['a:n1', 'b:n1']);
  });

  it('reports a subscriber that throws, and the others still hear the event', () => {
    const errors: unknown[] = [];
    const listeners = createEventListeners((error) => errors.push(error));
    const heard: string[] = [];
    listeners.add('items:delete', () => {
      throw new Error('broken subscriber');
    });
    listeners.add('items:delete', () => heard.push('second'));
    listeners.deliver('items:delete', { ids: [] });
    expect(heard).toEqual(['second']);
    expect(errors).toEqual([new Error('broken subscriber')]);
  });

  it('removes one subscription at a time, saying how many are left, even for the same function', () => {
    const listeners = createEventListeners();
    let calls = 0;
    const fn = (): void => void (calls += 1);
    const first = listeners.add('items:delete', fn);
    const second = listeners.add('items:delete', fn);
    expect(first()).toBe(1);
    listeners.deliver('items:delete', { ids: [] });
    expect(calls).toBe(1);
    expect(listeners.hasListeners()).toBe(true);
    expect(second()).toBe(0);
    expect(listeners.hasListeners()).toBe(false);
    listeners.deliver('items:delete', { ids: [] });
    expect(calls).toBe(1);
  });
});
