import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobProgress } from './ProgressBar';

afterEach(cleanup);

describe('JobProgress', () => {
  it('shows nothing while no job runs', () => {
    const { container } = render(<JobProgress job={null} onCancel={() => undefined} />);
    expect(container.firstChild).toBeNull();
  });

  it('shows the running job, how far it is, and stops it on Cancel', () => {
    const onCancel = vi.fn();
    render(
      <JobProgress job={{ label: 'Applying groups', done: 3, total: 12 }} onCancel={onCancel} />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Applying groups' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(bar.getAttribute('aria-valuemax')).toBe('12');
    expect(screen.getByText('3 / 12')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
