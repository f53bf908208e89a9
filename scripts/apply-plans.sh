#!/usr/bin/env bash
# Applies saved plans, exactly, in dependency order (cdktf.out/manifest.json):
# bootstrap -> management -> logging -> the other accounts in parallel -> ...
#
#   npm run apply                 every stack
#   npm run apply -- prod         some stacks (their dependencies are not applied)
#
# Never plans: a stack without a saved plan stops the run. `terraform apply plan.tfplan`
# refuses a plan whose state changed since it was made. Stacks whose plan has no
# changes are skipped. A wave starts only when the previous one succeeded.
#
# Environment: LZ_PLANS_DIR (where saved plans are, e.g. a pipeline artifact; default
# LZ_OUT), LZ_ROLE_NAME (role mode: the deploy role), LZ_PARALLELISM, LZ_OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/lz-terraform.sh
source scripts/lib/lz-terraform.sh
lz_require_manifest
plans_dir=${LZ_PLANS_DIR:-$LZ_OUT}

stacks=("$@")
((${#stacks[@]} > 0)) || mapfile -t stacks < <(lz_all_stacks)
lz_check_stacks "${stacks[@]}"

# Every plan is located before anything is applied.
declare -A source_dir=()
for stack in "${stacks[@]}"; do
  mapfile -t found < <(find "$plans_dir" -path "*/stacks/$stack/plan.tfplan" 2>/dev/null)
  ((${#found[@]} == 1)) || lz_die "expected one saved plan for \"$stack\" under $plans_dir, found ${#found[@]}; fix: run \`npm run plan\` and get it reviewed (nothing is applied without a saved plan)"
  source_dir[$stack]=$(dirname "${found[0]}")
  if [[ -f "${source_dir[$stack]}/$LZ_OVERRIDE" && -z "${LZ_ROLE_NAME:-}" ]]; then
    lz_die "the plan of \"$stack\" was made in role mode; fix: set LZ_ROLE_NAME to the deploy role"
  fi
done
[[ -n "${LZ_ROLE_NAME:-}" ]] && lz_write_aws_config "$LZ_ROLE_NAME"
parallelism=${LZ_PARALLELISM:-$(nproc 2>/dev/null || echo 2)}

apply_one() {
  local stack=$1 dir src f
  dir=$(lz_stack_dir "$stack")
  src=${source_dir[$stack]}
  if [[ "$(cat "$src/plan.status" 2>/dev/null)" == no-changes ]]; then
    echo "$stack: no changes, skipped"
    return 0
  fi
  if [[ "$(cd "$src" && pwd)" != "$(cd "$dir" && pwd)" ]]; then
    for f in plan.tfplan "$LZ_OVERRIDE" .terraform.lock.hcl; do
      [[ -f "$src/$f" ]] && cp "$src/$f" "$dir/$f"
    done
  fi
  echo "$stack: applying"
  if terraform -chdir="$dir" init -input=false -no-color >"$dir/apply.log" 2>&1 &&
    terraform -chdir="$dir" apply -input=false -no-color plan.tfplan >>"$dir/apply.log" 2>&1; then
    echo "$stack: applied"
  else
    echo "$stack: APPLY FAILED" >&2
    tail -40 "$dir/apply.log" >&2
    return 1
  fi
}

while read -r -a wave; do
  echo "== wave: ${wave[*]}"
  failed=0 running=0
  for stack in "${wave[@]}"; do
    apply_one "$stack" &
    running=$((running + 1))
    if ((running >= parallelism)); then
      wait -n || failed=1
      running=$((running - 1))
    fi
  done
  while ((running > 0)); do
    wait -n || failed=1
    running=$((running - 1))
  done
  ((failed == 0)) || lz_die "wave failed (${wave[*]}); later stacks were not applied"
done < <(lz_waves "${stacks[@]}")
echo "All saved plans applied."
