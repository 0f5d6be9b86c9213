"""Plots tests/soak/soak.sh's samples as one SVG: RSS and GC heap (MB), threads and handles, over time."""
import csv
import sys

samples = list(csv.DictReader(open(sys.argv[1])))
series = [("rss_bytes", "RSS (MB)", 1 / 2**20, "#0b57d0"), ("gc_heap_bytes", "GC heap (MB)", 1 / 2**20, "#b3261e"),
          ("threads", "threads", 1, "#146c2e"), ("handles", "open handles", 1, "#7d5260")]
width, height, pad = 900, 220, 50
t = [float(s["elapsed_s"]) for s in samples]
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height * len(series)}" font-family="sans-serif" font-size="12">']
for row, (key, label, scale, color) in enumerate(series):
    y0 = row * height
    values = [float(s[key] or 0) * scale for s in samples]
    top = max(values + [1]) * 1.1
    points = " ".join(f"{pad + (x / max(t[-1], 1)) * (width - 2 * pad):.1f},{y0 + height - pad / 2 - (v / top) * (height - pad):.1f}" for x, v in zip(t, values))
    svg.append(f'<text x="{pad}" y="{y0 + 16}">{label}: first {values[0]:.0f}, last {values[-1]:.0f}, max {max(values):.0f}</text>')
    svg.append(f'<line x1="{pad}" y1="{y0 + height - pad / 2}" x2="{width - pad}" y2="{y0 + height - pad / 2}" stroke="#999"/>')
    svg.append(f'<text x="{width - pad}" y="{y0 + height - 8}" text-anchor="end">{t[-1]:.0f} s</text>')
    svg.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.5" points="{points}"/>')
svg.append("</svg>")
open(sys.argv[2], "w").write("\n".join(svg))
