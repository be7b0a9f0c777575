# Sourced by scripts/run and scripts/check: make .venv ready for `pip install -e "$1"`.
# pip runs only when .venv is missing or pyproject.toml changed since the last install
# (or the install wanted more extras): offline, and on every later start, nothing is
# downloaded. A fresh clone (CI) has no .venv, so it always installs.
ensure_venv() {
  local target="$1" stamp=".venv/.installed-pyproject.toml"
  local marker=".venv/.installed-target"
  if [ ! -x .venv/bin/python ]; then
    "${PYTHON:-python3}" -m venv .venv
    rm -f "$stamp" "$marker"
  fi
  if cmp -s pyproject.toml "$stamp" 2>/dev/null && [ -f "$marker" ] &&
     grep -qxF -e "$target" -e ".[dev]" "$marker"; then
    return 0
  fi
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e "$target"
  # Recorded only after a successful install (set -e stops before on a failure).
  cp pyproject.toml "$stamp"
  printf '%s\n' "$target" > "$marker"
}
