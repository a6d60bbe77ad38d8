#!/usr/bin/env bash
# The CI recipe of docs/ci.md, run on the shipped plan so it cannot rot: the same
# cixi-plan commands the workflow runs, with their output checked. Offline and fast;
# uses the built CLI (dist/, which `npm test` builds; built here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f dist/cli.js ] || npx tsc -p tsconfig.json
cixi() { node bin/cixi-plan.js "$@"; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "recipe: $*" >&2; exit 1; }

echo "recipe: validate --format github"
cixi validate --format github >"$tmp/validate.txt"
# Every line is a workflow command, except the closing summary; no error on the shipped plan.
grep -v '^::\(error\|warning\|notice\) file=[^,]*,\(line=[0-9]*,col=[0-9]*,\)\?.*title=[a-z-]*::' "$tmp/validate.txt" >"$tmp/other.txt" || true
[ "$(wc -l <"$tmp/other.txt")" -eq 1 ] || fail "validate --format github printed lines that are not annotations: $(head -3 "$tmp/other.txt")"
grep -q '^plan: valid; ' "$tmp/other.txt" || fail "validate --format github: no 'plan: valid' summary"
if grep -q '^::error' "$tmp/validate.txt"; then fail "the shipped plan has errors"; fi

echo "recipe: diff 2022 2024"
cixi diff 2022 2024 >"$tmp/diff.txt"
head -1 "$tmp/diff.txt" | grep -q '^2022年 → 2024年 · ' || fail "diff 2022 2024: unexpected header"
cixi diff 2022 2024 --json >"$tmp/diff.json"
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (d.schema_version !== 1 || d.mode !== "years" || d.from.year !== 2022 || d.to.year !== 2024) process.exit(1);
' "$tmp/diff.json" || fail "diff --json: unexpected shape"

if git rev-parse --verify --quiet HEAD:plan/plan.yaml >/dev/null 2>&1; then
  echo "recipe: diff --rev HEAD..HEAD 2024"
  cixi diff --rev HEAD..HEAD 2024 >"$tmp/rev.txt"
  grep -q '^没有变化。$' "$tmp/rev.txt" || fail "diff --rev HEAD..HEAD: a revision differs from itself"
  echo "recipe: diff --rev HEAD..HEAD 2024 --format markdown (the job summary)"
  cixi diff --rev HEAD..HEAD 2024 --format markdown >"$tmp/rev.md"
  { [ "$(head -1 "$tmp/rev.md")" = '```text' ] && [ "$(tail -1 "$tmp/rev.md")" = '```' ]; } || fail "diff --format markdown: not one fenced code block"
  echo "recipe: diff --rev HEAD 2024"
  # HEAD against the working tree: exit 0 whatever uncommitted edits there are.
  cixi diff --rev HEAD 2024 --json >"$tmp/rev.json"
else
  echo "recipe: diff --rev skipped: plan/ is not committed in a git repository here"
fi

echo "recipe: report 2024 with SOURCE_DATE_EPOCH from the last commit, twice"
epoch="$(git log -1 --format=%ct 2>/dev/null || echo 1740787200)"
SOURCE_DATE_EPOCH="$epoch" cixi report 2024 --out "$tmp/a" --quiet
SOURCE_DATE_EPOCH="$epoch" cixi report 2024 --out "$tmp/b" --quiet
for f in report.md report.html report.pdf assessment.json; do
  [ -s "$tmp/a/2024/$f" ] || fail "report 2024 did not write $f"
  cmp -s "$tmp/a/2024/$f" "$tmp/b/2024/$f" || fail "report 2024: $f differs between two runs with the same SOURCE_DATE_EPOCH"
done

echo "recipe: schema plan"
cixi schema plan | cmp -s - src/schema/plan.schema.json || fail "schema plan differs from src/schema/plan.schema.json"

echo "recipe: ok"
