import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

/**
 * `memo` without preact/compat: importing compat switches the whole app to React's event
 * semantics (a select's `onChange` stops seeing `change` events, for one), which this view
 * must not impose on the panel beside it. Re-renders `render` only when `equal` says the props
 * changed.
 */
export function memoBy<P extends object>(
  render: FunctionComponent<P>,
  equal: (previous: Readonly<P>, next: Readonly<P>) => boolean,
): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return !equal(this.props, next);
    }
    override render() {
      return h(render, this.props);
    }
  }
  return Memo;
}

/** Shallow equality of two props objects (the default comparison of React's `memo`). */
export function shallowEqual<P extends object>(a: Readonly<P>, b: Readonly<P>): boolean {
  const keysA = Object.keys(a) as (keyof P)[];
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.is(a[key], b[key]));
}
