/**
 * Errors the local SDK throws. Miro rejects bad input with a plain `Error` whose message names
 * the offending field; a spent credit budget rejects with a rate-limit error that the write
 * queue recognises by `name === 'RateLimitError'` (or a message containing "rate limit").
 */

/** A call rejected like Miro rejects invalid parameters or unknown items. */
export function sdkError(message: string): Error {
  return new Error(message);
}

export function invalidParam(field: string, detail: string): Error {
  return sdkError(`Invalid parameter '${field}': ${detail}`);
}

export function itemNotFound(id: string): Error {
  return sdkError(`Item with id '${id}' was not found on the board`);
}

/**
 * Shape of the error when the credit budget is spent: `name: 'RateLimitError'`, `status: 429`,
 * `code: 'RATE_LIMIT_EXCEEDED'`, and `retryAfterMs`, the wait until enough credits free up.
 */
export class RateLimitError extends Error {
  override readonly name = 'RateLimitError';
  readonly status = 429;
  readonly code = 'RATE_LIMIT_EXCEEDED';
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number, creditsPerMinute: number) {
    super(
      `API rate limit exceeded: ${creditsPerMinute} credits per minute used; retry after ${retryAfterMs} ms`,
    );
    this.retryAfterMs = retryAfterMs;
  }
}
