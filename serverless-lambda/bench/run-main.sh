#!/usr/bin/env bash
# Runs one of this module's benchmark mains (test sources) on the jar the build makes, from the
# repository root: bench/run-main.sh CLASS [ARGS...]. It builds the module with the reactor (so
# app-core need not be installed), writes the test class path, and starts the main with it.
set -euo pipefail

main="${1:?usage: serverless-lambda/bench/run-main.sh CLASS [ARGS...]}"
shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
module="$root/serverless-lambda"
classpath_file="$module/target/bench-classpath.txt"

cd "$root"
# verify with -DskipTests: the -aws.jar, and the runtime client copied in pre-integration-test.
./mvnw -o -q -pl serverless-lambda -am verify dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  -Dlambda.jar="$module/target/serverless-lambda-0.1.0-SNAPSHOT-aws.jar" \
  -Dlambda.runtime.client="$module/target/lambda-runtime-client" \
  "com.example.inframodels.lambda.$main" "$@"
