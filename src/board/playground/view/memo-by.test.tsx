// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { memoBy, shallowEqual } from './memo-by';

afterEach(cleanup);

describe('memoBy', () => {
  it('re-renders only when the comparison says the props changed', () => {
    let renders = 0;
    const Label = memoBy(
      ({ version, text }: { version: number; text: string }) => {
        renders += 1;
        return <span data-version={version}>{text}</span>;
      },
      (a, b) => a.version === b.version,
    );
    const view = render(<Label version={1} text="a" />);
    view.rerender(<Label version={1} text="ignored" />);
    expect(renders).toBe(1);
    expect(view.container.textContent).toBe('a');
    view.rerender(<Label version={2} text="b" />);
    expect(renders).toBe(2);
    expect(view.container.textContent).toBe('b');
  });
});

describe('shallowEqual', () => {
  it('compares own values by identity', () => {
    const set = new Set<string>();
    expect(shallowEqual({ a: 1, s: set }, { a: 1, s: set })).toBe(true);
    expect(shallowEqual({ a: 1, s: set }, { a: 1, s: new Set<string>() })).toBe(false);
    expect(shallowEqual<{ a?: number }>({ a: 1 }, {})).toBe(false);
  });
});
