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

# what holds the port, for the messages below (ss or lsof, whichever the machine has)
holder() {
  { ss -ltnpH "sport = :$PORT" 2> /dev/null || lsof -nP -iTCP:"$PORT" -sTCP:LISTEN 2> /dev/null; } | head -n 3
}

# a nexor-sandbox answers the demo key with the demo workflow; anything else on the port is not one
is_sandbox() {
  curl -fs -H "X-API-Key: nxr_live_sandbox_demo_key" "http://127.0.0.1:$PORT/api/public/workflows" 2> /dev/null \
    | grep -q "5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a"
}

if is_sandbox; then
  echo "== a nexor-sandbox already runs on 127.0.0.1:$PORT; using it"
  holder | sed 's/^/   /'
  SANDBOX_PID=
  if [ -n "$SANDBOX_ONLY" ]; then
    echo "== --sandbox-only: nothing to start (stop that sandbox first to start a new one)"
    exit 0
  fi
elif curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2> /dev/null || [ -n "$(holder)" ]; then
  echo "error: port $PORT is taken by something that is not nexor-sandbox:" >&2
  holder | sed 's/^/   /' >&2
  echo "stop it, or run the sandbox elsewhere (java -jar nexor-sandbox/target/nexor-sandbox.jar --port N) and point Jenkins at it" >&2
  exit 1
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
  wait "$SANDBOX_PID"
  exit 0
fi

echo "== running Jenkins with the plugin (mvn -Pdemo hpi:run); open the URL printed after 'Browse to:'"
mvn -B -f plugin/pom.xml -Pdemo "$@" hpi:run
