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

# On the sources, whether or not `make native` has compiled them (doctests cannot be collected from compiled
# modules); `make test-native` runs the tests on the compiled ones.
test: install lint typecheck
	ANALYZER_PURE=1 $(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check analyzer tests benchmarks
	$(BIN)/ruff format --check analyzer tests benchmarks

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/bench_extract.py

# Optional: compile the analysis with mypyc (needs a C compiler; about five minutes). Same output, faster.
native: install $(NATIVE)

# Stamped with the time the build began: a source saved during the build makes it stale (analyzer.native).
$(NATIVE): setup.py $(shell find analyzer -name '*.py')
	find analyzer \( -name '*.so' -o -name '*.pyd' \) -delete
	mkdir -p build && touch build/native.start
	ANALYZER_NATIVE=1 $(BIN)/python setup.py --quiet build_ext --inplace --parallel 2
	find analyzer \( -name '*.so' -o -name '*.pyd' \) -exec touch -r build/native.start {} +
	touch -r build/native.start $(NATIVE)

# Back to the interpreted sources only.
pure:
	find analyzer \( -name '*.so' -o -name '*.pyd' \) -delete
	rm -f $(NATIVE)

# The tests again on the compiled modules (the doctests run on the sources, in `make test`).
test-native: native
	$(BIN)/python -m pytest -q tests

clean: pure
	rm -rf $(VENV) build *.egg-info
