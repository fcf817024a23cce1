# flashpoint: make demo | make test | make bench
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= demo.db
SHARED ?= ../shared

VENDOR := src/flashpoint/web/static/vendor/.built
HOST  ?= 127.0.0.1
PORT  ?= 8000

.PHONY: install demo test lint typecheck unit gate bench serve clean train

install: $(VENV)/.installed $(VENDOR)

# The page's libraries: from the npm registry at build time, shipped inside the package.
$(VENDOR): frontend/package.json frontend/package-lock.json frontend/build.mjs
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	node frontend/build.mjs

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "flashpoint needs Python 3.11+"'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/flashpoint ingest demo/corpus --db $(DEMO_DB)
	$(BIN)/flashpoint stats --db $(DEMO_DB)
	$(BIN)/flashpoint timeline --db $(DEMO_DB)

lint: install
	$(BIN)/ruff check src tests bench demo train
	$(BIN)/ruff format --check src tests bench demo train

typecheck: install
	$(BIN)/mypy

unit: install
	FLASHPOINT_SHARED=$(SHARED) $(BIN)/pytest

gate: install
	$(BIN)/flashpoint eval-gate --shared $(SHARED)

test: lint typecheck unit gate

# The eventiveness model: the team's own sentences -> src/flashpoint/data/eventive_model.json.
train: install
	$(BIN)/python train/eventive/generate.py
	$(BIN)/python train/eventive/train.py --cv

bench: install
	FLASHPOINT_SHARED=$(SHARED) $(BIN)/python bench/bench_ingest.py
	FLASHPOINT_SHARED=$(SHARED) $(BIN)/python bench/bench_extract.py
	FLASHPOINT_SHARED=$(SHARED) $(BIN)/python bench/bench_workers.py
	FLASHPOINT_SHARED=$(SHARED) $(BIN)/python bench/bench_geo.py
	$(BIN)/python bench/bench_events.py
	$(BIN)/python bench/bench_api.py

serve: install
	$(BIN)/flashpoint serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)*
	rm -rf frontend/node_modules src/flashpoint/web/static/vendor test-artifacts
