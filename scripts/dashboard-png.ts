/**
 * Rasterizes a dashboard preview SVG to PNG with resvg compiled to WebAssembly
 * (`@resvg/resvg-wasm`: no platform-specific binary, nothing downloaded at install) and the DejaVu
 * fonts from npm (`dejavu-fonts-ttf`), system fonts off: the same SVG gives the same PNG bytes on
 * every machine, so the committed PNGs can be checked for staleness like the SVGs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSansMono.ttf'];

let ready: Promise<Buffer[]> | undefined;

function init(): Promise<Buffer[]> {
  ready ??= (async () => {
    await initWasm(fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    return FONT_FILES.map(f => fs.readFileSync(path.join(fontDir, f)));
  })();
  return ready;
}

/** The PNG of `svg` at its own size. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const fontBuffers = await init();
  const resvg = new Resvg(svg, {
    font: {
      fontBuffers,
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans Mono',
    },
  });
  const image = resvg.render();
  const png = Buffer.from(image.asPng());
  image.free();
  resvg.free();
  return png;
}
