#!/usr/bin/env bash
# System packages for running, testing and building Nianbao on Debian (and UOS / Kylin, which
# derive from it). Run as root; a user with sudo is asked for the password.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "请以 root 身份运行：su -c 'bash $0'" >&2; exit 1; }
    exec sudo bash "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
packages=(
    python3 python3-venv python3-pip
    # the PDF reader's C walk (build/native.py)
    gcc libc6-dev
    # Qt's xcb and offscreen platforms
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0
    libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-cursor0
    # Chinese text on screen and in rendered pages
    fonts-noto-cjk fontconfig
    # Checking exported documents as a reader sees them; Liberation Serif has the metrics of
    # Times New Roman, which the documents name for digits and Latin text
    libreoffice-writer-nogui poppler-utils fonts-liberation2
    # A face unlike Noto's, which the rendering tests give the 楷体 names to tell headings apart
    fonts-droid-fallback
    # A real window without a screen, for the frozen program's smoke test (xvfb-run needs
    # xauth); binutils strips the built program and lists the libraries each one links to;
    # strace shows which files the built program opens
    xvfb xauth binutils strace
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
