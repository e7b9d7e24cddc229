# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint validate package format clean coach-model

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Running needs only Tend's own dependencies; testing adds the test extra.
$(VENV)/.app-installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.app-installed

run: $(VENV)/.app-installed
	$(BIN)/tend

lint: $(VENV)/.installed validate
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports pyproject.toml

# The desktop entry and AppStream metadata, checked by the tools desktops use.
validate:
	desktop-file-validate packaging/org.tendapp.Tend.desktop
	appstreamcli validate --no-net --pedantic packaging/org.tendapp.Tend.metainfo.xml

# A one-folder bundle that runs without Python, then a headless check of it.
package: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/python packaging/make_icons.py build/icons
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath build/dist \
		--workpath build/work packaging/tend.spec
	$(BIN)/python packaging/check_bundle.py build/dist/tend/tend

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Train the coach's learned second opinion again after its sentences change.
coach-model: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet scikit-learn
	$(BIN)/python tests/practice/coach_train/train.py

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
