#!/usr/bin/env bash
# Makes tests/bench/fixtures/noisy-call.webm, the bench's camera-like clip: 3 s of ffmpeg's testsrc2 at
# 1280×720 and 30 frames/s with fresh grain on every frame (temporal noise, strength 20, fixed seed), as a
# webcam's sensor gives. Nearly every 16-byte block then changes between frames, so the lab cannot reuse
# last frame's ECB blocks and encrypts each frame whole: the slow case the sample call (a still slide, a
# mostly still speaker) hides. VP9 at a constant 1.5 Mbit/s keeps it near 1.2 MB while the decoded frames
# stay noisy (about three quarters of the blocks change from frame to frame at 640 wide).
# The output is committed; this needs Debian's ffmpeg with libvpx:
#   apt-get install -y ffmpeg
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/tests/bench/fixtures/noisy-call.webm"

if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg not found: apt-get install -y ffmpeg (only needed to regenerate this clip)" >&2
  exit 1
fi

mkdir -p "$(dirname "$out")"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=3" \
  -vf "noise=alls=20:allf=t:all_seed=20261202,format=yuv420p" \
  -c:v libvpx-vp9 -b:v 1500k -minrate 1500k -maxrate 1500k -deadline realtime -cpu-used 8 -row-mt 1 \
  -an "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
