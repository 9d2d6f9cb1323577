/** Small checks shared by the validators of outside input in voting/ and actions/. */

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isWholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

export const isIsoTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value));

/** "1 vote", "3 votes"; `plural` for irregular words. */
export const countOf = (n: number, word: string, plural = `${word}s`): string =>
  `${n} ${n === 1 ? word : plural}`;
