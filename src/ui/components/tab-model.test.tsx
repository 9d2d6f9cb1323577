import { cleanup, render, screen } from '@testing-library/preact';
import { render as renderNow } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { boardReadState, useTabModel } from './tab-model';

afterEach(cleanup);

function makeModel(log: string[], name: string) {
  return {
    name,
    open() {
      log.push(`open ${name}`);
      return () => log.push(`close ${name}`);
    },
  };
}

function Tab({ log, name }: { log: string[]; name: string }) {
  const model = useTabModel(() => makeModel(log, name), [name]);
  return <p>{model.name}</p>;
}

describe('useTabModel', () => {
  it('opens the model once, closes it on unmount, and makes a new one when what it is made of changes', () => {
    const log: string[] = [];
    const { rerender, unmount } = render(<Tab log={log} name="a" />);
    rerender(<Tab log={log} name="a" />);
    expect(log).toEqual(['open a']);
    rerender(<Tab log={log} name="b" />);
    expect(screen.getByText('b')).toBeTruthy();
    unmount();
    expect(log).toEqual(['open a', 'close a', 'open b', 'close b']);
  });

  it('opens the model as the tab mounts, before the browser paints, not a frame later', () => {
    const log: string[] = [];
    const root = document.createElement('div');
    // Preact's own render, outside act(): only effects that run at mount have run when it returns.
    renderNow(<Tab log={log} name="a" />, root);
    expect(log).toEqual(['open a']);
    renderNow(null, root);
    expect(log).toEqual(['open a', 'close a']);
  });
});

describe('boardReadState', () => {
  it('shows a spinner while reading, the reason when reading failed, nothing once read', () => {
    render(<div>{boardReadState({ status: 'loading' }, 'Reading the votes…')}</div>);
    expect(screen.getByText('Reading the votes…')).toBeTruthy();
    cleanup();
    render(<div>{boardReadState({ status: 'error', message: 'Board is offline.' })}</div>);
    expect(screen.getByText('Could not read the board')).toBeTruthy();
    expect(screen.getByText('Board is offline.')).toBeTruthy();
    expect(boardReadState({ status: 'ready' })).toBeNull();
  });
});
