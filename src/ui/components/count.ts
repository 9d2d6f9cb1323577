/** "1 note", "3 notes": a count with its noun, for messages and labels. */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
