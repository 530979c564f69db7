#!/usr/bin/env bash
# Builds "SSI Desktop.app" with the shared PyInstaller spec and wraps it in a .dmg (macOS only).
#
#   build_scripts/macos/build_dmg.sh
#
# Output: dist/SSI Desktop.app and dist/ssi-desktop-<version>-macos-<arch>.dmg.
# Signing and notarisation run only when their credentials are set, and are skipped (with a
# message) otherwise, so an unsigned build still works for testing:
#   MACOS_SIGN_IDENTITY   a "Developer ID Application: …" identity in the keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   an app-specific password for notarytool
set -euo pipefail

if [ "$(uname -s)" != "Darwin" ]; then
  echo "build_dmg: macOS only (needs hdiutil, codesign and xcrun)" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
here=build_scripts/macos
spec=build_scripts/ssi-desktop.spec
python=${PYTHON:-python3}

venv=build/venv  # inside build/, which git ignores and `make clean` removes
[ -d "$venv" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
# A regular (not editable) install, so the version the app reports is this checkout's.
"$venv/bin/python" -m pip install --quiet ".[build]"

read -r name version app_name < <("$venv/bin/python" - <<'EOF'
import tomllib

from ssi_desktop import APP_NAME

project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print(project["name"], project["version"], APP_NAME)
EOF
)
"$venv/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller "$spec"
app="dist/$app_name.app"
binary="$app/Contents/MacOS/$name"

reported=$("$binary" --version)
[ "$reported" = "$name $version" ] || { echo "build_dmg: bundle reports '$reported'" >&2; exit 1; }
scratch=$(mktemp -d)
QT_QPA_PLATFORM=offscreen "$binary" --smoke --data "$scratch/smoke.json"
rm -rf "$scratch"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "build_dmg: signing with $MACOS_SIGN_IDENTITY"
  codesign --force --deep --timestamp --options runtime \
    --entitlements "$here/entitlements.plist" --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
else
  echo "build_dmg: MACOS_SIGN_IDENTITY not set: the app is not signed (Gatekeeper will warn)"
fi

dmg="dist/$name-$version-macos-$(uname -m).dmg"
stage=$(mktemp -d)
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"  # drag-to-install
rm -f "$dmg"
hdiutil create -quiet -volname "$app_name" -srcfolder "$stage" -fs HFS+ -format UDZO "$dmg"
rm -rf "$stage"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi

if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  if [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
    echo "build_dmg: notarisation needs a signed app: set MACOS_SIGN_IDENTITY" >&2
    exit 1
  fi
  echo "build_dmg: notarising (this waits for Apple's answer)"
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
else
  echo "build_dmg: APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD not set: not notarised"
fi

echo "build_dmg: $dmg"
du -sh "$app" "$dmg"
