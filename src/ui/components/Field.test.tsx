import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Field, controlValue, describedByFieldError } from './Field';

afterEach(cleanup);

const title = (error?: string) => (
  <Field id="tp-test-title" label="Title" error={error}>
    <input class="input" value="" />
  </Field>
);

describe('Field', () => {
  it('labels its one control: the label is for the id Field gives it', () => {
    render(title());
    const input = screen.getByLabelText('Title');
    expect(input.tagName).toBe('INPUT');
    expect(input.id).toBe('tp-test-title');
    expect(input.closest('.tp-field')).not.toBeNull();
  });

  it('links an error to the control: it describes it and the control is invalid', () => {
    render(title('Give the round a title.'));
    const input = screen.getByRole('textbox', {
      name: 'Title',
      description: 'Give the round a title.',
    });
    const error = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('Give the round a title.');
    expect(error?.classList.contains('tp-field-error')).toBe(true);
    expect(error?.closest('.tp-field')).toBe(input.closest('.tp-field'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('leaves a control without an error neither invalid nor described, also once it is fixed', () => {
    const { rerender } = render(title('Give the round a title.'));
    rerender(title());
    const input = screen.getByLabelText('Title');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(document.querySelector('.tp-field-error')).toBeNull();
  });

  it("reads the control's own description first, then the hint, then the error", () => {
    render(
      <>
        <p id="elsewhere">Already passed.</p>
        <Field id="tp-test-due" label="Due" hint="Any day." error="Not a date.">
          <input class="input" aria-describedby="elsewhere" />
        </Field>
      </>,
    );
    expect(
      screen.getByRole('textbox', {
        name: 'Due',
        description: 'Already passed. Any day. Not a date.',
      }),
    ).toBeTruthy();
  });

  it('lets a second control of the field (in after) be described by its error and invalid', () => {
    const second = (error?: string) => (
      <Field
        id="team"
        label="Owner team"
        error={error}
        after={<input aria-label="Team name" {...describedByFieldError('team', error)} />}
      >
        <select />
      </Field>
    );
    const { rerender } = render(second('Name the team.'));
    const box = screen.getByLabelText('Team name');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Name the team.',
    );
    rerender(second());
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(box.getAttribute('aria-describedby')).toBeNull();
  });

  it("keeps the control's own props and ref", () => {
    const ref = createRef<HTMLSelectElement>();
    render(
      <Field id="tp-test-pick" label="Pick">
        <select ref={ref} class="select" disabled>
          <option>One</option>
        </select>
      </Field>,
    );
    const select = screen.getByLabelText('Pick') as HTMLSelectElement;
    expect(ref.current).toBe(select);
    expect(select.className).toBe('select');
    expect(select.disabled).toBe(true);
  });
});

describe('controlValue', () => {
  it('is the value of the control the event came from', () => {
    const seen: string[] = [];
    render(
      <>
        <input aria-label="Text" onInput={(e) => seen.push(controlValue(e))} />
        <select aria-label="Choice" onChange={(e) => seen.push(controlValue(e))}>
          <option value="a">A</option>
          <option value="b">B</option>
        </select>
      </>,
    );
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'typed' } });
    fireEvent.change(screen.getByLabelText('Choice'), { target: { value: 'b' } });
    expect(seen).toEqual(['typed', 'b']);
  });
});
