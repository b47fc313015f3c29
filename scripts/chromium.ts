/**
 * How every browser run of the project launches Debian's Chromium: headless, no network of its
 * own (the machine's closed network refuses background connections), WebGL through SwiftShader.
 * SwiftShader runs in Chromium's GPU process, as it does for Electron on a machine without a
 * GPU: with `--disable-gpu` it would rasterise every WebGL frame on the page's main thread (a
 * 2.5 s task a frame at 20,000 nodes and 30,000 relationships, where the GPU process leaves the
 * main thread sigma's own 0.6 s).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
