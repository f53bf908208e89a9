#!/usr/bin/env bash
# First deployment of the Terraform state (the `bootstrap` stack, transversal account).
#
# The state bucket cannot hold its own state before it exists, so:
#   1. apply the bootstrap stack on local state (a Terraform override file swaps the S3
#      backend for a local one, kept in .bootstrap/, outside cdktf.out);
#   2. remove the override and migrate that state into the bucket it just created.
# Re-running after a successful bootstrap only re-plans against the remote state.
#
# Needs credentials that can assume the transversal account's stack role
# (see `stackRoleName` in accounts/). Pass --auto-approve to skip the apply prompt.
set -euo pipefail
cd "$(dirname "$0")/.."

approve=()
[[ "${1:-}" == "--auto-approve" ]] && approve=(-auto-approve)

npm run --silent synth
dir=cdktf.out/stacks/bootstrap
override="$dir/bootstrap_override.tf.json"
local_state="$PWD/.bootstrap/terraform.tfstate"
mkdir -p .bootstrap

if terraform -chdir="$dir" init -input=false >/dev/null 2>&1 && terraform -chdir="$dir" state list 2>/dev/null | grep -q aws_s3_bucket; then
  echo "Already bootstrapped: the state bucket holds the bootstrap state. Planning against it."
  exec terraform -chdir="$dir" plan -input=false
fi

echo "Step 1/2: apply the bootstrap stack on local state ($local_state)"
printf '{"terraform":{"backend":{"local":{"path":%s}}}}\n' "\"$local_state\"" >"$override"
terraform -chdir="$dir" init -input=false -reconfigure
terraform -chdir="$dir" apply -input=false "${approve[@]}"

echo "Step 2/2: migrate the state into the state bucket"
rm -f "$override"
terraform -chdir="$dir" init -input=false -migrate-state -force-copy
terraform -chdir="$dir" state list | grep -q aws_s3_bucket
mv "$local_state" "$local_state.migrated-$(date +%Y%m%dT%H%M%S)"
echo "Bootstrap done: every stack now keeps its state in the bucket. Keep .bootstrap/ out of git."
