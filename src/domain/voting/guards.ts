/** Small checks shared by the validators of outside input in voting/ and actions/. */

export { countOf, isRecord } from '../common';

export const isWholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

export const isIsoTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value));
