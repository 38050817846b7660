// Types of icons.mjs, for the TypeScript tests.
import type { RgbaImage } from './png.mjs';
export const ACCENT: { hex: string; rgb: [number, number, number] };
export function colorIcon(): RgbaImage;
export function outlineIcon(): RgbaImage;
