#!/usr/bin/env node
// Draws the two Teams app icons, a renewal sign (two arrows chasing each other round a
// circle), and writes them to appPackage/. Run it again only to change the artwork: the
// PNGs are committed, and test/teams checks they still match what this draws.
//
//   node scripts/teams/icons.mjs
//
// Teams wants color.png at 192x192 (full colour, the sign within the central 96x96 "safe"
// square) and outline.png at 32x32 (white on transparent, nothing else).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

/** The app's accent colour; the manifest's accentColor is the same. */
export const ACCENT = { hex: '#1E5AA8', rgb: [0x1e, 0x5a, 0xa8] };
const WHITE = [255, 255, 255];
/** Samples per pixel side, for smooth (anti-aliased) edges. */
const SUPERSAMPLE = 4;

/**
 * The sign, in a unit square (0..1, y down): two arcs of a ring, each ending in an arrowhead,
 * running clockwise. Returns whether a point is inside.
 */
function renewalSign({ radius, stroke, head }) {
  const arcs = [
    { from: 40, to: 160 }, // upper arc, drawn clockwise from 160° to 40°: its head is at 40°
    { from: 220, to: 340 }, // lower arc, head at 220°
  ];
  const heads = arcs.map(({ from }) => {
    const a = (from * Math.PI) / 180;
    const p = [0.5 + radius * Math.cos(a), 0.5 - radius * Math.sin(a)];
    const outward = [Math.cos(a), -Math.sin(a)];
    const along = [Math.sin(a), Math.cos(a)]; // direction of travel (clockwise, y down)
    return [
      [p[0] + outward[0] * head, p[1] + outward[1] * head],
      [p[0] - outward[0] * head, p[1] - outward[1] * head],
      [p[0] + along[0] * head * 1.4, p[1] + along[1] * head * 1.4],
    ];
  });
  return (x, y) => {
    const dx = x - 0.5;
    const dy = 0.5 - y;
    const r = Math.hypot(dx, dy);
    if (Math.abs(r - radius) <= stroke / 2) {
      const deg = ((Math.atan2(dy, dx) * 180) / Math.PI + 360) % 360;
      if (arcs.some(({ from, to }) => deg >= from && deg <= to)) return true;
    }
    return heads.some((triangle) => inTriangle(x, y, triangle));
  };
}

function inTriangle(x, y, [a, b, c]) {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/** Fraction (0..1) of each pixel covered by the shape. */
function coverage(size, inside) {
  const cover = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (inside((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size)) hits++;
        }
      }
      cover[py * size + px] = hits / (SUPERSAMPLE * SUPERSAMPLE);
    }
  }
  return cover;
}

/** 192x192, opaque: the white sign on the accent colour, inside the central 96x96. */
export function colorIcon() {
  const size = 192;
  // the ring and its arrowheads reach at most 0.25 (48/192) from the centre: the 96x96 safe square
  const cover = coverage(size, renewalSign({ radius: 0.18, stroke: 0.07, head: 0.07 }));
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    for (let ch = 0; ch < 3; ch++) rgba[i * 4 + ch] = Math.round(ACCENT.rgb[ch] * (1 - c) + WHITE[ch] * c);
    rgba[i * 4 + 3] = 255;
  });
  return { width: size, height: size, rgba };
}

/** 32x32: the sign in white, everything else fully transparent (edges: white, partly transparent). */
export function outlineIcon() {
  const size = 32;
  const cover = coverage(size, renewalSign({ radius: 0.33, stroke: 0.12, head: 0.14 }));
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    rgba.set(WHITE, i * 4);
    rgba[i * 4 + 3] = Math.round(c * 255);
  });
  return { width: size, height: size, rgba };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const appPackage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'appPackage');
  for (const [name, image] of [['color.png', colorIcon()], ['outline.png', outlineIcon()]]) {
    const file = path.join(appPackage, name);
    writeFileSync(file, encodePng(image));
    process.stdout.write(`${path.relative(process.cwd(), file)} (${image.width}x${image.height})\n`);
  }
}
