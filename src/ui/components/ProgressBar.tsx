import type { BoardJob } from './board-job';

interface ProgressBarProps {
  done: number;
  total: number;
  label: string;
  onCancel?: () => void;
}

/** Progress of long board work, announced politely to screen readers. */
export function ProgressBar({ done, total, label, onCancel }: ProgressBarProps) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div class="tp-progress" role="status" aria-live="polite">
      <div class="tp-progress__row">
        <span>{label}</span>
        <span class="tp-muted">
          {done} / {total}
        </span>
      </div>
      <div
        class="tp-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div class="tp-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      {onCancel && (
        <button type="button" class="button button-tertiary button-small" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** A tab's board job (`createBoardJobs`) while it runs, with the way to stop it; nothing after. */
export function JobProgress({ job, onCancel }: { job: BoardJob | null; onCancel: () => void }) {
  return job ? (
    <ProgressBar label={job.label} done={job.done} total={job.total} onCancel={onCancel} />
  ) : null;
}
