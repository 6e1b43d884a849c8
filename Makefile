# Two commands matter: `make demo` and `make test`. Both create .venv with the machine's python3
# and install the pinned package (torch 2.13.0 comes from this machine's wheel cache, first, so that
# nothing asks for a CUDA build).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= $(CURDIR)/.demo/stancemap.db
QUESTION ?= What is Kazakhstan's position on the Russian invasion of Ukraine?
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install demo test lint bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev,ray]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	mkdir -p $(dir $(DEMO_DB))
	rm -f $(DEMO_DB)
	$(BIN)/stancemap --db $(DEMO_DB) ingest data/corpus/kazakhstan-2022
	$(BIN)/stancemap --db $(DEMO_DB) ask "$(QUESTION)"

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

test: install lint
	$(BIN)/pytest -q

# Accuracy on the seed gold and on dev-world (dev to tune, test to report), ingested into a scratch store.
SHARED ?= $(CURDIR)/../shared
EVAL_DB ?= $(CURDIR)/.eval/eval.db
# dev-world in its own store: pairs of documents across the two corpora are no one's gold
EVAL_DB_DW ?= $(CURDIR)/.eval/dev-world.db
eval: install
	mkdir -p $(dir $(EVAL_DB))
	@echo "== seed (kazakhstan-2022)"
	@$(BIN)/stancemap --db $(EVAL_DB) -q eval $(SHARED)/gold/kazakhstan-2022
	@for split in dev test; do \
	  echo "== dev-world $$split"; \
	  $(BIN)/stancemap --db $(EVAL_DB_DW) -q --issues $(SHARED)/gold/dev-world/extra-issues.yaml \
	    eval $(SHARED)/gold/dev-world --split $$split || exit 1; \
	done

bench: install
	$(BIN)/python benchmarks/bench.py --shared $(SHARED)

clean:
	rm -rf $(VENV) .demo .eval .pytest_cache .mypy_cache .ruff_cache
