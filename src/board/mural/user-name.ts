/** A MURAL user's display name: first and last name, else `name`, else empty. */
import { isRecord } from '../../domain/common';

export const nameOf = (value: unknown): string => {
  if (!isRecord(value)) return '';
  const full = [value.firstName, value.lastName].filter((p) => typeof p === 'string').join(' ');
  return full || (typeof value.name === 'string' ? value.name : '');
};
