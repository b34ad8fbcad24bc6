#!/usr/bin/env bash
# `make bundle-test`: runs the built bundle headless and checks each step's exit status and
# output. Usage: bash installer/bundle_test.sh [dist/contest-desk]
set -u
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=${1:-dist/contest-desk}
[ -d "$BUNDLE" ] && BUNDLE=$(cd "$BUNDLE" && pwd)
CLI="$BUNDLE/contest-desk"
GUI="$BUNDLE/contest-desk-gui"
[ -x "$CLI" ] && [ -x "$GUI" ] || { echo "no bundle at $BUNDLE: run make bundle first"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The bundle must not reach into the source tree or the venv: run it from elsewhere.
cd "$WORK" || exit 1
export QT_QPA_PLATFORM=offscreen
failed=0
check() {  # check NAME STATUS OUTPUT-FILE EXPECTED-TEXT
    if [ "$2" -eq 0 ] && grep -q -- "$4" "$3"; then
        echo "ok   $1"
    else
        echo "FAIL $1 (exit status $2, expected '$4' in its output):"; sed 's/^/     /' "$3"
        failed=1
    fi
}

version=$(tr -d '\r' <"$REPO/pyproject.toml" | sed -n 's/^version = "\(.*\)"/\1/p')  # CRLF in a Windows checkout
"$CLI" --version >out.txt 2>&1
check "--version" $? out.txt "contest-desk $version"

"$CLI" --db "$WORK/demo.db" demo >out.txt 2>&1
check "demo into a new database" $? out.txt "演示竞赛"
"$CLI" --db "$WORK/demo.db" --lang en contests >out.txt 2>&1
check "contests of the demo" $? out.txt "event 1: "

"$CLI" --db "$WORK/demo.db" standings --event 1 --out "$WORK/standings.csv" >out.txt 2>&1
status=$?
cp "$WORK/standings.csv" out.txt 2>/dev/null || : >out.txt
check "standings report to CSV" $status out.txt "名次,编号,姓名"

"$CLI" --db "$WORK/demo.db" judges --event 1 --format json >out.txt 2>&1
check "judges' consistency report" $? out.txt "{"

# A PDF with the bundled Chinese font: the demo's organizer prints the provisional notice.
CONTEST_DESK_PASSWORD=organizer-2026 "$CLI" --db "$WORK/demo.db" --user organizer \
    notice --event 1 --provisional --out "$WORK/notice.pdf" >out.txt 2>&1
status=$?
head -c 5 "$WORK/notice.pdf" >out.txt 2>/dev/null || : >out.txt
check "results notice to PDF" $status out.txt "%PDF-"

# The scoring hub: its log-in page from the bundled templates, and a static file.
PORT=${CONTEST_DESK_BUNDLE_TEST_PORT:-18765}
CONTEST_DESK_PASSWORD=organizer-2026 "$CLI" --db "$WORK/demo.db" --user organizer \
    serve --host 127.0.0.1 --port "$PORT" >hub.txt 2>&1 &
hub=$!
status=1
for _ in $(seq 1 60); do
    curl -sfL "http://127.0.0.1:$PORT/" -o out.txt && status=0 && break
    sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/static/hub.css" >/dev/null || status=1
kill "$hub" 2>/dev/null
wait "$hub" 2>/dev/null
[ $status -eq 0 ] || cat hub.txt >>out.txt
check "scoring hub's log-in page" $status out.txt "<title>"

# The window: CONTEST_DESK_SMOKE=1 prints the first shown window's title, closes it, leaves.
# A windowed program on Windows has no standard output: there the console one opens it.
WINDOW="$GUI"
case "$(uname -s)" in MINGW* | MSYS* | CYGWIN*) WINDOW="$CLI" ;; esac
CONTEST_DESK_SMOKE=1 "$WINDOW" --db "$WORK/demo.db" --lang zh_CN >out.txt 2>&1
check "window on the offscreen platform" $? out.txt "shown: "

[ $failed -eq 0 ] && echo "bundle-test: all passed" || echo "bundle-test: FAILED"
exit $failed
