# Two commands do all set-up on a fresh machine (Python 3.11, make, git):
#   make demo   - creates .venv, installs, runs the seed pipeline, writes out/
#   make test   - the same set-up plus browser and offline map assets, then the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test assets browser bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup assets
	$(BIN)/python -m geoutils demo --out out

# offline map assets: npm packages of the same versions as the CDN ones, copied to the asset cache
assets: setup
	@[ -f package-lock.json ] || exit 0; \
	if ! command -v npm >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; fi; \
	if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && $(BIN)/python -m geoutils assets fetch --from npm; \
	else echo "npm not found: offline maps need 'apt-get install npm' then 'make assets'"; fi

# headless Chromium from Debian for the browser tests and PNG export (needs root or sudo)
browser:
	@bash tools/install_browser.sh || echo "could not install Chromium (needs root or sudo): browser tests will skip"

test: setup assets browser
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) out .pytest_cache test-artifacts node_modules
