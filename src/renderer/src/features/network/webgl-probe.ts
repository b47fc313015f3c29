/**
 * The startup WebGL probe: the renderer's name, its largest texture and a timed draw of a
 * synthetic point cloud on an off-screen canvas (a few milliseconds on a GPU, tens on
 * SwiftShader). The decision lives in graph/draw-capacity.
 */
import type { WebglProbe } from '../../graph/draw-capacity';

const POINTS = 60_000;
const DRAWS = 3;

const VERTEX = `attribute vec2 p; void main() { gl_Position = vec4(p, 0.0, 1.0); gl_PointSize = 4.0; }`;
const FRAGMENT = `precision mediump float; void main() { gl_FragColor = vec4(0.2, 0.4, 0.8, 0.7); }`;

function program(gl: WebGLRenderingContext): WebGLProgram | null {
  const p = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, VERTEX],
    [gl.FRAGMENT_SHADER, FRAGMENT],
  ] as const) {
    const s = gl.createShader(type);
    if (!s) return null;
    gl.shaderSource(s, source);
    gl.compileShader(s);
    gl.attachShader(p, s);
  }
  gl.linkProgram(p);
  return gl.getProgramParameter(p, gl.LINK_STATUS) ? p : null;
}

function timedDraw(gl: WebGLRenderingContext): number | null {
  const p = program(gl);
  if (!p) return null;
  gl.useProgram(p);
  const data = new Float32Array(POINTS * 2);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 12.9898) * 0.95;
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
  const loc = gl.getAttribLocation(p, 'p');
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
  // The first draw pays for compilation and upload.
  gl.drawArrays(gl.POINTS, 0, POINTS);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  const started = performance.now();
  for (let i = 0; i < DRAWS; i++) {
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.drawArrays(gl.POINTS, 0, POINTS);
  }
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  const ms = performance.now() - started;
  return ms > 0 ? (POINTS * DRAWS) / ms : null;
}

export function probeWebgl(): WebglProbe | null {
  const canvas = document.createElement('canvas');
  canvas.width = 1024;
  canvas.height = 768;
  const gl = canvas.getContext('webgl', { preserveDrawingBuffer: false });
  if (!gl) return null;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    );
    const maxTextureSize = Number(gl.getParameter(gl.MAX_TEXTURE_SIZE));
    return { renderer, maxTextureSize, pointsPerMs: timedDraw(gl) };
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
