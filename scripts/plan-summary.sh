#!/usr/bin/env bash
# Writes the readable summary of saved plans: $LZ_OUT/plan-summary.md (the merge
# request comment and the approval link) and $LZ_OUT/plan-totals.txt (one line).
#
#   npm run plan:summary                  every stack with a plan
#   LZ_PLANS_DIR=dir npm run plan:summary plans gathered elsewhere (CI artifacts)
#
# A plan is found as <anything>/stacks/<stack>/plan.status under LZ_PLANS_DIR
# (default: LZ_OUT), so combined build artifacts work as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/lz-terraform.sh
source scripts/lib/lz-terraform.sh
[[ -f "$LZ_MANIFEST" ]] || lz_die "$LZ_MANIFEST not found; fix: run \`npm run synth\` first"
plans_dir=${LZ_PLANS_DIR:-$LZ_OUT}
max_lines=${LZ_SUMMARY_MAX_LINES:-400}

stacks=("$@")
((${#stacks[@]} > 0)) || mapfile -t stacks < <(lz_all_stacks)
summary="$LZ_OUT/plan-summary.md"
table="" details="" planned=0 changed=0 failed=0 missing=0 add=0 change=0 destroy=0

for wave in $(lz_waves "${stacks[@]}" | tr ' ' '\n'); do
  stack=$wave
  status_file=$(find "$plans_dir" -path "*/stacks/$stack/plan.status" 2>/dev/null | head -1)
  if [[ -z "$status_file" ]]; then
    missing=$((missing + 1))
    table+="| \`$stack\` | not planned | | | |"$'\n'
    continue
  fi
  dir=$(dirname "$status_file")
  status=$(cat "$status_file")
  planned=$((planned + 1))
  if [[ $status == failed ]]; then
    failed=$((failed + 1))
    table+="| \`$stack\` | **plan failed** | | | |"$'\n'
    details+=$'\n'"<details><summary><b>$stack</b>: plan failed</summary>"$'\n\n```\n'"$(tail -40 "$dir/plan.log" 2>/dev/null)"$'\n```\n</details>\n'
    continue
  fi
  line=$(grep -E '^Plan: [0-9]+ to add' "$dir/plan.txt" | head -1 || true)
  a=0 c=0 d=0
  if [[ $line =~ Plan:\ ([0-9]+)\ to\ add,\ ([0-9]+)\ to\ change,\ ([0-9]+)\ to\ destroy ]]; then
    a=${BASH_REMATCH[1]} c=${BASH_REMATCH[2]} d=${BASH_REMATCH[3]}
  fi
  add=$((add + a)) change=$((change + c)) destroy=$((destroy + d))
  if [[ $status == changes ]]; then
    changed=$((changed + 1))
    warn=""
    ((d > 0)) && warn=" ⚠️ destroys $d"
    table+="| \`$stack\` | changes$warn | $a | $c | $d |"$'\n'
    lines=$(wc -l <"$dir/plan.txt")
    body=$(grep -vE '^\s*$' "$dir/plan.txt" | head -"$max_lines")
    ((lines > max_lines)) && body+=$'\n'"... $((lines - max_lines)) more lines: see the plan artifact"
    details+=$'\n'"<details><summary><b>$stack</b>: $a to add, $c to change, $d to destroy</summary>"$'\n\n```\n'"$body"$'\n```\n</details>\n'
  else
    table+="| \`$stack\` | no changes | 0 | 0 | 0 |"$'\n'
  fi
done

totals="${#stacks[@]} stacks: $changed with changes ($add to add, $change to change, $destroy to destroy), $failed failed, $missing not planned"
{
  echo "### Terraform plan of the landing zone"
  echo
  echo "$totals."
  echo
  echo "| stack | result | add | change | destroy |"
  echo "|---|---|---|---|---|"
  printf '%s' "$table"
  printf '%s' "$details"
  echo
  echo "<sub>Stacks listed in deploy order. Applied only after review: exactly these saved plans, by apply-plans.sh.</sub>"
} >"$summary"
echo "$totals" >"$LZ_OUT/plan-totals.txt"
cat "$summary"
