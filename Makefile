# SSI Desktop — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_API := pyside6
export PYQTGRAPH_QT_LIB := PySide6

.DEFAULT_GOAL := help
.PHONY: help deps venv run test lint format bench screenshots package clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

deps: ## install the Debian packages Qt needs (build_scripts/debian-packages.txt)
	@PYTHON=$(PYTHON) build_scripts/install-deps.sh

$(STAMP): pyproject.toml | deps
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e '.[test,build,bench]'
	@touch $(STAMP)

venv: deps $(STAMP) ## create .venv and install the app with its test and build tools

run: venv ## open the app on the default store (under Xvfb when there is no display)
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && command -v xvfb-run >/dev/null; then \
	  echo "no display: running under xvfb-run"; xvfb-run -a $(PY) -m ssi_desktop $(ARGS); \
	else $(PY) -m ssi_desktop $(ARGS); fi

test: venv ## run the whole test suite, headless
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: venv ## ruff lint and format check, mypy (strict on core and storage), import contracts
	$(VENV)/bin/ruff check ssi_desktop tests benchmarks build_scripts
	$(VENV)/bin/ruff format --check ssi_desktop tests benchmarks build_scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: venv ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix ssi_desktop tests benchmarks build_scripts
	$(VENV)/bin/ruff format ssi_desktop tests benchmarks build_scripts

bench: venv ## measure performance against same-run floors (writes benchmarks/results.md)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

screenshots: venv ## PNGs of every tab and dialog (2 stores, light and dark, 2 sizes) into screenshots/
	QT_QPA_PLATFORM=offscreen $(PY) build_scripts/screenshots.py --out $(or $(OUT),screenshots)

package: venv ## build the Linux folder, tarball and .deb into dist/
	PYTHON=$(CURDIR)/$(PY) build_scripts/build_linux.sh

clean: ## remove build output (never the user's data)
	rm -rf build dist .pytest_cache .ruff_cache
