// Check parsed files against the JSON Schemas and turn ajv's errors into
// diagnostics that point at the YAML node: the offending key for unknown keys,
// the owning key for missing ones, the value otherwise.

import type { ErrorObject } from 'ajv';
import { pointer as makePointer, type Code, type Diagnostic, type Text } from '../diagnostic.js';
import type { SchemaName } from './schema-files.js';
import { suggest } from './suggest.js';
import { schemaValidator } from './validators.js';
import { rangeOf, spanDiagnostic, type Source } from './yaml-source.js';

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

type Words = { en: string; zh: string };

function describe(value: unknown): Words {
  if (value === null) return { en: 'an empty value', zh: '空值' };
  if (Array.isArray(value)) return { en: 'a list', zh: '列表' };
  if (typeof value === 'object') return { en: 'a map', zh: '映射' };
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
    return { en: `the text ${quoted}`, zh: `文本 ${quoted}` };
  }
  if (typeof value === 'boolean') return { en: `boolean ${String(value)}`, zh: `布尔值 ${String(value)}` };
  // YAML's .inf and .nan are numbers to JavaScript, but no statistic.
  if (typeof value === 'number' && Number.isNaN(value)) return { en: 'not-a-number (.nan)', zh: '非数（.nan）' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { en: `infinity (${value > 0 ? '.inf' : '-.inf'})`, zh: `无穷大（${value > 0 ? '.inf' : '-.inf'}）` };
  return { en: `${typeof value} ${String(value)}`, zh: `${typeof value === 'number' ? '数字' : typeof value} ${String(value)}` };
}

