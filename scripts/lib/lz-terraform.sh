# Shared by plan-all.sh, apply-plans.sh and plan-summary.sh (sourced, not run).
#
# Stacks are read from the cdktf manifest ($LZ_OUT/manifest.json). In "role mode"
# (LZ_ROLE_NAME set, e.g. acme-pci-plan or acme-pci-deploy) each stack directory gets
# an override file that replaces the synthesized assume_role (the stack role) by an
# AWS profile, and an AWS config file maps each profile to LZ_ROLE_NAME in the stack's
# account. The override is the same for plan and apply, so a plan made with the
# read-only plan role is applied, unchanged, with the deploy role: only the AWS config
# (outside the plan file) differs.
#
# Base credentials of the profiles, one of:
#   LZ_CREDENTIAL_SOURCE=EcsContainer|Environment|Ec2InstanceMetadata   (CodeBuild, GitHub OIDC)
#   LZ_WEB_IDENTITY_ROLE_ARN + LZ_WEB_IDENTITY_TOKEN_FILE                 (GitLab OIDC)
#   LZ_SOURCE_PROFILE=<profile in your own ~/.aws/config>                 (a person)

LZ_OUT=${LZ_OUT:-cdktf.out}
LZ_MANIFEST="$LZ_OUT/manifest.json"
LZ_OVERRIDE=lz_override.tf.json

lz_die() {
  echo "error: $*" >&2
  exit 1
}

lz_require_manifest() {
  [[ -f "$LZ_MANIFEST" ]] || lz_die "$LZ_MANIFEST not found; fix: run \`npm run synth\` first"
  command -v jq >/dev/null || lz_die "jq is not installed; fix: install jq"
  command -v terraform >/dev/null || lz_die "terraform is not on PATH; fix: install terraform (scripts/install-terraform.sh)"
}

# Every stack of the manifest, sorted.
lz_all_stacks() {
  jq -r '.stacks | keys[]' "$LZ_MANIFEST"
}

# Fails on a name that is not a synthesized stack.
lz_check_stacks() {
  local s
  for s in "$@"; do
    jq -e --arg s "$s" '.stacks | has($s)' "$LZ_MANIFEST" >/dev/null ||
      lz_die "\"$s\" is not a synthesized stack; fix: use one of $(lz_all_stacks | tr '\n' ' ')"
  done
}

lz_stack_dir() {
  echo "$LZ_OUT/$(jq -r --arg s "$1" '.stacks[$s].workingDirectory' "$LZ_MANIFEST")"
}

# Prints the given stacks in deploy order, one wave per line (stacks of a wave do not
# depend on each other). Dependencies outside the selection count as done.
lz_waves() {
  local -a remaining=("$@") wave next
  local -A selected=() ordered=() deps=()
  local s d ready
  for s in "$@"; do selected[$s]=1; done
  # One jq call: "stack dep1 dep2 ..." per line.
  while read -r s d; do deps[$s]=$d; done < <(jq -r '.stacks | to_entries[] | "\(.key) \(.value.dependencies | join(" "))"' "$LZ_MANIFEST")
  while ((${#remaining[@]} > 0)); do
    wave=() next=()
    for s in "${remaining[@]}"; do
      ready=1
      for d in ${deps[$s]:-}; do
        if [[ -n "${selected[$d]:-}" && -z "${ordered[$d]:-}" ]]; then ready=0; fi
      done
      if ((ready)); then wave+=("$s"); else next+=("$s"); fi
    done
    ((${#wave[@]} > 0)) || lz_die "dependency cycle among: ${remaining[*]}"
    echo "${wave[*]}"
    for s in "${wave[@]}"; do ordered[$s]=1; done
    remaining=("${next[@]}")
  done
}

# Role mode: the override replacing the stack role by profiles (see top of file).
lz_write_override() {
  local stack=$1 dir
  dir=$(lz_stack_dir "$stack")
  jq --arg stack "$stack" '{
      terraform: { backend: { s3: (.terraform.backend.s3 | del(.assume_role) + { profile: "lz-state" }) } },
      provider: { aws: [ .provider.aws[] | ({ assume_role: [{ role_arn: "" }], profile: ("lz-" + $stack) }
                                            + (if .alias then { alias: .alias } else {} end)) ] }
    }' "$dir/cdk.tf.json" >"$dir/$LZ_OVERRIDE"
}

# Role mode: an AWS config with one profile per stack plus lz-state, all for LZ_ROLE_NAME.
lz_write_aws_config() {
  local role=$1 file="$LZ_OUT/aws-config" base s account partition state_arn
  if [[ -n "${LZ_WEB_IDENTITY_ROLE_ARN:-}" ]]; then
    [[ -n "${LZ_WEB_IDENTITY_TOKEN_FILE:-}" ]] || lz_die "LZ_WEB_IDENTITY_ROLE_ARN needs LZ_WEB_IDENTITY_TOKEN_FILE"
    base="source_profile = lz-web-identity"
  elif [[ -n "${LZ_SOURCE_PROFILE:-}" ]]; then
    base="source_profile = $LZ_SOURCE_PROFILE"
  elif [[ -n "${LZ_CREDENTIAL_SOURCE:-}" ]]; then
    base="credential_source = $LZ_CREDENTIAL_SOURCE"
  else
    lz_die "LZ_ROLE_NAME=$role needs base credentials; fix: set LZ_CREDENTIAL_SOURCE, LZ_SOURCE_PROFILE or LZ_WEB_IDENTITY_ROLE_ARN"
  fi
  {
    if [[ -n "${LZ_WEB_IDENTITY_ROLE_ARN:-}" ]]; then
      printf '[profile lz-web-identity]\nrole_arn = %s\nweb_identity_token_file = %s\nrole_session_name = lz-ci\n\n' "$LZ_WEB_IDENTITY_ROLE_ARN" "$LZ_WEB_IDENTITY_TOKEN_FILE"
    fi
    if [[ -n "${LZ_SOURCE_PROFILE:-}" && -f "${HOME}/.aws/config" ]]; then
      # Keep the person's own profile reachable from this config file.
      cat "${HOME}/.aws/config"
      echo
    fi
    for s in $(lz_all_stacks); do
      # account, partition, state role ARN of the stack, in one jq call
      read -r account partition state_arn < <(jq -r '[.provider.aws[0].allowed_account_ids[0], (.provider.aws[0].assume_role[0].role_arn | split(":")[1]), .terraform.backend.s3.assume_role.role_arn] | join(" ")' "$(lz_stack_dir "$s")/cdk.tf.json")
      printf '[profile lz-%s]\nrole_arn = arn:%s:iam::%s:role/%s\n%s\nrole_session_name = lz-%s\n\n' "$s" "$partition" "$account" "$role" "$base" "$s"
    done
    printf '[profile lz-state]\nrole_arn = %s:role/%s\n%s\nrole_session_name = lz-state\n' "${state_arn%%:role/*}" "$role" "$base"
  } >"$file"
  export AWS_CONFIG_FILE="$PWD/$file"
  [[ "$file" = /* ]] && export AWS_CONFIG_FILE="$file"
  # A profile in the environment would take precedence over the per-stack profiles.
  unset AWS_PROFILE AWS_DEFAULT_PROFILE
}
