import { errorMessage, isRecord, utf8Length } from '../common';
import { CURRENT_VERSION, EXPORT_FORMAT, type JourneyMapFile } from './journey-map';
import {
  InvalidField,
  ISO_TIME,
  describe,
  nullableText,
  optionalRecord,
  record,
  UNKNOWN_TIME,
  Warnings,
  withExtras,
  type Obj,
} from './field-readers';
import { LIMITS } from './limits';
import { FIRST_VERSION, LATEST_VERSION, migrate, type Doc } from './migrations';
import { restoreMap, restoreSource } from './restore-map';
import { scanInput } from './scan-input';

export type RestoreFailure = 'not-touchpoint' | 'too-new' | 'invalid';

export type RestoreResult =
  | { ok: true; file: JourneyMapFile; warnings: string[]; migratedFrom?: number }
  | { ok: false; reason: RestoreFailure; message: string; field?: string };

function checkWrapper(input: unknown): RestoreResult | { ok: true; doc: Obj; version: number } {
  const notOurs = (why: string): RestoreResult => ({
    ok: false,
    reason: 'not-touchpoint',
    message: `This is not a Touchpoint journey map: ${why}`,
  });
  if (!isRecord(input)) return notOurs(`expected a JSON object, found ${describe(input)}.`);
  const format = input['format'];
  if (format !== EXPORT_FORMAT) {
    if (typeof format === 'string')
      return notOurs(`its format is "${format.slice(0, 80)}", not "${EXPORT_FORMAT}".`);
    const type = input['type'];
    const hint = typeof type === 'string' ? ` (it looks like a "${type.slice(0, 40)}" file)` : '';
    return notOurs(`it has no "format": "${EXPORT_FORMAT}" field${hint}.`);
  }
  const version = input['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return {
      ok: false,
      reason: 'invalid',
      message: `version must be a whole number, not ${describe(version)}.`,
      field: 'version',
    };
  }
  if (version > LATEST_VERSION) {
    return {
      ok: false,
      reason: 'too-new',
      message: `This file was made by a newer Touchpoint (format v${version}); this version reads up to v${LATEST_VERSION}. Update Touchpoint to open it.`,
    };
  }
  if (version < FIRST_VERSION) {
    return {
      ok: false,
      reason: 'invalid',
      message: `version ${version} never existed; the first format is v${FIRST_VERSION}.`,
      field: 'version',
    };
  }
  return { ok: true, doc: input, version };
}

const exportDayOf = (exportedAt: string): string =>
  exportedAt === UNKNOWN_TIME
    ? '9999-12-31'
    : new Date(Date.parse(exportedAt) + 14 * 3_600_000).toISOString().slice(0, 10);

/**
 * Reads a journey-map file of any version this build knows (ARCHITECTURE.md §7): wrapper first,
 * newer versions refused, hostile input rejected naming the field, migrations step by step, then
 * every field read with its default, unknown fields kept. Never throws.
 */
export function restore(input: unknown): RestoreResult {
  const wrapper = checkWrapper(input);
  if (!('doc' in wrapper)) return wrapper;
  const problem = scanInput(wrapper.doc);
  if (problem)
    return { ok: false, reason: 'invalid', message: problem.message, field: problem.field };

  const migrated = migrate(wrapper.doc as Doc, wrapper.version);
  if (!migrated.ok) return { ok: false, reason: 'invalid', message: migrated.message };
  const doc = migrated.doc;
  const warnings = new Warnings();
  warnings.addAll(migrated.warnings);
  try {
    const rawSource = optionalRecord(doc, 'source', '');
    const source = restoreSource(rawSource, warnings);
    let exportedAt = nullableText(doc, 'exportedAt', '') ?? '';
    if (!ISO_TIME.test(exportedAt)) {
      warnings.add('The export time was missing or unreadable.', 'exportedAt');
      exportedAt = UNKNOWN_TIME;
    }
    const rawMap = doc['map'];
    if (rawMap === undefined || rawMap === null) throw new InvalidField('map', 'is missing.');
    const file: JourneyMapFile = {
      format: EXPORT_FORMAT,
      version: CURRENT_VERSION,
      exportedAt,
      source,
      // A reading can be no later than the day the file was made.
      map: restoreMap(record(rawMap, 'map'), source.boardId, warnings, exportDayOf(exportedAt)),
    };
    withExtras(file, doc, ['format', 'version', 'exportedAt', 'source', 'map']);
    const result: RestoreResult = { ok: true, file, warnings: warnings.list() };
    if (wrapper.version !== CURRENT_VERSION) result.migratedFrom = wrapper.version;
    return result;
  } catch (error) {
    if (error instanceof InvalidField) {
      return {
        ok: false,
        reason: 'invalid',
        message: error.message.replace(/^\./, ''),
        field: error.field.replace(/^\./, ''),
      };
    }
    return {
      ok: false,
      reason: 'invalid',
      message: `The file could not be read: ${errorMessage(error)}`,
    };
  }
}

/** Reads a file's text: size checked before parsing, then `restore`. Never throws. */
export function parseExport(text: string): RestoreResult {
  // Characters are at least one byte: only count bytes when the length leaves doubt.
  if (
    text.length > LIMITS.maxFileBytes ||
    (text.length * 3 > LIMITS.maxFileBytes && utf8Length(text) > LIMITS.maxFileBytes)
  ) {
    const mb = (LIMITS.maxFileBytes / 1024 / 1024).toFixed(0);
    return {
      ok: false,
      reason: 'invalid',
      message: `The file is larger than ${mb} MB, the most Touchpoint reads.`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const why = errorMessage(error);
    return {
      ok: false,
      reason: 'not-touchpoint',
      message: `This is not a Touchpoint journey map: it is not valid JSON (${why}).`,
    };
  }
  return restore(parsed);
}
