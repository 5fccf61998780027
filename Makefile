# Developer tasks. `make check` runs what CI runs (.ci/run), in the local virtualenv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: help check test lint types format schema bench clean

help:  ## list the tasks
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/warmreach: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -e '.[dev]'
	touch $@

check: lint types  ## lint, type-check and test every property at full size: what CI runs
	HYPOTHESIS_PROFILE=ci $(BIN)/pytest

test: $(BIN)/warmreach  ## run the test suite (properties at a fifth of their size)
	$(BIN)/pytest

lint: $(BIN)/warmreach  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(BIN)/warmreach  ## mypy, strict, on src, tests and benchmarks
	$(BIN)/mypy

format: $(BIN)/warmreach  ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

schema: $(BIN)/warmreach  ## regenerate docs/network.schema.json
	$(BIN)/warmreach schema > docs/network.schema.json

bench: $(BIN)/warmreach  ## every command at 1k, 10k and 30k contacts, against the YAML floor
	$(BIN)/python benchmarks/bench_all.py

clean:  ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
