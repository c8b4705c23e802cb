#!/bin/sh
# Makes the demo's short video: 4 seconds at 320x180, drawn entirely by
# ffmpeg's own synthetic sources (no footage, no fonts): a sky over a
# rippling sea, a rising sun and a boat crossing. Once as WebM (VP9) and once
# as MP4 (H.264). Run it from anywhere with Debian's ffmpeg:
#   sh internal/demo/assets/make-video.sh
# The results are committed and embedded in the binary (internal/demo/video.go).
set -eu
cd "$(dirname "$0")"
graph=$(mktemp)
trap 'rm -f "$graph"' EXIT
cat >"$graph" <<'GRAPH'
color=c=black:s=320x180:d=4:r=24,format=yuv420p,
geq=lum='if(lt(Y,112),90+Y*0.7,70+12*sin(X/11+T*4)+Y*0.25)':cb='if(lt(Y,112),150-Y*0.15,142)':cr='if(lt(Y,112),112+Y*0.12,104)'[sky];
color=c=0xffd166:s=30x30:d=4:r=24[sun];
color=c=0xf4f1ea:s=52x11:d=4:r=24[hull];
color=c=0x3b2f2f:s=4x30:d=4:r=24[mast];
color=c=0xe8a33d:s=20x22:d=4:r=24[sail];
[sky][sun]overlay=x=230:y='80-t*10':shortest=1[a];
[a]drawbox=x=0:y=112:w=320:h=2:color=0x0b1d36@1:t=fill[b];
[b][hull]overlay=x='20+t*55':y=116[c];
[c][mast]overlay=x='42+t*55':y=86[d];
[d][sail]overlay=x='47+t*55':y=90,format=yuv420p[out]
GRAPH
ffmpeg -loglevel error -y -filter_complex_script "$graph" -map '[out]' -t 4 \
  -c:v libvpx-vp9 -b:v 0 -crf 40 -deadline good -row-mt 1 -an demo-video.webm
ffmpeg -loglevel error -y -filter_complex_script "$graph" -map '[out]' -t 4 \
  -c:v libx264 -profile:v main -pix_fmt yuv420p -crf 28 -movflags +faststart -an demo-video.mp4
ls -l demo-video.webm demo-video.mp4
