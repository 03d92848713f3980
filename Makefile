# The two commands of the README: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv from PATH, else installed from PyPI into the user's Python on first use.
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
VENV := .venv
BIN := $(VENV)/bin
DEMO_USERS ?= 2000
DEMO_SEED ?= 42
DEMO_DROP ?= data/drops/demo
DEMO_DATE ?= $(shell date -u +%F)
LAKE ?= lake
DOCS_PORT ?= 8080
PORT ?= 8000
DASHBOARD_PORT ?= 3000
# Prefect and dbt report usage to the internet unless told not to.
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: help bootstrap run test lint format generate-full docs lambda-lock clean

help:
	@echo "make run    generate a demo drop, run the pipeline on it, serve the page on port $(PORT)"
	@echo "           and the analyst dashboard on port $(DASHBOARD_PORT)"
	@echo "make test   lint and run the whole test suite"
	@echo "make bootstrap   only install: .venv from uv.lock with every extra"
	@echo "make generate-full   one full-scale drop (206,209 users) in data/drops/full"
	@echo "make docs   build the dbt docs site for the lake and serve it on port $(DOCS_PORT)"

bootstrap: $(BIN)/reorder

$(BIN)/reorder: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv
	@# PySpark (the Glue script, run locally) needs a Java runtime; the page's browser test
	@# needs Chromium.
	@command -v java >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1 \
		|| { apt-get update -qq && apt-get install -y -qq default-jre-headless chromium; }
	@# Bytecode compiled once here: a Python told not to write it (PYTHONDONTWRITEBYTECODE,
	@# usual in containers and CI) would otherwise compile dbt's modules again at every start.
	$(UV) sync --frozen --all-extras --compile-bytecode
	@touch $@

run: bootstrap
	$(BIN)/reorder generate --users $(DEMO_USERS) --seed $(DEMO_SEED) --date $(DEMO_DATE) --out $(DEMO_DROP)
	$(BIN)/reorder run --input $(DEMO_DROP) --date $(DEMO_DATE) --lake $(LAKE)
	$(BIN)/reorder dashboard --lake $(LAKE) --no-serve
	@echo "The page: http://127.0.0.1:$(PORT)  (the API's documentation: /docs)"
	@echo "The dashboard: http://127.0.0.1:$(DASHBOARD_PORT)  (Ctrl-C stops both)"
	@# The dashboard's static site in the background, the page and API in the foreground.
	@$(BIN)/reorder dashboard --lake $(LAKE) --port $(DASHBOARD_PORT) --no-build & \
		dashboard=$$!; trap 'kill $$dashboard 2>/dev/null' EXIT; \
		$(BIN)/reorder serve --lake $(LAKE) --port $(PORT)

test: bootstrap lint
	$(BIN)/pytest -n 2 --dist loadfile

lint: bootstrap
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: bootstrap
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

generate-full: bootstrap
	$(BIN)/reorder generate --users 206209 --seed $(DEMO_SEED) --out data/drops/full

docs: bootstrap
	REORDER_LAKE=$(abspath $(LAKE)) $(BIN)/dbt docs generate
	REORDER_LAKE=$(abspath $(LAKE)) $(BIN)/dbt docs serve --host 127.0.0.1 --port $(DOCS_PORT)

# Re-pin the API's Lambda package after uv.lock changes (tests/api/test_lambda.py checks both
# agree). pyarrow and numpy are left free: their newest wheels need a newer glibc than Lambda's.
lambda-lock: bootstrap
	$(UV) export --frozen --no-hashes --no-emit-project --all-extras --format requirements-txt \
		| grep -Ev '^(pyarrow|numpy)==' > $(VENV)/lock-constraints.txt
	$(UV) pip compile api/lambda-requirements.in --constraint $(VENV)/lock-constraints.txt \
		--python-platform x86_64-manylinux2014 --python-version 3.11 --only-binary :all: \
		--no-header --quiet --output-file api/lambda-requirements.txt

clean:
	rm -rf $(VENV) data lake target logs .pytest_cache
