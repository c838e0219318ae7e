#!/usr/bin/env bash
# Builds DNS Seismograph's own Java runtime (jlink: the JDK modules the app needs plus JavaFX), the
# application image (jpackage, the app on the class path, STACK.md §6c), the class list for the AppCDS
# archive (from training runs of the image) and the .deb. Called by `mvn -Ppackage package`
# (pom.xml, profile "package") after the jar is built; see packaging/README.md for the layout it makes.
#
# Usage: build-package.sh --version V --app-jar JAR --classpath-file FILE --main-class CLASS
#                         --out DIR [--types "app-image deb"] [--maintainer EMAIL] [--compressor xz|zstd|gzip]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
types="app-image deb"
maintainer="packaging@dnsseismograph.invalid"
compressor=xz
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --app-jar) app_jar="$2"; shift 2 ;;
    --classpath-file) classpath_file="$2"; shift 2 ;;
    --main-class) main_class="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --types) types="$2"; shift 2 ;;
    --maintainer) maintainer="$2"; shift 2 ;;
    --compressor) compressor="$2"; shift 2 ;;
    *) echo "build-package: unknown argument $1" >&2; exit 2 ;;
  esac
done
: "${version:?--version}" "${app_jar:?--app-jar}" "${classpath_file:?--classpath-file}" "${main_class:?--main-class}" "${out:?--out}"

# Package and launcher names; the install directory /opt/dns-seismograph follows from the package name
# and the maintainer scripts in packaging/linux/deb use it literally.
package_name=dns-seismograph
launcher=seismograph
vendor="DNS Seismograph"
description="DNS captures, live traffic and resolver statistics on one UTC timeline"
work="$out/jpackage"
image="$work/image/$launcher"

# JDK modules that jdeps cannot see because they are reached only by reflection, service lookup or a
# `requires static`: java.logging (JNA, ControlsFX, protobuf), java.net.http and java.naming (dnsjava's
# DoH resolver and its JNDI system-resolver lookup), jdk.crypto.ec (TLS with EC keys for DoH), and
# javafx.swing (a declared dependency: SwingFXUtils, JavaFX snapshots to BufferedImage). STACK.md §6c
# lists the same set.
extra_modules="java.logging,java.net.http,java.naming,jdk.crypto.ec,javafx.swing"

# extract JAR DIR ENTRY...: copies entries of a jar into DIR under their base names (the JDK's jar tool,
# so the build needs no unzip).
extract() {
  local jar="$1" dir="$2" tmp entry; shift 2
  tmp="$(mktemp -d)"
  (cd "$tmp" && jar --extract --file "$jar" "$@")
  for entry in "$@"; do mv "$tmp/$entry" "$dir/"; done
  rm -rf "$tmp"
}

step() { printf 'build-package: %s\n' "$*" >&2; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

# The runtime class path, split: JavaFX's platform jars go into the runtime as modules (only the
# classifier jars hold classes; the unclassified ones are empty placeholders), the rest go beside the
# app jar on the class path.
stage_inputs() {
  rm -rf "$work/fx" "$work/input"
  mkdir -p "$work/fx" "$work/input"
  # (|| [ -n ]: Maven writes the class path without a final newline, and the last jar counts too.)
  tr ':' '\n' < "$classpath_file" | while read -r jar || [ -n "$jar" ]; do
    [ -n "$jar" ] || continue
    case "$(basename "$jar")" in
      javafx-*-linux.jar) cp "$jar" "$work/fx/" ;;
      javafx-*.jar) ;;
      *) cp "$jar" "$work/input/" ;;
    esac
  done
  cp "$app_jar" "$work/input/"
  [ -n "$(ls "$work/fx")" ] || { echo "build-package: no linux JavaFX jars on the class path" >&2; exit 1; }
  # The bundled demo and icons; the launcher points seismograph.assets here.
  cp -r "$root/assets" "$work/input/assets"
  # JNA's native stub, installed beside the jars so JNA loads it from the package instead of unpacking
  # it into a temporary directory at every start (which fails on a noexec /tmp, and would put a
  # user-writable file into a process that holds capture capabilities).
  mkdir -p "$work/input/native"
  extract "$(ls "$work/input"/jna-*.jar)" "$work/input/native" com/sun/jna/linux-x86-64/libjnidispatch.so
  stage_desktop_files "$work/input/desktop"
  # The command on the PATH and its dpkg stand-in (why: packaging/linux/launch/seismograph).
  cp -r "$here/linux/launch" "$work/input/launch"
}

