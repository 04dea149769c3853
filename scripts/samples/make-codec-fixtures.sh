#!/usr/bin/env bash
# Makes the media fixtures Chromium cannot make itself: tests/fixtures/media/unsupported-codec.mp4, a
# real MP4 holding MPEG-4 Part 2 video, which no desktop Chromium or Chrome decodes (Chromium's WebCodecs
# has no MPEG-4 Part 2, HEVC, Theora or ProRes encoder); and clip.mkv, clip.mov and clip-voice.mp4, the
# H.264 packets of clip.mp4 remuxed into Matroska and QuickTime, and with the sample call's first second
# of voice as AAC, for lib/media/demux.ts. This needs Debian's ffmpeg:
#   apt-get install -y ffmpeg
# The output is committed and CI never runs this script. Its inputs are clip-320x240.webm and clip.mp4,
# made first by
#   node --import tsx scripts/samples/make-samples.ts --fixtures
# and public/samples/meeting.webm with its voice (npm run samples:voice).
#
# With --survey DIR it also writes one small file per candidate codec/container into DIR and asks headless
# Chromium which of them play (the table in tests/fixtures/media/README.md came from that run).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fixtures="$root/tests/fixtures/media"
source_clip="$fixtures/clip-320x240.webm"

if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg not found: apt-get install -y ffmpeg (only needed to regenerate this fixture)" >&2
  exit 1
fi
if [[ ! -f "$source_clip" ]]; then
  echo "$source_clip is missing: run make-samples.ts --fixtures first" >&2
  exit 1
fi

encode() {
  local out="$1"
  shift
  ffmpeg -hide_banner -loglevel error -y -i "$source_clip" -t 1 -vf scale=160:120 -an -map_metadata -1 \
    -fflags +bitexact -flags:v +bitexact "$@" "$out"
  printf 'wrote %-48s %8d bytes\n' "${out#"$root"/}" "$(stat -c %s "$out")"
}

encode "$fixtures/unsupported-codec.mp4" -c:v mpeg4 -q:v 8

# clip.mp4's packets as they are (-c:v copy) in other containers, and beside an audio track.
remux() {
  local out="$1"
  shift
  ffmpeg -hide_banner -loglevel error -y -i "$fixtures/clip.mp4" "$@" -c:v copy -map_metadata -1 \
    -fflags +bitexact -flags:v +bitexact -flags:a +bitexact "$out"
  printf 'wrote %-48s %8d bytes\n' "${out#"$root"/}" "$(stat -c %s "$out")"
}
remux "$fixtures/clip.mkv"
remux "$fixtures/clip.mov"
remux "$fixtures/clip-voice.mp4" -i "$root/public/samples/meeting.webm" -map 0:v:0 -map 1:a:0 -t 1 \
  -c:a aac -b:a 32k -ac 1

if [[ "${1:-}" == "--survey" ]]; then
  survey="${2:?--survey needs a directory}"
  mkdir -p "$survey"
  encode "$survey/hevc.mp4" -c:v libx265 -x265-params log-level=none -tag:v hvc1
  encode "$survey/hevc.mov" -c:v libx265 -x265-params log-level=none -tag:v hvc1
  encode "$survey/theora.ogv" -c:v libtheora -q:v 5
  encode "$survey/mpeg4.mp4" -c:v mpeg4 -q:v 8
  encode "$survey/mpeg4.avi" -c:v mpeg4 -q:v 8
  encode "$survey/prores.mov" -c:v prores_ks -profile:v 0
  encode "$survey/h264.mp4" -c:v libx264 -pix_fmt yuv420p
  encode "$survey/h264.mov" -c:v libx264 -pix_fmt yuv420p
  encode "$survey/h264.mkv" -c:v libx264 -pix_fmt yuv420p
  encode "$survey/vp8.webm" -c:v libvpx -b:v 200k
  encode "$survey/vp8.ogv" -c:v libvpx -b:v 200k
  encode "$survey/vp9.mp4" -c:v libvpx-vp9 -b:v 200k
  encode "$survey/av1.mp4" -c:v libaom-av1 -cpu-used 8 -b:v 200k
  cd "$root"
  node --import tsx scripts/samples/make-samples.ts --probe "$survey"
fi
