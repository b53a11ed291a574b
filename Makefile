# Two entry points (see README): `make run` and `make test`. Both set everything up first.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/xborder serve --host $(HOST) --port $(PORT)

# mypy reads the sources as one package through src/xborder/{graph,api,ontology}; in a checkout
# without symlinks (core.symlinks=false) those are plain files, so a view with links is built.
VIEW := $(VENV)/mypy-view

lint: $(STAMP)
	$(BIN)/ruff check .
	@if [ -d src/xborder/graph ]; then $(BIN)/mypy; else \
	  rm -rf $(VIEW) && mkdir -p $(VIEW)/xborder && \
	  for f in src/xborder/*.py; do ln -s "$$PWD/$$f" $(VIEW)/xborder/; done && \
	  for d in graph api ontology; do ln -s "$$PWD/$$d" $(VIEW)/xborder/$$d; done && \
	  MYPYPATH=$(VIEW) $(BIN)/mypy; fi

# The browser tests need a Chromium: .ci/browser finds one or installs it (Debian's chromium
# with apt-get where it can, else Playwright's), or fails saying what to do.
test: lint
	XBORDER_CHROMIUM="$$(.ci/browser $(BIN)/python)" && export XBORDER_CHROMIUM && \
	  $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/resolve_bench.py
	$(BIN)/python bench/transfer_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info src/*.egg-info
