#!/usr/bin/env bash
# Plans stacks with `terraform plan -out`, in parallel, and writes a readable summary.
#
#   npm run plan                  every synthesized stack
#   npm run plan -- prod dev      some stacks
#
# Per stack, in cdktf.out/stacks/<stack>: plan.tfplan (the saved plan that
# apply-plans.sh applies unchanged), plan.txt (terraform show), plan.status
# (changes | no-changes | failed) and plan.log. Then cdktf.out/plan-summary.md.
#
# Environment: LZ_ROLE_NAME (role mode, see scripts/lib/lz-terraform.sh; unset = the
# synthesized stack role), LZ_PARALLELISM (default: CPU count), LZ_OUT (default cdktf.out).
# Plans never take the state lock (-lock=false): the plan role only reads, and
# terraform refuses to apply a plan whose state changed since ("Saved plan is stale").
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/lz-terraform.sh
source scripts/lib/lz-terraform.sh
lz_require_manifest

stacks=("$@")
((${#stacks[@]} > 0)) || mapfile -t stacks < <(lz_all_stacks)
lz_check_stacks "${stacks[@]}"
[[ -n "${LZ_ROLE_NAME:-}" ]] && lz_write_aws_config "$LZ_ROLE_NAME"
parallelism=${LZ_PARALLELISM:-$(nproc 2>/dev/null || echo 2)}

plan_one() {
  local stack=$1 dir rc=0
  dir=$(lz_stack_dir "$stack")
  rm -f "$dir/plan.tfplan" "$dir/plan.txt" "$dir/plan.status" "$dir/$LZ_OVERRIDE"
  [[ -n "${LZ_ROLE_NAME:-}" ]] && lz_write_override "$stack"
  {
    terraform -chdir="$dir" init -input=false -no-color &&
      terraform -chdir="$dir" plan -input=false -lock=false -no-color -detailed-exitcode -out=plan.tfplan || rc=$?
  } >"$dir/plan.log" 2>&1 || rc=$?
  case $rc in
    0 | 2)
      terraform -chdir="$dir" show -no-color plan.tfplan >"$dir/plan.txt"
      [[ $rc == 2 ]] && echo changes >"$dir/plan.status" || echo no-changes >"$dir/plan.status"
      echo "$stack: $(cat "$dir/plan.status")"
      ;;
    *)
      echo failed >"$dir/plan.status"
      echo "$stack: FAILED (see $dir/plan.log)" >&2
      tail -20 "$dir/plan.log" >&2
      ;;
  esac
}

running=0
for stack in "${stacks[@]}"; do
  plan_one "$stack" &
  running=$((running + 1))
  if ((running >= parallelism)); then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

bash scripts/plan-summary.sh "${stacks[@]}"
failed=$(for s in "${stacks[@]}"; do grep -l failed "$(lz_stack_dir "$s")/plan.status" || true; done)
[[ -z "$failed" ]] || lz_die "some plans failed: $(echo "$failed" | xargs -n1 dirname | xargs -n1 basename | tr '\n' ' ')"
