# The open mentor bank: `make run` serves the site, `make test` runs every test (browser tests included).
# Each step leaves a stamp or a file behind, so a second run only does what changed.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2
PYTEST_ARGS ?=

PYTHON_FOR_VENV ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app mentorbank
VENDOR := static/vendor
# Written by `flask digest compile` (Flask-Static-Digest): each static file → its copy named after its content.
DIGEST_MANIFEST := static/cache_manifest.json
# The static files themselves, not the fingerprinted copies made of them.
STATIC_SOURCES = $(shell find static -type f ! -name cache_manifest.json -regextype posix-extended ! -regex '.*-[0-9a-f]{32}\.[^/]*' 2>/dev/null)
PO_FILES := $(wildcard site/mentorbank/translations/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

# Chromium as Debian installs it, or whatever `chromium` is on PATH.
CHROMIUM := $(firstword $(wildcard /usr/bin/chromium) $(shell command -v chromium 2>/dev/null))

.PHONY: help run dev prepare database assets translations test chromium bench clean

help:
	@echo "make run     - install everything, prepare the database and the index, serve on http://$(HOST):$(PORT)/"
	@echo "make dev     - the same, served by Flask's reloader and debugger (for development only)"
	@echo "make test    - the whole test suite, browser tests included (PYTEST_ARGS=\"-k search\" to narrow)"
	@echo "make assets  - fetch the front-end files (htmx, Pico CSS) into $(VENDOR)/ and fingerprint static/"
	@echo "make bench   - the benchmark of issue 8 §5 (writes bench/RESULTS.md; BENCH_ARGS=\"--scale 100k\" for 100,000 documents)"
	@echo "make clean   - remove the virtualenv, node_modules, caches and the search index (keeps instance/)"

# --- Python -----------------------------------------------------------------------------------------------

$(PYTHON):
	@$(PYTHON_FOR_VENV) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "The site needs Python 3.11 or newer as $(PYTHON_FOR_VENV) (or set PYTHON_FOR_VENV=python3.12)." >&2; exit 1; }
	$(PYTHON_FOR_VENV) -m venv $(VENV) || { echo "Could not create $(VENV): install the venv module (Debian: apt-get install python3-venv) and try again." >&2; exit 1; }
	$(PYTHON) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet -r requirements.txt -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	touch $@

# --- Front-end files: pinned in package-lock.json, checked by its integrity hashes, served by the site ------

assets: $(VENDOR)/htmx.min.js $(VENDOR)/pico.min.css $(DIGEST_MANIFEST)

$(VENV)/.npm-installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "The front-end files need Node.js and npm: install them (Debian: apt-get install nodejs npm) and try again." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p $(VENV) && touch $@

$(VENDOR)/htmx.min.js: $(VENV)/.npm-installed
	mkdir -p $(VENDOR) && cp node_modules/htmx.org/dist/htmx.min.js $@

$(VENDOR)/pico.min.css: $(VENV)/.npm-installed
	mkdir -p $(VENDOR) && cp node_modules/@picocss/pico/css/pico.min.css $@

# Fingerprinted copies for long cache lifetimes (core/static_files.py); old copies go before new ones are made.
$(DIGEST_MANIFEST): $(VENDOR)/htmx.min.js $(VENDOR)/pico.min.css $(STATIC_SOURCES) $(VENV)/.installed
	$(FLASK) digest clean
	$(FLASK) digest compile

# --- Translations: nothing to do until the catalogue exists ----------------------------------------------

translations: $(MO_FILES)

%.mo: %.po $(VENV)/.installed
	$(VENV)/bin/pybabel compile -i $< -o $@

# --- Serving ------------------------------------------------------------------------------------------------

prepare: $(VENV)/.installed assets translations
	$(FLASK) db upgrade
	$(FLASK) demo load
	$(FLASK) search ensure

run: prepare
	@$(FLASK) demo accounts
	@echo "Serving the mentor bank on http://$(HOST):$(PORT)/ (Ctrl+C stops it)"
	exec $(VENV)/bin/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - --no-control-socket "mentorbank:create_app()"

dev: prepare
	@$(FLASK) demo accounts
	@echo "Serving the mentor bank with the reloader and debugger on http://$(HOST):$(PORT)/"
	exec $(FLASK) run --debug --host $(HOST) --port $(PORT)

# --- Tests --------------------------------------------------------------------------------------------------

# The browser tests inject axe-core (a devDependency, installed by the same `npm ci`) into the pages they check.
test: $(VENV)/.installed-dev $(VENV)/.npm-installed assets translations chromium
	@test -f node_modules/axe-core/axe.min.js || { echo "node_modules/axe-core/axe.min.js is missing after npm ci: check that package-lock.json lists axe-core." >&2; exit 1; }
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Browser tests are never skipped silently: install Chromium when we can, otherwise say what to do.
chromium:
	@if [ -z "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else \
	    echo "Browser tests need Chromium: run \`sudo apt-get install chromium\` (Debian/Ubuntu) and try again." >&2; \
	    exit 1; \
	  fi; \
	fi

# --- Other --------------------------------------------------------------------------------------------------

bench: $(VENV)/.installed assets translations
	# This checkout's site/ first: the virtualenv's editable install may point at another one.
	PYTHONPATH=$(CURDIR)/site $(PYTHON) -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules $(VENDOR) search_index .pytest_cache test-results bench/data
	find site tests -name __pycache__ -type d -prune -exec rm -rf {} +
	rm -rf site/*.egg-info
	find site/mentorbank/translations -name '*.mo' -delete 2>/dev/null || true
	find static -type f -regextype posix-extended -regex '.*-[0-9a-f]{32}\.[^/]*' -delete 2>/dev/null || true
	rm -f $(DIGEST_MANIFEST)
