// Check parsed files against the JSON Schemas and turn ajv's errors into
// diagnostics that point at the YAML node: the offending key for unknown keys,
// the owning key for missing ones, the value otherwise.

import type { ErrorObject } from 'ajv';
import { pointer as makePointer, type Code, type Diagnostic } from '../diagnostic.js';
import type { SchemaName } from './schema-files.js';
import { suggest } from './suggest.js';
import { schemaValidator } from './validators.js';
import { rangeOfPointer, spanDiagnostic, type Source } from './yaml-source.js';

export { schemaPath, schemaText, type SchemaName } from './schema-files.js';

/** Check a parsed, unbroken source against a schema. */
export function checkSchema(source: Source, name: SchemaName): Diagnostic[] {
  const validate = schemaValidator(name);
  if (validate(source.value)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  return groupMissingKeys(errors).map((e) => toDiagnostic(source, e));
}

// One object missing several keys gets one diagnostic naming them all.
function groupMissingKeys(errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'required') {
      out.push(e);
      continue;
    }
    const first = byPath.get(e.instancePath);
    const key = String((e.params as { missingProperty: string }).missingProperty);
    if (first) {
      (first.params as { missing: string[] }).missing.push(key);
    } else {
      const grouped = { ...e, params: { ...e.params, missing: [key] } };
      byPath.set(e.instancePath, grouped);
      out.push(grouped);
    }
  }
  return out;
}

// Keep the innermost, most useful error per location: drop combinator errors
// (`if`, `anyOf`, `oneOf`) that only say a branch failed, and exact repeats.
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const kept: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(e);
  }
  // A propertyNames failure is reported once, at the key, by its inner error.
  return kept.filter(
    (e) => !(e.keyword === 'propertyNames' && kept.some((o) => o !== e && o.propertyName !== undefined && o.instancePath === e.instancePath)),
  );
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  object: 'a map of keys',
  array: 'a list',
  boolean: 'true or false',
};

function fieldName(instancePath: string): string {
  const last = instancePath.split('/').pop();
  return last ? `\`${last.replace(/~1/g, '/').replace(/~0/g, '~')}\`` : 'the file';
}

function toDiagnostic(source: Source, e: ErrorObject): Diagnostic {
  const params = e.params as Record<string, unknown>;
  const field = fieldName(e.instancePath);
  let message = `${field} ${e.message ?? 'is invalid'}`;
  let hint: string | undefined;
  let range: [number, number] | undefined;
  let ptr = e.instancePath;
  const schema = e.parentSchema as { properties?: Record<string, unknown>; description?: string } | undefined;

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      ptr = e.instancePath + makePointer(key);
      const known = Object.keys(schema?.properties ?? {});
      message = `unknown key \`${key}\``;
      const guess = suggest(key, known);
      hint = guess ? `did you mean \`${guess}\`?` : known.length ? `allowed keys: ${known.join(', ')}` : undefined;
      range = rangeOfPointer(source.doc, ptr, 'key').range;
      return withRange(source, range, ptr, 'schema-unknown-key', message, hint);
    }
    case 'required': {
      const keys = ((params.missing as string[] | undefined) ?? [String(params.missingProperty)]).map((k) => `\`${k}\``);
      const what = `required key${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`;
      message = e.instancePath === '' ? `missing ${what} at the top of the file` : `${field} is missing ${what}`;
      const r = rangeOfPointer(source.doc, e.instancePath, 'key');
      return withRange(source, r.range, ptr, 'schema-missing-key', message);
    }
    case 'type': {
      const want = String(params.type);
      message = `${field} must be ${TYPE_NAMES[want] ?? want}, not ${describe(e.data)}`;
      if (want === 'number' || want === 'integer') {
        if (typeof e.data === 'string' && e.data.trim() !== '' && !Number.isNaN(Number(e.data.replace(/,/g, '')))) {
          hint = 'remove the quotes (and any thousands separators) so it is read as a number';
        } else if (e.data === null) {
          hint = 'write the number, or record `missing: <reason>` when no figure was published';
        }
      }
      return withRange(source, undefined, ptr, 'schema-type', message, hint);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      message = `${field} must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}, not ${describe(e.data)}`;
      const guess = typeof e.data === 'string' ? suggest(e.data, allowed) : undefined;
      if (guess) hint = `did you mean \`${guess}\`?`;
      return withRange(source, undefined, ptr, 'schema-enum', message, hint);
    }
    case 'pattern': {
      if (e.propertyName !== undefined) {
        message = `key \`${e.propertyName}\` is not a valid id (lower-case letters, digits and hyphens)`;
        range = rangeOfPointer(source.doc, e.instancePath + makePointer(e.propertyName), 'key').range;
        return withRange(source, range, e.instancePath + makePointer(e.propertyName), 'schema-key-pattern', message);
      }
      message = `${field} ${schema?.description ? `is not in the expected form: ${schema.description}` : `must match ${String(params.pattern)}`}, not ${describe(e.data)}`;
      return withRange(source, undefined, ptr, 'schema-pattern', message);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      message = `${field} ${e.message}, not ${describe(e.data)}`;
      return withRange(source, undefined, ptr, 'schema-range', message);
    case 'minLength':
      message = `${field} must not be empty`;
      return withRange(source, undefined, ptr, 'schema-empty', message);
    case 'minItems':
      message = `${field} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
      return withRange(source, undefined, ptr, 'schema-min-items', message);
    case 'dependencies': {
      const key = String(params.missingProperty);
      message = `${field} has \`${String(params.property)}\` and is missing required key \`${key}\``;
      return withRange(source, rangeOfPointer(source.doc, e.instancePath + makePointer(String(params.property)), 'key').range, ptr, 'schema-missing-key', message);
    }
    case 'maxLength':
      message = `${field} is longer than ${String(params.limit)} characters`;
      return withRange(source, undefined, ptr, 'schema-invalid', message);
    default:
      return withRange(source, undefined, ptr, 'schema-invalid', message);
  }
}

function withRange(
  source: Source,
  range: [number, number] | undefined,
  ptr: string,
  code: Code,
  message: string,
  hint?: string,
): Diagnostic {
  const r = range ?? rangeOfPointer(source.doc, ptr).range;
  const d = spanDiagnostic(source, r[0], r[1], 'error', code, message, hint);
  d.pointer = ptr;
  return d;
}
