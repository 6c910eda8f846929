#!/bin/sh
# Add unionkit to this user's application menu (no administrator rights needed).
# Run it from the unionkit folder, wherever you unpacked it:   ./install-desktop-entry.sh
# To remove:   ./install-desktop-entry.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/unionkit.desktop" "$icons/unionkit.png"
  echo "unionkit: menu entry removed"
  exit 0
fi
[ -x "$here/unionkit" ] || { echo "unionkit: run this script from the unionkit folder" >&2; exit 1; }
mkdir -p "$apps" "$icons"
cp "$here/unionkit.png" "$icons/unionkit.png"
# Quote the program path (it may contain spaces) as the Desktop Entry spec asks.
exec_path=$(printf '%s' "$here/unionkit" | sed 's/["`$\\]/\\&/g')
sed -e "s|^Exec=.*|Exec=\"$exec_path\"|" -e "s|^TryExec=.*|TryExec=$here/unionkit|" \
    -e "s|^Icon=.*|Icon=$icons/unionkit.png|" "$here/unionkit.desktop" > "$apps/unionkit.desktop"
chmod 644 "$apps/unionkit.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" >/dev/null 2>&1 || true
echo "unionkit: added to the application menu ($apps/unionkit.desktop)"
