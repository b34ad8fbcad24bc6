#!/usr/bin/env bash
# The README's set-up guide for a database server ("A database server for many desks"),
# followed on this machine: a fresh PostgreSQL cluster (initdb in a temporary folder, on a
# port of its own, laid out as Debian's: conf.d/ included, local log-ins by peer), then the
# guide's own shell blocks, read from the README (each block after a
# "<!-- guide-test: NAME -->" line), run in order. Only the settings block is replaced:
# the folder, the port, 127.0.0.1 as the LAN and the server, and fixed passwords; `sudo`
# and `systemctl` are stand-ins that act on the temporary cluster. Not run: installing the
# package and the firewall rule (they change this machine). Then, as a desk's role: a
# wrong password and an unencrypted connection are refused, a score is saved through
# the command line, and the audit trail cannot be deleted. The cluster is stopped and
# removed at the end, whatever happens.
#
#   bash tests/server_guide_test.sh [GUIDE.md]      (default: README.md; `make guide-test`)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
guide=${1:-$here/README.md}
cli=${CONTEST_DESK_CLI:-$here/.venv/bin/contest-desk}
port=${CONTEST_DESK_GUIDE_PORT:-54339}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(find_bin)
if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "The guide's test needs PostgreSQL. Run:  sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  apt-get install -y -q postgresql >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
  bin=$(find_bin)
fi

# The guide's marked blocks, in order.
steps=$(mktemp -d)
awk -v out="$steps" '
  /^<!-- guide-test: [a-z]+ -->$/ { name = $3; n++; wanted = 1; next }
  wanted && /^```/ && !inside { inside = 1; file = sprintf("%s/%02d-%s.sh", out, n, name); next }
  inside && /^```/ { inside = 0; wanted = 0; next }
  inside { print > file }
' "$guide"
for name in settings roles network tls restart app backup; do
  if ! ls "$steps"/*-"$name".sh >/dev/null 2>&1; then
    echo "The guide in $guide has no block marked guide-test: $name" >&2
    exit 1
  fi
done

work=$(mktemp -d)
dir=$work/cluster
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() {
  as_owner "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work" "$steps"
}
trap stop EXIT

# A fresh cluster, as Debian's package makes one: local log-ins by peer, nothing else.
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir" "$work" && chmod 755 "$work"
as_owner "$bin/initdb" -D "$dir" -U postgres -E UTF8 --no-locale --auth-local=peer \
  --auth-host=reject >/dev/null
as_owner mkdir "$dir/conf.d"
echo "include_dir = 'conf.d'" | as_owner tee -a "$dir/postgresql.conf" >/dev/null
printf 'local all all peer\n' | as_owner tee "$dir/pg_hba.conf" >/dev/null
if [ "$(id -u)" != 0 ]; then  # peer maps the OS user: here it is not called postgres
  printf 'local all all trust\n' >"$dir/pg_hba.conf"
fi
server_opts="-p $port -k $dir"
as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "$server_opts" start >/dev/null

# The settings block, for this machine; and the stand-ins for sudo and systemctl.
cat >"$work/run.sh" <<EOF
set -euo pipefail
export PATH="$bin:$(dirname "$cli"):\$PATH" PGHOST="$dir"
export CONTEST_DESK_NEW_PASSWORD=admin-guide-2026 LC_ALL=C.UTF-8
PGCONF="$dir" PGPORT=$port LAN=127.0.0.1/32 DB_SERVER=127.0.0.1 DB_SERVER_NAME=localhost
export PGPORT
OWNER_PASSWORD='owner pw: guide' DESK_PASSWORD='desk-pw-guide'
sudo() {
  if [ "\$1" = -u ]; then shift 2
    if [ "\$(id -u)" = 0 ]; then runuser -u postgres -- "\$@"; return; fi
  fi
  if [ "\$1" = chown ] && [ "\$(id -u)" != 0 ]; then return 0; fi
  "\$@"
}
systemctl() {
  if [ "\$(id -u)" = 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "$server_opts" restart >/dev/null
  else
    "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "$server_opts" restart >/dev/null
  fi
}
cd "$work"
EOF
for step in "$steps"/*.sh; do
  case $step in *-settings.sh) continue ;; esac
  echo "# ${step##*/}" >>"$work/run.sh"
  cat "$step" >>"$work/run.sh"
