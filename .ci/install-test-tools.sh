#!/usr/bin/env bash
# Tools the test suite drives that do not come from Maven: Chromium for the browser tests and
# cfn-lint (npm) for the CloudFormation templates. Idempotent; quiet when already present.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "installing chromium and chromium-driver (Debian packages)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if [ ! -x .ci/node_modules/.bin/cfn-lint ]; then
  echo "installing cfn-lint (npm)"
  (cd .ci && npm install --silent --no-audit --no-fund --prefix . cfn-lint@1.9.7 >/dev/null)
fi
