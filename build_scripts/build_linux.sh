#!/usr/bin/env bash
# Builds SSI Desktop for Linux: the one-folder app, a tarball of it, and a .deb that installs it
# under /opt/ssi-desktop with a menu entry, icons and a /usr/bin/ssi-desktop command.
#
#   build_scripts/build_linux.sh            # into dist/ (build/ for intermediate files)
#   DIST_DIR=/tmp/out BUILD_DIR=/tmp/work build_scripts/build_linux.sh
#
# Build on the oldest distribution you support: the bundle needs that machine's glibc or newer
# (Debian 12: glibc 2.36). The machine needs binutils and the xcb libraries installed, or
# PyInstaller silently leaves them out (build_scripts/debian-packages.txt, `make deps`).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dist=$(realpath -m "${DIST_DIR:-$root/dist}")
work=$(realpath -m "${BUILD_DIR:-$root/build}")
python=${PYTHON:-$root/.venv/bin/python}
[ -x "$python" ] || python=python3

for tool in dpkg-deb objdump; do
  command -v "$tool" >/dev/null || { echo "build_linux: $tool is missing (make deps)" >&2; exit 1; }
done

read -r name version description < <("$python" - <<'EOF'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print(project["name"], project["version"], project["description"])
EOF
)
[ -n "${version:-}" ] || { echo "build_linux: cannot read pyproject.toml with $python" >&2; exit 1; }
arch=$(dpkg --print-architecture)
started=$(date +%s)

echo "build_linux: PyInstaller ($name $version)"
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work/pyinstaller" build_scripts/ssi-desktop.spec
app="$dist/$name"

# The version the app reports is ssi_desktop.__version__; pyproject.toml names the package:
# refuse a bundle where the two disagree rather than ship the wrong number.
reported=$("$app/$name" --version)
if [ "$reported" != "$name $version" ]; then
  echo "build_linux: the bundle says '$reported', pyproject.toml says $version;" \
    "make ssi_desktop/__init__.py agree (tests/test_version.py checks it) and build again" >&2
  exit 1
fi
smoke_data=$(mktemp -d)
QT_QPA_PLATFORM=offscreen "$app/$name" --smoke --data "$smoke_data/smoke.json"
rm -rf "$smoke_data"

tarball="$dist/$name-$version-linux-$(uname -m).tar.gz"
echo "build_linux: $tarball"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$dist" -cf - "$name" | gzip -6n >"$tarball"

echo "build_linux: .deb"
stage="$work/deb"
rm -rf "$stage"
install -d "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/metainfo" "$stage/usr/share/doc/$name"
cp -a "$app" "$stage/opt/$name"
ln -s "/opt/$name/$name" "$stage/usr/bin/$name"
install -m 0644 resources/ssi-desktop.desktop "$stage/usr/share/applications/$name.desktop"
install -m 0644 resources/*.metainfo.xml "$stage/usr/share/metainfo/"
install -m 0644 LICENSE "$stage/usr/share/doc/$name/copyright"
for png in resources/icons/"$name"-*.png; do
  size=${png##*-}
  size=${size%.png}
  install -D -m 0644 "$png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done

# Depends: the [runtime] section of debian-packages.txt, the libraries Qt loads from the system.
depends=$(awk '/^# \[/ { section = $2 } section == "[runtime]" && !/^#/ && NF { print $1 }' \
  build_scripts/debian-packages.txt | paste -sd, - | sed 's/,/, /g')
[ -n "$depends" ] || { echo "build_linux: no [runtime] packages found" >&2; exit 1; }
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
# No maintainer scripts: the package owns files under /opt and /usr only, so removing or
# purging it can never touch the user's data in their home folder. The menu and icon caches
# are refreshed by the triggers of desktop-file-utils and the icon theme packages.
cat >"$stage/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: $arch
Maintainer: SSI Desktop developers <maintainers@ssi-desktop.app>
Installed-Size: $installed_kb
Depends: $depends
Section: misc
Priority: optional
Description: $description
 SSI Desktop records the daily activity behind LinkedIn's Social Selling Index,
 estimates each pillar's score from it and shows which actions raise it most.
 All data stays in one file in the user's home folder.
EOF
chmod -R u=rwX,go=rX "$stage"
deb="$dist/${name}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null

echo "build_linux: done in $(($(date +%s) - started)) s"
du -sh "$app" "$tarball" "$deb"
