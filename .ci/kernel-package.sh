#!/usr/bin/env bash
# Unpacks Debian's current cloud kernel package into a temporary root, runs depmod on it (as the
# package's postinst would: the .deb ships no modules.dep) and prints its /lib/modules/VERSION.
# src/cli/kernel/realKernel.test.ts imports it (KLP_KERNEL_DIR). Needs apt and root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

# The cloud flavour: ~26 MB, about 1100 modules, enough to check the importer on a real kernel.
meta=linux-image-cloud-amd64
if ! apt-cache show "$meta" >/dev/null 2>&1; then apt-get update >&2; fi
pkg=$(apt-cache depends "$meta" | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
[ -n "$pkg" ] || { echo "no kernel package behind $meta" >&2; exit 1; }
if ! command -v depmod >/dev/null 2>&1; then apt-get install -y --no-install-recommends kmod >&2; fi

work=$(mktemp -d /tmp/klp-kernel.XXXXXX)
# Stale package lists name a version the mirror no longer has: refresh them once and retry.
if ! (cd "$work" && apt-get download "$pkg" >&2); then
  apt-get update >&2
  pkg=$(apt-cache depends "$meta" | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
  (cd "$work" && apt-get download "$pkg" >&2)
fi
dpkg-deb -x "$work"/*.deb "$work/root"
rm -f "$work"/*.deb
version=$(ls "$work/root/lib/modules")
depmod -b "$work/root" "$version"
echo "$work/root/lib/modules/$version"