# Desktop integration, laid out as under /usr/share; the .deb's postinst links it there. It lives in
# lib/app because jpackage's .deb keeps only bin/ and lib/ of an application image.
stage_desktop_files() {
  local share="$1" size
  mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
  cp "$here/linux/dns-seismograph.desktop" "$share/applications/"
  cp "$here/linux/org.dnsseismograph.seismograph.metainfo.xml" "$share/metainfo/"
  cp "$root/assets/icons/dns-seismograph.svg" "$share/icons/hicolor/scalable/apps/"
  for png in "$root"/assets/icons/dns-seismograph-*.png; do
    size="${png##*-}"; size="${size%.png}"
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$share/icons/hicolor/${size}x${size}/apps/dns-seismograph.png"
  done
}

modules() {
  local found
  found="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
    --module-path "$work/fx" --class-path "$work/input/*" "$work/input/$(basename "$app_jar")")"
  # Each module once, in a stable order.
  echo "$found,$extra_modules" | tr ',' '\n' | sort -u | paste -sd, -
}

build_runtime() {
  local mods="$1" t0
  t0=$(date +%s)
  rm -rf "$work/runtime"
  # Two native libraries of java.desktop are left out: the splash screen (-splash:, unused; it alone
  # needs libgif) and javax.sound (unused; it alone needs libasound), so the .deb needs neither.
  jlink --module-path "$work/fx" --add-modules "$mods" \
    --exclude-files '**/libsplashscreen.so,**/libjsound.so' \
    --strip-debug --no-man-pages --no-header-files --generate-cds-archive --output "$work/runtime" >/dev/null
  # JavaFX looks for its native libraries in the runtime's lib/ first (what the JavaFX jmods provide);
  # with them there nothing is extracted to ~/.openjfx/cache, so no writable home is needed.
  local jar natives
  for jar in "$work/fx"/*.jar; do
    natives="$(jar --list --file "$jar" | grep '\.so$' || true)"
    # shellcheck disable=SC2086 # one word per library name
    [ -z "$natives" ] || extract "$jar" "$work/runtime/lib" $natives
  done
  step "runtime: $(du -sh "$work/runtime" | cut -f1), modules $mods ($(elapsed "$t0"))"
}

build_app_image() {
  rm -rf "$work/image"
  # $APPDIR is the launcher's lib/app directory; the launcher expands it when it reads its .cfg, so
  # it is quoted here.
  # -Xlog: JVM warnings go to stderr so that the command line's stdout stays clean data.
  # shellcheck disable=SC2016
  jpackage --type app-image --name "$launcher" --app-version "$version" --vendor "$vendor" \
    --description "$description" --icon "$root/assets/icons/dns-seismograph-256.png" \
    --runtime-image "$work/runtime" --input "$work/input" \
    --main-jar "$(basename "$app_jar")" --main-class "$main_class" \
    --java-options '-XX:MaxRAMPercentage=50' \
    --java-options '-Xlog:disable' --java-options '-Xlog:all=warning:stderr' \
    --java-options '-XX:SharedArchiveFile=$APPDIR/seismograph.jsa' \
    --java-options '-Dseismograph.assets=$APPDIR/assets' \
    --java-options '-Djna.boot.library.path=$APPDIR/native' --java-options '-Djna.nounpack=true' \
    --dest "$work/image"
  if ! grep -q "<release version=\"$version\"" "$here/linux/org.dnsseismograph.seismograph.metainfo.xml"; then
    step "warning: the metainfo has no <release> for $version (packaging/linux/*.metainfo.xml)"
  fi
}

# native_deps IMAGE [PACKAGE...]: the packages that provide the shared libraries the image's native
# code links against directly (ELF NEEDED of every .so and of the launcher, minus those the image brings
# itself), as dpkg -S names them on this machine. dpkg-shlibdeps' idea, without its source-package layout. jpackage's own lookup
# follows ldd, i.e. every library's libraries too (70 packages here, libsystemd0 and libgcrypt20
# among them), and silently leaves out a library that is not installed on the build machine; this one
# fails instead, naming it. The PACKAGEs given are added; the result is sorted, each name once.
native_deps() {
  local image="$1" own needed soname path pkg missing="" deps=""
  shift
  own="$(find "$image" -name '*.so*' -printf '%f\n' | sort -u)"
  needed="$(find "$image" \( -name '*.so*' -o -path "$image/bin/*" \) -type f -print0 \
    | xargs -0 readelf -d 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)"
  for soname in $needed; do
    grep -qxF "$soname" <<<"$own" && continue
    path="$(ldconfig -p | awk -v l="$soname" '$1 == l && /x86-64/ { print $NF; exit }')"
    pkg=""
    # Debian's merged /usr: dpkg knows a library under either /lib or /usr/lib.
    [ -z "$path" ] || pkg="$(dpkg -S "$path" "${path#/usr}" "/usr${path#/usr}" 2>/dev/null | grep -v '^diversion' | sed -n '1s/[:,].*//p')"
    if [ -n "$pkg" ]; then deps="$deps $pkg"; else missing="$missing $soname"; fi
  done
  if [ -n "$missing" ]; then
    echo "build-package: the runtime links against$missing, which no installed package provides; install them" \
      "(the .deb's Depends are read from the installed packages; libgtk-3-0 brings all but libxtst6)" >&2
    exit 1
  fi
  printf '%s\n' $deps "$@" | sort -u | paste -sd, - | sed 's/,/, /g'
}

