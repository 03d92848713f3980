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

.PHONY: help bootstrap run test lint format generate-full clean

help:
	@echo "make run    generate a demo drop and run the pipeline on it (embedded, local)"
	@echo "make test   lint and run the whole test suite"
	@echo "make generate-full   one full-scale drop (206,209 users) in data/drops/full"

bootstrap: $(BIN)/reorder

$(BIN)/reorder: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv
	$(UV) sync --frozen --all-extras
	@touch $@

run: bootstrap
	$(BIN)/reorder generate --users $(DEMO_USERS) --seed $(DEMO_SEED) --out $(DEMO_DROP)

test: bootstrap lint
	$(BIN)/pytest

lint: bootstrap
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: bootstrap
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

generate-full: bootstrap
	$(BIN)/reorder generate --users 206209 --seed $(DEMO_SEED) --out data/drops/full

clean:
	rm -rf $(VENV) data lake target logs .pytest_cache
