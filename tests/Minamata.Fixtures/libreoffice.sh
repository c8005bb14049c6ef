# Sourced by the fixture build scripts (Corpus/build.sh, Compilation/build.sh): the tools they need,
# and LibreOffice run headless with a throw-away profile, so that it never waits for another running
# instance, its warnings (javaldx ...) kept in a log shown only when it fails. Defines die, lo and
# $work, a scratch folder removed on exit.
die() { echo "$(basename "$0"): $*" >&2; exit 1; }
command -v soffice >/dev/null || die "soffice (LibreOffice) not found"
command -v pandoc  >/dev/null || die "pandoc not found"

profile="$(mktemp -d "${TMPDIR:-/tmp}/fixtures-lo-profile.XXXXXX")"
work="$(mktemp -d "${TMPDIR:-/tmp}/fixtures-build.XXXXXX")"
cleanup() { rm -rf "$profile" "$work"; }
trap cleanup EXIT

lo() {
  if ! soffice -env:UserInstallation="file://$profile" --headless --norestore "$@" >>"$work/soffice.log" 2>&1; then
    cat "$work/soffice.log" >&2
    die "soffice failed: $*"
  fi
}
