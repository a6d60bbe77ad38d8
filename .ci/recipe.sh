#!/usr/bin/env bash
# The CI recipe of docs/ci.md, run on the shipped plan so it cannot rot: the same
# cixi-plan commands the workflow runs, with their output checked. Offline and fast;
# uses the built CLI (dist/, which `npm test` builds; built here if missing). The pull
# request's diff runs in a repository made here, so the state of this one never matters.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

[ -f dist/bundle/cli.cjs ] || npm run build --silent
cixi() { node "$root/bin/cixi-plan.js" "$@"; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "recipe: $*" >&2; exit 1; }

echo "recipe: validate --format github"
cixi validate --format github >"$tmp/validate.txt"
# Every line is a workflow command, except the closing summary; no error on the shipped plan.
grep -v '^::\(error\|warning\|notice\) file=[^,]*,\(line=[0-9]*,col=[0-9]*,\)\?.*title=[a-z-]*::' "$tmp/validate.txt" >"$tmp/other.txt" || true
[ "$(wc -l <"$tmp/other.txt")" -eq 1 ] || fail "validate --format github printed lines that are not annotations: $(head -3 "$tmp/other.txt")"
# The summary is in the plan's language: the shipped plan is Chinese.
grep -q '^plan：有效；' "$tmp/other.txt" || fail "validate --format github: no 'plan：有效；' summary: $(cat "$tmp/other.txt")"
if grep -q '^::error' "$tmp/validate.txt"; then fail "the shipped plan has errors"; fi

echo "recipe: diff 2022 2024"
cixi diff 2022 2024 >"$tmp/diff.txt"
head -1 "$tmp/diff.txt" | grep -q '^2022年 → 2024年 · ' || fail "diff 2022 2024: unexpected header"
cixi diff 2022 2024 --json >"$tmp/diff.json"
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (d.schema_version !== 1 || d.mode !== "years" || d.from.year !== 2022 || d.to.year !== 2024) process.exit(1);
' "$tmp/diff.json" || fail "diff --json: unexpected shape"

# The pull request's diff, as the workflow runs it: a repository whose `origin` keeps the
# plan on a branch with a slash in its name (release/2024), cloned (so origin/release/2024
# is a remote-tracking ref), a branch feature/x.y that changes one value, and HEAD the merge
# of it into the base, as actions/checkout gives a pull request.
for v in GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_COMMON_DIR GIT_OBJECT_DIRECTORY GIT_PREFIX; do unset "$v"; done
g() { git -c core.hooksPath=/dev/null -c user.name=recipe -c user.email=recipe@example.invalid -c commit.gpgsign=false "$@"; }
upstream="$tmp/upstream" clone="$tmp/clone"
g init -q "$upstream"
cp -R plan "$upstream/plan"
g -C "$upstream" add plan
g -C "$upstream" commit -q -m "the plan"
g -C "$upstream" branch -q -M release/2024
g clone -q "$upstream" "$clone"
g -C "$clone" checkout -q -b feature/x.y
report_year="$(sed -n "s/^ *REPORT_YEAR: '\([0-9]*\)'\$/\1/p" docs/ci.md | head -1)"
[ -n "$report_year" ] || fail "docs/ci.md sets no REPORT_YEAR"
year_file="$clone/plan/data/$report_year.yaml"
node -e '
  const fs = require("fs");
  const text = fs.readFileSync(process.argv[1], "utf8");
  const changed = text.replace(/^    value: [0-9.]+$/m, "    value: 99999");
  if (changed === text) process.exit(1);
  fs.writeFileSync(process.argv[1], changed);
' "$year_file" || fail "found no value to change in plan/data/$report_year.yaml"
g -C "$clone" commit -q -am "change one value"
g -C "$clone" checkout -q --detach origin/release/2024
g -C "$clone" merge -q --no-ff --no-edit feature/x.y

# The diff command exactly as docs/ci.md (and its copy github-workflow.yml) writes it.
diff_command="$(sed -n 's/^ *\(npx cixi-plan diff --rev .*\)$/\1/p' docs/ci.md | head -1)"
[ -n "$diff_command" ] || fail "docs/ci.md runs no 'npx cixi-plan diff --rev'"
grep -qF -- "$diff_command" docs/github-workflow.yml || fail "docs/github-workflow.yml does not run: $diff_command"
npx() { if [ "$1" = cixi-plan ]; then shift; cixi "$@"; else command npx "$@"; fi; }
echo "recipe: $diff_command (BASE_REF=release/2024, REPORT_YEAR=$report_year)"
(cd "$clone" && BASE_REF=release/2024 REPORT_YEAR="$report_year" eval "$diff_command") >"$tmp/pr.txt" \
  || fail "$diff_command failed in a clone with origin/release/2024"
# The job summary is one fenced code block (--format markdown) holding the text view.
fence="$(head -1 "$tmp/pr.txt")"
{ [[ "$fence" =~ ^\`\`\`+text$ ]] && [ "$(tail -1 "$tmp/pr.txt")" = "${fence%text}" ]; } || fail "the job summary is not one fenced code block"
sed -n 2p "$tmp/pr.txt" | grep -q "^origin/release/2024 → HEAD · ${report_year}年 · " || fail "diff --rev: unexpected header: $(sed -n 2p "$tmp/pr.txt")"
! grep -q '^没有变化。$' "$tmp/pr.txt" || fail "diff --rev origin/release/2024..HEAD: the changed value is not seen"
(cd "$clone" && cixi diff --rev "origin/release/2024..HEAD" "$report_year" --json) >"$tmp/pr.json"
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (d.mode !== "revisions" || d.from.revision !== "origin/release/2024" || d.summary.indicators_changed < 1) process.exit(1);
' "$tmp/pr.json" || fail "diff --rev --json: the changed value is not seen"

echo "recipe: diff --rev HEAD..HEAD $report_year"
(cd "$clone" && cixi diff --rev HEAD..HEAD "$report_year") >"$tmp/rev.txt"
grep -q '^没有变化。$' "$tmp/rev.txt" || fail "diff --rev HEAD..HEAD: a revision differs from itself"
echo "recipe: diff --rev HEAD $report_year"
# HEAD against the working tree: exit 0 whatever uncommitted edits there are.
(cd "$clone" && cixi diff --rev HEAD "$report_year" --json) >"$tmp/rev.json"

echo "recipe: report 2024 with SOURCE_DATE_EPOCH from the last commit, twice"
epoch="$(git log -1 --format=%ct 2>/dev/null || echo 1740787200)"
SOURCE_DATE_EPOCH="$epoch" cixi report 2024 --out "$tmp/a" --quiet
SOURCE_DATE_EPOCH="$epoch" cixi report 2024 --out "$tmp/b" --quiet
for f in report.md report.html report.pdf report.xlsx assessment.json; do
  [ -s "$tmp/a/2024/$f" ] || fail "report 2024 did not write $f"
  cmp -s "$tmp/a/2024/$f" "$tmp/b/2024/$f" || fail "report 2024: $f differs between two runs with the same SOURCE_DATE_EPOCH"
done

echo "recipe: schema plan"
cixi schema plan | cmp -s - src/schema/plan.schema.json || fail "schema plan differs from src/schema/plan.schema.json"

echo "recipe: ok"
