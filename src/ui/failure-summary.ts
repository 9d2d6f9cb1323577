/** The first three failures' messages, and how many more: what a tab's warning body says. */
export function failureSummary(failed: readonly { message: string }[]): string {
  const more = failed.length > 3 ? ` …and ${failed.length - 3} more.` : '';
  return (
    failed
      .slice(0, 3)
      .map((f) => f.message)
      .join(' ') + more
  );
}

/** Said after a bulk change that went ahead without its automatic snapshot (history is off). */
export const noSnapshotNote = (reason: string): string => `No automatic snapshot: ${reason}`;