done

# What a desk then does, beyond the guide.
cat >>"$work/run.sh" <<'EOF'
echo "# the guide's commands ran; now a desk at work"
wrong=$(PGPASSWORD=not-it contest-desk --lang en server check "$DESK_URL" || true)
grep -q "refused the password of desk1" <<<"$wrong" || { echo "$wrong"; exit 1; }
plain="postgresql+psycopg://desk1@$DB_SERVER:$PGPORT/contests?sslmode=disable"
unencrypted=$(PGPASSWORD="$DESK_PASSWORD" contest-desk --lang en server check "$plain" || true)
grep -q "pg_hba.conf" <<<"$unencrypted" || { echo "$unencrypted"; exit 1; }

export PGPASSWORD="$DESK_PASSWORD"
cat >contest.json <<'JSON'
{"format": "contest-desk/contest", "version": 2, "certificate_public_key": null,
 "contest": {"name": "服务器试运行", "kind": "skill", "organizer": "采油厂工会",
             "start_date": "2026-05-12", "end_date": "2026-05-12", "status": "running"},
 "units": ["采油一区", "培训中心"],
 "persons": [{"employee_no": "26010001", "name": "黄宏伟", "unit": "采油一区",
              "job_type": "采油工", "skill_level": "技师"}],
 "teams": [],
 "judges": [{"username": "judge1", "name": "张振华", "unit": "培训中心",
             "assignments": [{"event": "理论考试", "round": null}]}],
 "events": [{"name": "理论考试", "mode": "individual",
   "parts": [{"name": "理论", "weight": "1", "criteria": [{"code": "T1", "kind": "measurement",
      "max_points": "100", "name": "理论试卷", "step": "0.5", "weight": "1",
      "rule": {"mode": "direct", "target": "0", "tolerance": "0", "unit": "1",
               "deduction_per_unit": "0"}}]}],
   "rounds": [{"number": 1, "name": "决赛", "weight": "1", "advance": null, "closed": false}],
   "entries": [{"code": "A001", "person": "26010001", "status": "active", "eliminated": null}],
   "scores": [], "timings": [],
   "settings": {"aggregation": "mean", "trim": 0, "places": 2, "judges_per_entry": 1,
                "discrepancy_threshold": "0.2", "tie_breaks": [],
                "award_rule": {"mode": "shares", "min_score": null,
                               "levels": [{"name": "一等奖", "value": "0.5"}]}}}]}
JSON
printf 'entry,judge,criterion,value\nA001,judge1,T1,88.5\n' >scores.csv
desk() { contest-desk --lang en --db "$DESK_URL" "$@"; }
CONTEST_DESK_PASSWORD=admin-guide-2026 CONTEST_DESK_NEW_PASSWORD=organizer-guide-2026 \
  desk --user admin user add organizer --role organizer --name 赵晓梅
export CONTEST_DESK_PASSWORD=organizer-guide-2026
contest=$(desk --user organizer import contest contest.json --format json | tr -dc 0-9)
event=$(desk --user organizer contests --format json |
  python3 -c "import json,sys; print([c for c in json.load(sys.stdin) if c['id'] == $contest][0]['events'][0]['id'])")
desk --user organizer import scores scores.csv --event "$event"
standing=$(desk --user organizer standings --event "$event" --format csv)
grep -q "^1,A001,黄宏伟,采油一区,88.50,88.50," <<<"$standing" || { echo "$standing"; exit 1; }
CONTEST_DESK_PASSWORD=admin-guide-2026 desk --user admin audit verify
if psql "postgresql://desk1@$DB_SERVER:$PGPORT/contests?sslmode=require" -qc "DELETE FROM audit_log" 2>/dev/null; then
  echo "desk1 could delete the audit trail" >&2
  exit 1
fi
ls contests-*.dump >/dev/null
echo "# the guide works: server init, grant, check, a score saved by desk1, a pg_dump backup"
EOF
bash "$work/run.sh"
