#!/usr/bin/env bash
# Every test: the Rust suites, then the outputs read by their real clients (networkx, graphviz,
# jsonschema, kuzu, headless chromium through tests/browser: `npm ci` there first).
# The Python clients come from .venv (made by .ci/run, or: python3 -m venv .venv &&
# .venv/bin/pip install -r tests/clients/requirements.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --locked
cargo build --release --locked
PY="${PYTHON:-.venv/bin/python}"
"$PY" -m pytest -q tests/clients
