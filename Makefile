# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint typecheck bench native pure test-native clean
NATIVE := build/native.stamp

install: $(STAMP)

$(STAMP): setup.cfg setup.py pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

run: install
	$(BIN)/corroborate report fixtures/corpus

test: install lint typecheck
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check analyzer tests benchmarks
	$(BIN)/ruff format --check analyzer tests benchmarks

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/bench_extract.py

# Optional: compile the analysis with mypyc (needs a C compiler; about five minutes). Same output, faster.
native: install $(NATIVE)

$(NATIVE): setup.py $(shell find analyzer -name '*.py')
	ANALYZER_NATIVE=1 $(BIN)/python setup.py --quiet build_ext --inplace --parallel 2
	find analyzer \( -name '*.so' -o -name '*.pyd' \) -exec touch {} +  # built now (the copy kept old times)
	touch $(NATIVE)

# Back to the interpreted sources only.
pure:
	find analyzer \( -name '*.so' -o -name '*.pyd' \) -delete
	rm -f $(NATIVE)

# The tests again on the compiled modules (the doctests ran on the sources in `make test`).
test-native: native
	$(BIN)/python -m pytest -q tests

clean: pure
	rm -rf $(VENV) build *.egg-info
