# Rhetoric Lab: `make run` builds everything and runs the notebook suite; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXTRAS := model,notebooks,book,dev,distributed

# Offline mirror of the public corpora (see README). Defaults to ../shared/data when it exists;
# set RHETORICLAB_DATA_MIRROR= (empty) to download from upstream instead.
RHETORICLAB_DATA_MIRROR ?= $(if $(wildcard ../shared/data),$(abspath ../shared/data),)
export RHETORICLAB_DATA_MIRROR
# Gold sets for the accuracy sections of notebooks 02-03 (optional).
RHETORICLAB_EVAL_DIR ?= $(if $(wildcard ../shared/eval),$(abspath ../shared/eval),)
export RHETORICLAB_EVAL_DIR
export PYTHONHASHSEED := 0
# Unit tests draw with the non-interactive Agg backend; notebooks keep Jupyter's inline backend so figures render.

NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
NBVAL := --nbval --nbval-sanitize-with notebooks/sanitize.cfg --nbval-current-env

.PHONY: setup run test unit nbval lint bench book student clean help

help:
	@echo "make run      set up .venv, execute every notebook in place, build the book"
	@echo "make test     set up .venv, build the book, run the unit tests (browser test included) and nbval"
	@echo "make book     build the HTML book from the committed outputs into _build/html"
	@echo "make student  output-free copies of lessons and exercises, without solutions, in student/"
	@echo "make bench    speed of the extractors relative to bare spaCy, on long documents, on 1-2 processes and Dask"
	@echo "make lint     ruff"

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 not found"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[$(EXTRAS)]"
	@touch $(STAMP)

run: setup
	$(BIN)/python -m rhetoriclab.notebook_runner $(NOTEBOOKS)
	$(MAKE) --no-print-directory book
	@echo "Notebooks executed in place: $(NOTEBOOKS)"
	@echo "Open the book: $(abspath _build/html/index.html)"

test: unit nbval

# The unit tests include the browser test of the built book, so the book is built first.
unit: setup book
	MPLBACKEND=Agg $(BIN)/python -m pytest tests

nbval: setup
	$(BIN)/python -m pytest $(NBVAL) $(NOTEBOOKS)

lint: setup
	$(BIN)/ruff check lib tests

bench: setup
	$(BIN)/rhetoriclab bench --long --scaling

book: setup
	$(BIN)/python -m rhetoriclab.book

student: setup
	$(BIN)/python -m rhetoriclab.student student --force

clean:
	rm -rf $(VENV) _build .pytest_cache
