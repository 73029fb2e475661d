# Two entry points: `make demo` (set up + run the main job on the bundled example) and
# `make test` (set up + lint + type-check + tests). Only Python 3.11+ is needed beforehand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Keep every tool cache inside the project, never in $HOME.
export XDG_CACHE_HOME := $(CURDIR)/.cache
export PIP_CACHE_DIR  := $(CURDIR)/.cache/pip
export MYPY_CACHE_DIR := $(CURDIR)/.cache/mypy

.PHONY: demo test lint bench clean chromium postgresql

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,serve,dask,postgres,embed]'
	touch $@

demo: $(BIN)/.installed
	mkdir -p out
	$(BIN)/warta digest examples/banjir --format md -o out/brief.md
	$(BIN)/warta digest examples/banjir --format html -o out/brief.html
	$(BIN)/warta digest examples/banjir --format json -o out/brief.json
	@cat out/brief.md
	@echo "\nWrote out/brief.md, out/brief.html and out/brief.json"

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# The browser tests drive Debian's chromium (never a downloaded browser build): install it
# when it is missing and apt is there (CI runs as root on Debian).
chromium:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

# The PostgreSQL store's tests start a throw-away server from Debian's postgresql package
# (initdb + pg_ctl into a temp dir, Unix socket only): install it when it is missing.
postgresql:
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
		&& command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's postgresql for the store tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; \
	fi

test: lint chromium postgresql
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) .cache out build *.egg-info
