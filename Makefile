# Contest Desk: `make run` opens the app on a demo database, `make test` runs every check headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
# Qt needs these on a bare Debian/Ubuntu machine: the first group for any platform
# (offscreen included), the second for a real display (xcb).
QT_DEBS := libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
# The browser tests drive the scoring hub's real pages in Debian's headless Chromium.
BROWSER_DEBS := chromium chromium-driver

.PHONY: run test lint typecheck pytest reliability pg-stop bench bench-scale demo system-deps doc-deps bench-peer-deps clean \
	bundle bundle-test guide-test desk-role-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Installs what Qt needs when run as root on Debian/Ubuntu; otherwise names the exact command.
system-deps:
	@missing=$$(for p in $(QT_DEBS) $(BROWSER_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ] || ! command -v dpkg-query >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing Qt's system libraries and the test browser: $$missing"; \
		apt-get install -y -q $$missing >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q $$missing >/dev/null; }; \
	else \
		echo "Qt and the browser tests need system packages. Run:  sudo apt-get install -y $$missing"; exit 1; \
	fi

run: system-deps $(VENV)/.installed
	test -f $(DEMO_DB) || $(BIN)/contest-desk --db $(DEMO_DB) demo
	$(BIN)/contest-desk --db $(DEMO_DB)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed
	$(BIN)/mypy

# The service and storage tests run on SQLite and on a private PostgreSQL server. The test
# files are shared out among parallel workers, one per core up to four, each file whole on
# one worker (tests/parallel.py says how); `make pytest PYTEST_WORKERS=0` runs them in one.
PYTEST_WORKERS ?= auto
pytest: system-deps $(VENV)/.installed
	url=$$(bash tests/pg_server.sh) && CONTEST_DESK_TEST_PG=$$url $(BIN)/pytest -q \
		-n $(PYTEST_WORKERS) --maxprocesses=4 --dist loadfile

# The crash harness in full: 100 kills of a score writer, a fifth as many of every other
# kind of work (`make test` runs it with 5). CONTEST_DESK_CRASH_SEED repeats a run.
reliability: $(VENV)/.installed
	CONTEST_DESK_CRASH_KILLS=$${CONTEST_DESK_CRASH_KILLS:-100} $(BIN)/pytest -q tests/reliability

pg-stop:
	bash tests/pg_server.sh stop

# The README's set-up guide for a database server, followed on this machine: a fresh
# PostgreSQL cluster in a temporary folder, the guide's own marked shell blocks run on it,
# a desk saving a score (about 30 s; part of `make test`, after pytest).
guide-test: $(VENV)/.installed
	bash tests/server_guide_test.sh

# The service tests on PostgreSQL through a desk's role with only `server grant`'s rights
# (tests/cli/desk_role.py): a service needing a right the grants leave out fails here.
desk-role-test: $(VENV)/.installed
	url=$$(bash tests/pg_server.sh) && CONTEST_DESK_TEST_PG=$$url $(BIN)/pytest -q \
		-p tests.cli.desk_role -k postgresql tests/services

test: lint typecheck pytest guide-test

# The scoring hub's load bench runs on PostgreSQL too when the tests' server can start
# (5 minutes a backend; CONTEST_DESK_BENCH_HUB_SECONDS shortens it).
bench: system-deps $(VENV)/.installed
	url=$$(bash tests/pg_server.sh || true) && CONTEST_DESK_TEST_PG=$$url $(BIN)/python -m tests.benchmarks
	$(MAKE) bench-scale

# Speed at scale (issue 16; `make bench` runs it last): 100,000 persons and 1.4 M scores, on SQLite and on the tests'
# PostgreSQL server; about 12 minutes (the SQLite file is built once, about a minute, and kept
# in ~/.cache/contest-desk-bench/). BENCH_SCALE_ARGS="--size small" tries it in a few minutes.
bench-scale: system-deps $(VENV)/.installed
	url=$$(bash tests/pg_server.sh || true) && CONTEST_DESK_TEST_PG=$$url nice -n 19 \
		$(BIN)/python -m tests.benchmarks.bench_scale $(BENCH_SCALE_ARGS)

# For the README's pictures of PDFs (pdftoppm); the tests do not need it.
doc-deps:
	@command -v pdftoppm >/dev/null || apt-get install -y -q poppler-utils >/dev/null

# LibreOffice headless, the certificates benchmark's peer (what offices do today); the
# benchmark runs without it and says so. Root on Debian/Ubuntu only.
bench-peer-deps:
	@command -v soffice >/dev/null || apt-get install -y -q libreoffice-writer-nogui >/dev/null

# The one-folder bundle for the machine it runs on (Linux here, Windows on a Windows runner:
# installer/README.md), in dist/contest-desk/. Not part of `make test`: it takes minutes.
BUNDLE := dist/contest-desk
bundle: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test,bundle]'
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		installer/contest_desk.spec
	@# Debug symbols off the libraries (about 50 MB on Linux), but not the wheels' patchelf-
	@# repaired ones in *.libs/, which strip breaks (installer/contest_desk.spec says how).
	if [ "$$(uname -s)" = Linux ] && command -v strip >/dev/null; then \
		find $(BUNDLE) -type f \( -name '*.so' -o -name '*.so.*' \) ! -path '*.libs/*' \
			-exec strip --strip-unneeded {} +; fi
	du -sh $(BUNDLE)

# Starts the built bundle headless and checks each exit status and output: --version, the
# demo into a fresh database, the standings report to CSV, the results notice to PDF (the
# bundled font), the scoring hub's log-in page, and the window on the offscreen platform
# (CONTEST_DESK_SMOKE=1 closes the first window once it is shown).
bundle-test:
	bash installer/bundle_test.sh $(BUNDLE)

clean:
	rm -rf $(VENV) build dist *.egg-info
