// The one catalogue of codes: every diagnostic code (load, YAML, schema, rules, the
// assessment's limits, templates) and every reason code of the assessment (why a
// number is unknown, why a status, a 预警 or a milestone status is what it is), each
// with a one-line title and a short explanation in zh-CN and en, how to fix it, and an
// example. `cixi-plan explain`, the README's tables and the report's 数据说明 read it;
// a code that is not here does not compile (Diagnostic.code is a Code).

/** How bad a diagnostic is. */
export type Severity = 'error' | 'warning' | 'info';

/** Where a code comes from. */
export type CodeKind = 'load' | 'yaml' | 'schema' | 'rule' | 'sheet' | 'assess' | 'template' | 'reason' | 'status' | 'warning' | 'milestone';

/** Text in both report languages. */
export interface Both {
  'zh-CN': string;
  en: string;
}

/** One entry of the catalogue. */
export interface CodeEntry {
  /** What the code is: a diagnostic of a stage, or a reason of the assessment (some are both). */
  kinds: readonly CodeKind[];
  /** A diagnostic's severity; null for a code that is only a reason. */
  severity: Severity | null;
  /** One line: what it says, as a report's 数据说明 or a list shows it. */
  title: Both;
  /** A few sentences: what it means and why it matters. */
  explain: Both;
  /** How to fix it (or what to do), in a sentence or two; null when there is nothing to fix. */
  fix: Both | null;
  /** A short example: YAML that triggers it (for diagnostics), or a sentence as a report prints it (for reasons). */
  example: string;
}
