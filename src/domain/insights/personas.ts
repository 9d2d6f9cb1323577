/**
 * Personas of a map's emotion curve (issue 14 §1): up to five per map, each drawn as its own
 * line (as-is and to-be) in its own colour.
 */
import { isRecord } from '../voting/guards';

export const MAX_PERSONAS = 5;
export const MAX_PERSONA_NAME = 60;
export const MAX_PERSONA_SUMMARY = 200;

/** Line colours, one per persona slot; distinct for people with red–green colour blindness. */
export const PERSONA_COLORS = ['#1a73e8', '#e8710a', '#9334e6', '#188038', '#d01884'] as const;

export interface CurvePersona {
  id: string;
  name: string;
  summary: string;
}

/** The persona ratings and the curve fall back to while the facilitator has named none. */
export const DEFAULT_PERSONA: CurvePersona = { id: 'default', name: 'Customer', summary: '' };

/** The personas a map's ratings and curve use: its own, else the default one. */
export const personasOrDefault = (own: readonly CurvePersona[]): CurvePersona[] =>
  own.length > 0 ? [...own] : [DEFAULT_PERSONA];

export type PersonasValidation =
  { ok: true; personas: CurvePersona[] } | { ok: false; messages: string[] };

/** Checks a map's persona list (from the panel or the board's shared data). */
export function validatePersonas(input: unknown): PersonasValidation {
  if (!Array.isArray(input)) return { ok: false, messages: ['Personas must be a list.'] };
  const messages: string[] = [];
  if (input.length > MAX_PERSONAS)
    messages.push(`A map has at most ${MAX_PERSONAS} personas; this one has ${input.length}.`);
  const personas: CurvePersona[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  input.forEach((entry: unknown, index) => {
    const at = `Persona ${index + 1}`;
    if (!isRecord(entry)) return void messages.push(`${at} is not a persona.`);
    const id = typeof entry.id === 'string' ? entry.id : '';
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    const summary = typeof entry.summary === 'string' ? entry.summary.trim() : '';
    if (id === '') messages.push(`${at} has no id.`);
    else if (ids.has(id)) messages.push(`${at} repeats the id ${id}.`);
    if (name === '') messages.push(`${at} needs a name.`);
    else if (name.length > MAX_PERSONA_NAME)
      messages.push(`${at}'s name is ${name.length} characters; the limit is ${MAX_PERSONA_NAME}.`);
    else if (names.has(name.toLowerCase())) messages.push(`Two personas are called "${name}".`);
    if (summary.length > MAX_PERSONA_SUMMARY)
      messages.push(`${at}'s summary is longer than ${MAX_PERSONA_SUMMARY} characters.`);
    ids.add(id);
    names.add(name.toLowerCase());
    personas.push({ id, name, summary });
  });
  return messages.length > 0 ? { ok: false, messages } : { ok: true, personas };
}

/** The line colour of the persona at `index` in the map's list. */
export const personaColor = (index: number): string =>
  PERSONA_COLORS[((index % MAX_PERSONAS) + MAX_PERSONAS) % MAX_PERSONAS] ?? PERSONA_COLORS[0];
