#!/usr/bin/env bash
# The whole test suite, from a fresh clone: builds everything (the dashboard too), runs the dashboard's unit tests
# and every .NET test project, and closes with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_gcServer=0
log_dir=$(mktemp -d)
failed_steps=()

step() { # name, command...
  local name=$1; shift
  echo "==> $name"
  if ! "$@" 2>&1 | tee "$log_dir/$name.log"; then
    failed_steps+=("$name")
  fi
}

# What the tests need from the machine: Debian's redis-server (the cluster and Redis storage tests start their own on
# free ports) and kubectl with its built-in kustomize (renders k8s/ offline). Installed when missing.
need() { # command, Debian package
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing $2 (the tests need $1)"
  if ! { apt-get install -y "$2" || { apt-get update && apt-get install -y "$2"; }; } >/dev/null; then
    echo "could not install $2: install it, then run the tests again"; return 1
  fi
}
step prerequisites bash -c "$(declare -f need); need redis-server redis-server && need kubectl kubectl"

step build dotnet build CxLive.sln -c Release -warnaserror
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
step format dotnet format CxLive.sln --verify-no-changes --no-restore
step dashboard env NO_COLOR=1 FORCE_COLOR=0 bash -c 'cd dashboard && npm test'
step dotnet-tests dotnet test CxLive.sln -c Release --no-build
# Browser tests: the Release api built above, started by the tests on a free 127.0.0.1 port with a temp data folder,
# driven through the machine's Chromium (apt-get installs it when missing) by playwright-core.
step e2e env NO_COLOR=1 FORCE_COLOR=0 bash -c 'cd dashboard && npm run e2e'

passed=$(grep -hoE 'Passed: +[0-9]+' "$log_dir/dotnet-tests.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -hoE 'Failed: +[0-9]+' "$log_dir/dotnet-tests.log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -hoE 'Skipped: +[0-9]+' "$log_dir/dotnet-tests.log" | awk '{s+=$2} END {print s+0}')
vitest_count() { # log, word: the count of "N word" on Vitest's closing "Tests" line
  sed 's/\x1b\[[0-9;]*m//g' "$log_dir/$1.log" | grep -E '^ +Tests ' | tail -n 1 | grep -oE "[0-9]+ $2" | awk '{s+=$1} END {print s+0}'
}
for log in dashboard e2e; do
  passed=$((passed + $(vitest_count "$log" passed)))
  failed=$((failed + $(vitest_count "$log" failed)))
  skipped=$((skipped + $(vitest_count "$log" skipped)))
done

if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}"
  [ "$failed" -eq 0 ] && failed=${#failed_steps[@]}
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ ${#failed_steps[@]} -eq 0 ] && [ "$failed" -eq 0 ]