case " $types " in
  *" app-image "*|*" deb "*) ;;
  *) echo "build-package: --types takes app-image and/or deb" >&2; exit 2 ;;
esac
start=$(date +%s)
stage_inputs
mods="$(modules)"
build_runtime "$mods"
build_app_image
step "app image: $image ($(du -sh "$image" | cut -f1))"
"$here/train-cds.sh" "$image" "$root/assets/demo"
if [[ " $types " == *" deb "* ]]; then
  t0=$(date +%s)
  rm -f "$out/${package_name}_"*.deb
  # The .deb carries the class list, not the archive: an AppCDS archive only matches the paths it was
  # dumped at, so the postinst dumps it in /opt (about 6 s of CPU).
  rm -f "$image/lib/app/seismograph.jsa"
  # jpackage runs dpkg-deb, which reads the compressor from the environment. xz makes the smallest
  # .deb (38.0 MB) but took 3 min on 2 busy cores; zstd -9 took 16 s for 44.1 MB (dpkg >= 1.21.18:
  # Debian 12, Ubuntu 21.10 and later, which the Depends need anyway).
  export DPKG_DEB_COMPRESSOR_TYPE="$compressor"
  if [ "$compressor" = zstd ]; then export DPKG_DEB_COMPRESSOR_LEVEL=9; fi
  # Depends: the libraries linked against (native_deps), plus what is loaded with dlopen and so
  # invisible to readelf: libpcap0.8 (pcap4j through JNA), libfontconfig1 (Java2D's font lookup in the
  # headless render), a font to draw with, and setcap for the postinst.
  deps="$(native_deps "$image" libpcap0.8 libfontconfig1 fonts-dejavu-core libcap2-bin)"
  step "deb Depends: $deps"
  # jpackage's own dependency lookup is replaced by the one above (linux/deb/control uses only
  # PACKAGE_CUSTOM_DEPENDENCIES): an ldd that lists nothing, on jpackage's PATH only, makes it find no
  # libraries, which also saves its 25 s of ldd and dpkg -S calls.
  mkdir -p "$work/no-ldd"
  printf '#!/bin/sh\nexit 0\n' > "$work/no-ldd/ldd"
  chmod +x "$work/no-ldd/ldd"
  PATH="$work/no-ldd:$PATH" jpackage --type deb --app-image "$image" --name "$launcher" --app-version "$version" \
    --vendor "$vendor" --description "$description" --linux-package-name "$package_name" \
    --linux-deb-maintainer "$maintainer" --linux-app-category net --linux-package-deps "$deps" \
    --resource-dir "$here/linux/deb" --dest "$out" >/dev/null
  step "deb: $(ls "$out/${package_name}_"*.deb) ($(du -h "$out/${package_name}_"*.deb | cut -f1), $(elapsed "$t0"))"
fi
"$here/train-cds.sh" --dump "$image"
step "done in $(elapsed "$start")"