const TYPE_NAMES: Record<string, Words> = {
  number: { en: 'a number', zh: '数字' },
  integer: { en: 'a whole number', zh: '整数' },
  string: { en: 'text', zh: '文本' },
  object: { en: 'a map of keys', zh: '键值映射' },
  array: { en: 'a list', zh: '列表' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
};

/**
 * The forms the schemas' patterns stand for, in words of both languages (a schema's
 * `description` is English documentation of the field, not of its form).
 */
const PATTERN_FORMS: Readonly<Record<string, Words>> = {
  '^[a-z0-9][a-z0-9-]*$': { en: 'an id of lower-case letters, digits and hyphens (starting with a letter or digit)', zh: '由小写字母、数字和连字符组成（以字母或数字开头）的编号' },
  '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$': { en: 'a date written YYYY, YYYY-MM or YYYY-MM-DD', zh: '写作 YYYY、YYYY-MM 或 YYYY-MM-DD 的日期' },
  '^https?://\\S+$': { en: 'a web address starting with http:// or https://', zh: '以 http:// 或 https:// 开头的网址' },
};

function fieldName(instancePath: string): Words {
  const last = instancePath.split('/').pop();
  if (!last) return { en: 'the file', zh: '文件' };
  const key = `\`${last.replace(/~1/g, '/').replace(/~0/g, '~')}\``;
  return { en: key, zh: key };
}

/** Ajv's words for a numeric limit ("must be >= 0") in Chinese. */
function limitZh(params: Record<string, unknown>): string {
  const limit = String(params.limit);
  switch (String(params.comparison)) {
    case '>=': return `不能小于${limit}`;
    case '<=': return `不能大于${limit}`;
    case '>': return `必须大于${limit}`;
    case '<': return `必须小于${limit}`;
    default: return `超出允许范围（${limit}）`;
  }
}

function toDiagnostic(source: Source, e: ErrorObject): Diagnostic {
  const params = e.params as Record<string, unknown>;
  const field = fieldName(e.instancePath);
  let message: Words = { en: `${field.en} ${e.message ?? 'is invalid'}`, zh: `${field.zh}不符合格式要求` };
  let hint: Words | undefined;
  let range: [number, number] | undefined;
  let ptr = e.instancePath;
  const schema = e.parentSchema as { properties?: Record<string, unknown>; description?: string } | undefined;

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      ptr = e.instancePath + makePointer(key);
      const known = Object.keys(schema?.properties ?? {});
      message = { en: `unknown key \`${key}\``, zh: `未知的键 \`${key}\`` };
      const guess = suggest(key, known);
      hint = guess
        ? { en: `did you mean \`${guess}\`?`, zh: `是否应为 \`${guess}\`？` }
        : known.length ? { en: `allowed keys: ${known.join(', ')}`, zh: `允许的键：${known.map((k) => `\`${k}\``).join('、')}` } : undefined;
      range = rangeOf(source, ptr, 'key').range;
      return withRange(source, range, ptr, 'schema-unknown-key', message, hint);
    }
    case 'required': {
      const keys = ((params.missing as string[] | undefined) ?? [String(params.missingProperty)]).map((k) => `\`${k}\``);
      const what = `required key${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`;
      message = e.instancePath === ''
        ? { en: `missing ${what} at the top of the file`, zh: `文件顶层缺少必需的键 ${keys.join('、')}` }
        : { en: `${field.en} is missing ${what}`, zh: `${field.zh}缺少必需的键 ${keys.join('、')}` };
      const r = rangeOf(source, e.instancePath, 'key');
      return withRange(source, r.range, ptr, 'schema-missing-key', message);
    }
    case 'type': {
      const want = String(params.type);
      const wanted = TYPE_NAMES[want] ?? { en: want, zh: want };
      const got = describe(e.data);
      message = { en: `${field.en} must be ${wanted.en}, not ${got.en}`, zh: `${field.zh}应为${wanted.zh}，而不是${got.zh}` };
      if (want === 'number' || want === 'integer') {
        if (typeof e.data === 'string' && e.data.trim() !== '' && !Number.isNaN(Number(e.data.replace(/,/g, '')))) {
          hint = { en: 'remove the quotes (and any thousands separators) so it is read as a number', zh: '去掉引号（和千位分隔符），使它读作数字' };
        } else if (e.data === null) {
          hint = { en: 'write the number, or record `missing: <reason>` when no figure was published', zh: '请写数字；未公布时记录 `missing: <原因>`' };
        }
      }
      return withRange(source, undefined, ptr, 'schema-type', message, hint);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const list = allowed.map((a) => `\`${a}\``).join(', ');
      const got = describe(e.data);
      message = { en: `${field.en} must be one of ${list}, not ${got.en}`, zh: `${field.zh}应为 ${list} 之一，而不是${got.zh}` };
      const guess = typeof e.data === 'string' ? suggest(e.data, allowed) : undefined;
      if (guess) hint = { en: `did you mean \`${guess}\`?`, zh: `是否应为 \`${guess}\`？` };
      return withRange(source, undefined, ptr, 'schema-enum', message, hint);
    }
    case 'pattern': {
      if (e.propertyName !== undefined) {
        message = { en: `key \`${e.propertyName}\` is not a valid id (lower-case letters, digits and hyphens)`,
          zh: `键 \`${e.propertyName}\` 不是有效的编号（只能用小写字母、数字和连字符）` };
        range = rangeOf(source, e.instancePath + makePointer(e.propertyName), 'key').range;
        return withRange(source, range, e.instancePath + makePointer(e.propertyName), 'schema-key-pattern', message);
      }
      const got = describe(e.data);
      const form = Object.hasOwn(PATTERN_FORMS, String(params.pattern)) ? PATTERN_FORMS[String(params.pattern)]! : undefined;
      message = form !== undefined
        ? { en: `${field.en} must be ${form.en}, not ${got.en}`, zh: `${field.zh}应为${form.zh}，而不是${got.zh}` }
        : { en: `${field.en} must match ${String(params.pattern)}, not ${got.en}`, zh: `${field.zh}应符合 ${String(params.pattern)}，而不是${got.zh}` };
      return withRange(source, undefined, ptr, 'schema-pattern', message);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const got = describe(e.data);
      message = { en: `${field.en} ${e.message}, not ${got.en}`, zh: `${field.zh}${limitZh(params)}，而是${got.zh}` };
      return withRange(source, undefined, ptr, 'schema-range', message);
    }
    case 'minLength':
      message = { en: `${field.en} must not be empty`, zh: `${field.zh}不能为空` };
      return withRange(source, undefined, ptr, 'schema-empty', message);
    case 'minItems':
      message = { en: `${field.en} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`, zh: `${field.zh}至少需要${String(params.limit)}项` };
      return withRange(source, undefined, ptr, 'schema-min-items', message);
    case 'dependencies': {
      const key = String(params.missingProperty);
      const has = String(params.property);
      message = { en: `${field.en} has \`${has}\` and is missing required key \`${key}\``, zh: `${field.zh}写了 \`${has}\`，却缺少必需的键 \`${key}\`` };
      return withRange(source, rangeOf(source, e.instancePath + makePointer(has), 'key').range, ptr, 'schema-missing-key', message);
    }
    case 'maxLength':
      message = { en: `${field.en} is longer than ${String(params.limit)} characters`, zh: `${field.zh}超过${String(params.limit)}个字符` };
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
  message: Text,
  hint?: Text,
): Diagnostic {
  const r = range ?? rangeOf(source, ptr).range;
  const d = spanDiagnostic(source, r[0], r[1], 'error', code, message, hint);
  d.pointer = ptr;
  return d;
}
