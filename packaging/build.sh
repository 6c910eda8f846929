#!/usr/bin/env bash
# Build the Linux one-folder bundle dist/unionkit/ and dist/unionkit-<version>-linux-x86_64.tar.gz
# from a clean checkout, in its own build environment (build/venv), then smoke-test it.
#
#   packaging/build.sh                 build, run --version and --self-test, make the tar.gz
#   packaging/build.sh --no-test       skip the smoke test
#   PYTHON=python3.11 packaging/build.sh
#
# Needs: Python >= 3.11 with venv, binutils (objdump, strip), network access to PyPI (first run).
# Build on the OLDEST Linux you want to support: the bundle carries its own libraries but uses the
# system's glibc, which must be at least as new as the build machine's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-python3}
VENV=build/venv
RUN_TEST=1
[ "${1:-}" = "--no-test" ] && RUN_TEST=0

for tool in objdump strip ldd; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: '$tool' is missing (apt-get install binutils)" >&2; exit 1; }
done

echo "== build environment ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then "$PY" -m venv "$VENV"; fi
"$VENV/bin/python" -m pip install -q --upgrade pip
# The package with its pinned dependencies (PySide6-Essentials <6.12 etc.) and PyInstaller.
"$VENV/bin/python" -m pip install -q "$ROOT[build]"

VERSION=$("$VENV/bin/python" -c 'import unionkit; print(unionkit.__version__)')
echo "== unionkit $VERSION: PyInstaller (the spec compiles the catalogs into build/pyinstaller)"
rm -rf dist/unionkit build/pyinstaller
start=$(date +%s)
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/unionkit.spec
echo "built in $(( $(date +%s) - start )) s: $(du -sh dist/unionkit | cut -f1)"

if [ "$RUN_TEST" = 1 ]; then
  echo "== smoke test"
  # Run from elsewhere, without the build environment's variables, like a treasurer would.
  (cd /tmp && env -u PYTHONPATH -u VIRTUAL_ENV -u DISPLAY -u WAYLAND_DISPLAY \
     "$ROOT/dist/unionkit/unionkit" --version)
  (cd /tmp && env -u PYTHONPATH -u VIRTUAL_ENV -u DISPLAY -u WAYLAND_DISPLAY \
     "$ROOT/dist/unionkit/unionkit" --self-test)
fi

TARBALL="dist/unionkit-$VERSION-linux-$(uname -m).tar.gz"
tar -C dist -czf "$TARBALL" unionkit
echo "== done: dist/unionkit/ ($(du -sh dist/unionkit | cut -f1)), $TARBALL ($(du -sh "$TARBALL" | cut -f1))"
