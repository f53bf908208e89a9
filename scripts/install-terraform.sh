#!/usr/bin/env bash
# Installs terraform <version> (linux amd64) into /usr/local/bin, checking the archive
# against HashiCorp's SHA256SUMS. Used by the CodeBuild projects; CI runners use
# hashicorp/setup-terraform. Set TERRAFORM_SHA256 to pin the archive's checksum.
set -euo pipefail
version=${1:?usage: install-terraform.sh <version>}
if command -v terraform >/dev/null && terraform version | head -1 | grep -q "v$version\$"; then
  echo "terraform $version already installed"
  exit 0
fi
tmp=$(mktemp -d)
zip="terraform_${version}_linux_amd64.zip"
base="https://releases.hashicorp.com/terraform/$version"
curl -fsSL -o "$tmp/$zip" "$base/$zip"
if [[ -n "${TERRAFORM_SHA256:-}" ]]; then
  echo "$TERRAFORM_SHA256  $zip" >"$tmp/SHA256SUMS"
else
  curl -fsSL -o "$tmp/SHA256SUMS.all" "$base/terraform_${version}_SHA256SUMS"
  grep " $zip\$" "$tmp/SHA256SUMS.all" >"$tmp/SHA256SUMS"
fi
(cd "$tmp" && sha256sum -c SHA256SUMS)
unzip -o -q "$tmp/$zip" -d "$tmp/bin"
install -m 0755 "$tmp/bin/terraform" /usr/local/bin/terraform
rm -rf "$tmp"
terraform version
