#!/usr/bin/env bash
# A real Jenkins with the Nexor plugin, a local Nexor (nexor-sandbox) and two demo jobs, for trying the plugin by
# hand. Needs Maven to reach https://repo.jenkins-ci.org (the plugin's build does). See demo/README.md.
#
#   demo/jenkins.sh [MAVEN_ARGS]    build, start the sandbox on 127.0.0.1:8787, run Jenkins (Ctrl-C stops both);
#                                   MAVEN_ARGS go to hpi:run, e.g. -Dport=8090
#   demo/jenkins.sh --sandbox-only  build the Jenkins-free modules and run only the sandbox (works offline)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=8787
SANDBOX_ONLY=
if [ "${1:-}" = "--sandbox-only" ]; then
  SANDBOX_ONLY=1
  shift
else
  # hpi:run starts Jenkins with the JVM that runs Maven (JAVA_HOME, else java on the PATH); Jenkins 2.555 needs 21+
  JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  JAVA_FEATURE=$("$JAVA_BIN" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  JAVA_FEATURE=${JAVA_FEATURE#1.}
  if [ "${JAVA_FEATURE:-0}" -lt 21 ] 2> /dev/null; then
    echo "Maven would run Jenkins on Java ${JAVA_FEATURE:-?} ($JAVA_BIN); Jenkins needs Java 21 or 25: point JAVA_HOME at one" >&2
    exit 1
  fi
fi

echo "== building the Jenkins-free modules (nexor-client, nexor-sandbox) into the local Maven repository"
mvn -B -q -DwithoutJenkins install -DskipTests

if curl -fs "http://127.0.0.1:$PORT/" > /dev/null 2>&1; then
  echo "== something already answers on 127.0.0.1:$PORT; using it as the sandbox"
  SANDBOX_PID=
else
  echo "== starting nexor-sandbox on 127.0.0.1:$PORT (log: nexor-sandbox/target/demo-sandbox.log)"
  java -jar nexor-sandbox/target/nexor-sandbox.jar --port "$PORT" > nexor-sandbox/target/demo-sandbox.log 2>&1 &
  SANDBOX_PID=$!
  trap '[ -n "${SANDBOX_PID}" ] && kill "${SANDBOX_PID}" 2> /dev/null || true' EXIT
  for _ in $(seq 1 50); do
    curl -fs "http://127.0.0.1:$PORT/" > /dev/null 2>&1 && break
    kill -0 "$SANDBOX_PID" 2> /dev/null || { cat nexor-sandbox/target/demo-sandbox.log; exit 1; }
    sleep 0.2
  done
fi
echo "== sandbox${SANDBOX_PID:+ (pid $SANDBOX_PID)}: http://127.0.0.1:$PORT/ (messages it received), API http://127.0.0.1:$PORT/api/public"

if [ -n "$SANDBOX_ONLY" ]; then
  echo "== --sandbox-only: Ctrl-C to stop"
  wait
  exit 0
fi

echo "== running Jenkins with the plugin (mvn -Pdemo hpi:run); open the URL printed after 'Browse to:'"
mvn -B -f plugin/pom.xml -Pdemo "$@" hpi:run
