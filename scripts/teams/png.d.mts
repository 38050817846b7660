// Types of png.mjs, for the TypeScript tests.
export interface RgbaImage {
  width: number;
  height: number;
  /** 4 bytes a pixel (red, green, blue, alpha), rows top to bottom. */
  rgba: Uint8Array;
}
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}
export function crc32(bytes: Uint8Array): number;
export function encodePng(image: RgbaImage): Buffer;
export function readPngHeader(bytes: Uint8Array): PngHeader;
export function decodePng(bytes: Uint8Array): RgbaImage;
