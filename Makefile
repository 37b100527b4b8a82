# Quick start: `make run` sets up and starts the app; `make test` sets up and runs the tests.
# Both create a virtual environment in .venv with the machine's python3 (3.11 or newer).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench check clean

run: $(VENV)/.app
	$(BIN)/innovationslek $(ARGS)

# The rules run before the tests: import contracts, lint, types (configured in pyproject.toml).
test: lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test
	$(BIN)/lint-imports
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy

bench: $(VENV)/.test
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

check: $(VENV)/.app
	$(BIN)/innovationslek check decks/*.toml themes/*.toml

$(VENV)/.app: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q kiosk
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.app
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info
