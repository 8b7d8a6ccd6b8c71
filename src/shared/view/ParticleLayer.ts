/**
 * Draws up to a million particles as round dots on their levels' rows, with one pixi Mesh and
 * GPU instancing: a single quad is drawn once per particle, and no JavaScript object exists per
 * particle.
 *
 * Per instance the GPU reads two float32x2 attributes, `aFrom` and `aTo` (each in its own
 * buffer), and the vertex shader places the dot at mix(aFrom, aTo, ease(uProgress)). A snap
 * writes and uploads `aTo` only and sets uProgress to 1; an animated change first settles where
 * the dots are now into `aFrom`, then writes `aTo`, uploads both, and runs uProgress from 0 to 1.
 * Between changes a frame costs one uniform.
 *
 * Works with the WebGL renderer (GLSL ES 3.00) and the WebGPU one (WGSL).
 */
import {
  Bounds,
  Buffer,
  BufferUsage,
  Geometry,
  GlProgram,
  GpuProgram,
  Mesh,
  type PointData,
  Shader,
  UniformGroup,
} from 'pixi.js';
import { LayoutScratch, type RowLayout, settlePositions, writeTargets } from './particleLayout.ts';

export type { RowLayout } from './particleLayout.ts';

export interface ParticleLayerOptions {
  /** Dot colour as 0xRRGGBB; #f2a65a when absent. */
  colour?: number;
  /** Particles to make room for at the start; the buffers grow by doubling past it. */
  capacity?: number;
  /** How long an animated move takes, in milliseconds; 400 when absent. */
  durationMs?: number;
}

export const DEFAULT_PARTICLE_COLOUR = 0xf2a65a;
export const DEFAULT_MOVE_MS = 400;

const GLSL_EASE = /* glsl */ `
float easeInOut(float t) {
  t = clamp(t, 0.0, 1.0);
  if (t < 0.5) return 4.0 * t * t * t;
  float u = 2.0 - 2.0 * t;
  return 1.0 - 0.5 * u * u * u;
}`;

const VERTEX_GLSL = /* glsl */ `#version 300 es
in vec2 aPosition;
in vec2 aFrom;
in vec2 aTo;

uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform mat3 uTransformMatrix;
uniform vec4 uColor;

uniform vec4 uDotColor;
uniform float uProgress;
uniform float uDotSize;

out vec2 vOffset;
out vec4 vColor;
${GLSL_EASE}

void main() {
  vec2 centre = mix(aFrom, aTo, easeInOut(uProgress));
  // Half a pixel of margin round the dot for its soft edge.
  float quad = uDotSize + 1.0;
  vec2 local = centre + aPosition * quad;
  mat3 mvp = uProjectionMatrix * uWorldTransformMatrix * uTransformMatrix;
  gl_Position = vec4((mvp * vec3(local, 1.0)).xy, 0.0, 1.0);
  // 1.0 on the dot's rim.
  vOffset = aPosition * (quad / (0.5 * uDotSize));
  vColor = vec4(uDotColor.rgb * uDotColor.a, uDotColor.a) * uColor;
}
`;

const FRAGMENT_GLSL = /* glsl */ `#version 300 es
precision mediump float;
in vec2 vOffset;
in vec4 vColor;
out vec4 finalColor;

void main() {
  float d = length(vOffset);
  float w = 0.5 * fwidth(d);
  float coverage = 1.0 - smoothstep(1.0 - w, 1.0 + w, d);
  if (coverage <= 0.0) discard;
  finalColor = vColor * coverage;
}
`;

const WGSL = /* wgsl */ `
struct GlobalUniforms {
  uProjectionMatrix: mat3x3<f32>,
  uWorldTransformMatrix: mat3x3<f32>,
  uWorldColorAlpha: vec4<f32>,
  uResolution: vec2<f32>,
}

struct LocalUniforms {
  uTransformMatrix: mat3x3<f32>,
  uColor: vec4<f32>,
  uRound: f32,
}

struct ParticleUniforms {
  uDotColor: vec4<f32>,
  uProgress: f32,
  uDotSize: f32,
}

@group(0) @binding(0) var<uniform> globalUniforms: GlobalUniforms;
@group(1) @binding(0) var<uniform> localUniforms: LocalUniforms;
@group(2) @binding(0) var<uniform> particleUniforms: ParticleUniforms;

struct VertexOutput {
  @builtin(position) position: vec4<f32>,
  @location(0) vOffset: vec2<f32>,
  @location(1) vColor: vec4<f32>,
}

fn easeInOut(t0: f32) -> f32 {
  let t = clamp(t0, 0.0, 1.0);
  if (t < 0.5) {
    return 4.0 * t * t * t;
  }
  let u = 2.0 - 2.0 * t;
  return 1.0 - 0.5 * u * u * u;
}

@vertex
fn mainVert(@location(0) aPosition: vec2<f32>, @location(1) aFrom: vec2<f32>, @location(2) aTo: vec2<f32>) -> VertexOutput {
  let p = particleUniforms;
  let centre = mix(aFrom, aTo, easeInOut(p.uProgress));
  let quad = p.uDotSize + 1.0;
  let local = centre + aPosition * quad;
  let mvp = globalUniforms.uProjectionMatrix * globalUniforms.uWorldTransformMatrix * localUniforms.uTransformMatrix;
  var out: VertexOutput;
  out.position = vec4<f32>((mvp * vec3<f32>(local, 1.0)).xy, 0.0, 1.0);
  out.vOffset = aPosition * (quad / (0.5 * p.uDotSize));
  out.vColor = vec4<f32>(p.uDotColor.rgb * p.uDotColor.a, p.uDotColor.a) * localUniforms.uColor;
  return out;
}

@fragment
fn mainFrag(input: VertexOutput) -> @location(0) vec4<f32> {
  let d = length(input.vOffset);
  let w = 0.5 * fwidth(d);
  let coverage = 1.0 - smoothstep(1.0 - w, 1.0 + w, d);
  if (coverage <= 0.0) {
    discard;
  }
  return input.vColor * coverage;
}
`;

/** A Mesh whose bounds are the rows' box rather than the unit quad it instances. */
class ParticleMesh extends Mesh<Geometry, Shader> {
  readonly layoutBounds = new Bounds(0, 0, 0, 0);

  override get bounds(): Bounds {
    return this.layoutBounds;
  }

  protected override updateBounds(): void {
    this._bounds = this.layoutBounds;
  }

  override containsPoint(point: PointData): boolean {
    return this.layoutBounds.containsPoint(point.x, point.y);
  }
}

const FLOATS_PER_PARTICLE = 2;
const BYTES_PER_PARTICLE = FLOATS_PER_PARTICLE * Float32Array.BYTES_PER_ELEMENT;

function colourToRgb(colour: number, out: Float32Array): void {
  out[0] = ((colour >> 16) & 0xff) / 255;
  out[1] = ((colour >> 8) & 0xff) / 255;
  out[2] = (colour & 0xff) / 255;
  out[3] = 1;
}

export class ParticleLayer {
  /** Add this to the stage. */
  readonly view: Mesh<Geometry, Shader>;

  private readonly mesh: ParticleMesh;
  private readonly geometry: Geometry;
  private readonly shader: Shader;
  private readonly uniforms: UniformGroup<{
    uDotColor: { value: Float32Array; type: 'vec4<f32>' };
    uProgress: { value: number; type: 'f32' };
    uDotSize: { value: number; type: 'f32' };
  }>;
  private readonly fromBuffer: Buffer;
  private readonly toBuffer: Buffer;
  private readonly scratch = new LayoutScratch();
  private durationMs: number;

  private capacity: number;
  private from: Float32Array;
  private to: Float32Array;
  private layout: RowLayout | null = null;
  private levels: Uint32Array | null = null;
  private requested = 0;
  /** Particles whose targets are in `to`. */
  private drawn = 0;
  private elapsedMs = 0;
  private progress = 1;
  private destroyed = false;

  constructor(options: ParticleLayerOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? 1024));
    this.durationMs = Math.max(1, options.durationMs ?? DEFAULT_MOVE_MS);
    this.from = new Float32Array(this.capacity * FLOATS_PER_PARTICLE);
    this.to = new Float32Array(this.capacity * FLOATS_PER_PARTICLE);
    const usage = BufferUsage.VERTEX | BufferUsage.COPY_DST;
    this.fromBuffer = new Buffer({ data: this.from, usage, label: 'particle-from' });
    this.toBuffer = new Buffer({ data: this.to, usage, label: 'particle-to' });

    this.geometry = new Geometry({
      attributes: {
        // The quad every particle is drawn with, corners at ±0.5.
        aPosition: {
          buffer: new Float32Array([-0.5, -0.5, 0.5, -0.5, 0.5, 0.5, -0.5, 0.5]),
          format: 'float32x2',
        },
        aFrom: { buffer: this.fromBuffer, format: 'float32x2', instance: true },
        aTo: { buffer: this.toBuffer, format: 'float32x2', instance: true },
      },
      indexBuffer: new Uint16Array([0, 1, 2, 0, 2, 3]),
      instanceCount: 0,
    });

    this.uniforms = new UniformGroup({
      uDotColor: { value: new Float32Array(4), type: 'vec4<f32>' },
      uProgress: { value: 1, type: 'f32' },
      uDotSize: { value: 1, type: 'f32' },
    });
    colourToRgb(options.colour ?? DEFAULT_PARTICLE_COLOUR, this.uniforms.uniforms.uDotColor);

    this.shader = new Shader({
      glProgram: GlProgram.from({
        name: 'boltzmann-particles',
        vertex: VERTEX_GLSL,
        fragment: FRAGMENT_GLSL,
      }),
      gpuProgram: GpuProgram.from({
        name: 'boltzmann-particles',
        vertex: { source: WGSL, entryPoint: 'mainVert' },
        fragment: { source: WGSL, entryPoint: 'mainFrag' },
      }),
      resources: { particleUniforms: this.uniforms },
    });

    this.mesh = new ParticleMesh({ geometry: this.geometry, shader: this.shader, label: 'particles' });
    this.mesh.eventMode = 'none';
    this.view = this.mesh;
  }

  /** Whether a move is still under way. */
  get animating(): boolean {
    return this.progress < 1;
  }

  /** The diameter each particle is drawn with, in CSS pixels (as last laid out). */
  get dotSize(): number {
    return this.uniforms.uniforms.uDotSize as number;
  }

  /** Particles being drawn. */
  get count(): number {
    return this.drawn;
  }

  /** Occupancy of each level after the last layout, by level index (valid up to rowY.length). */
  get occupancy(): Float64Array {
    return this.scratch.counts;
  }

  /** How long a move between levels takes; shorter when steps come faster than a move would last. */
  setDuration(durationMs: number): void {
    this.durationMs = Math.max(1, durationMs);
  }

  setColour(colour: number): void {
    colourToRgb(colour, this.uniforms.uniforms.uDotColor);
    this.uniforms.update();
  }

  /** Sets where the rows are; particles already shown snap to the new rows. */
  setLayout(layout: RowLayout): void {
    this.layout = layout;
    const rowY = layout.rowY;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let l = 0; l < rowY.length; l++) {
      if (rowY[l] < minY) minY = rowY[l];
      if (rowY[l] > maxY) maxY = rowY[l];
    }
    const half = layout.rowHeight / 2;
    const bounds = this.mesh.layoutBounds;
    if (rowY.length === 0) bounds.clear();
    else bounds.set(layout.left, minY - half, layout.left + layout.width, maxY + half);
    if (this.levels) this.place(this.levels, this.requested, false);
  }

  /**
   * Shows particle i on level levels[i] for i < count. With `animate`, particles move from where
   * they are to their new places over the move's duration; otherwise they snap. Keeps a reference
   * to `levels` to re-place them when the layout changes.
   */
  setParticles(levels: Uint32Array, count: number, animate: boolean): void {
    if (!Number.isInteger(count) || count < 0 || count > levels.length) {
      throw new RangeError(`setParticles: count ${count} is not within the ${levels.length} levels given.`);
    }
    this.levels = levels;
    this.requested = count;
    if (this.layout) this.place(levels, count, animate);
  }

  /** Advances a move by deltaMs milliseconds (the ticker's deltaMS). */
  update(deltaMs: number): void {
    if (this.progress >= 1 || !(deltaMs > 0)) return;
    this.elapsedMs += deltaMs;
    this.setProgress(Math.min(1, this.elapsedMs / this.durationMs));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.mesh.destroy();
    this.geometry.destroy(true);
    this.shader.destroy();
    this.levels = null;
    this.layout = null;
  }

  private setProgress(progress: number): void {
    this.progress = progress;
    this.uniforms.uniforms.uProgress = progress;
    this.uniforms.update();
  }

  private place(levels: Uint32Array, count: number, animate: boolean): void {
    const layout = this.layout;
    if (!layout || this.destroyed) return;
    const previous = this.drawn;
    const grew = this.ensureCapacity(count);
    const from = this.from;
    const to = this.to;

    if (animate) {
      // Start from where the dots are now; newcomers start at their targets.
      settlePositions(from, to, Math.min(previous, count), this.progress);
    }
    const metrics = writeTargets(levels, count, layout, to, this.scratch);
    if (animate) {
      if (count > previous)
        from.set(
          to.subarray(previous * FLOATS_PER_PARTICLE, count * FLOATS_PER_PARTICLE),
          previous * FLOATS_PER_PARTICLE,
        );
      this.elapsedMs = 0;
      this.setProgress(0);
    } else {
      this.setProgress(1);
    }

    const bytes = count * BYTES_PER_PARTICLE;
    if (grew) {
      // New, larger arrays: handing them over re-creates the GPU buffers at full size.
      this.fromBuffer.data = from;
      this.toBuffer.data = to;
    } else if (bytes > 0) {
      this.toBuffer.update(bytes);
      if (animate) this.fromBuffer.update(bytes);
    }
    this.uniforms.uniforms.uDotSize = metrics.dotSize;
    this.uniforms.update();
    this.geometry.instanceCount = count;
    this.drawn = count;
  }

  /** Grows the instance arrays by doubling to hold `count` particles; true when they grew. */
  private ensureCapacity(count: number): boolean {
    if (count <= this.capacity) return false;
    let capacity = this.capacity;
    while (capacity < count) capacity *= 2;
    const from = new Float32Array(capacity * FLOATS_PER_PARTICLE);
    const to = new Float32Array(capacity * FLOATS_PER_PARTICLE);
    const kept = this.drawn * FLOATS_PER_PARTICLE;
    from.set(this.from.subarray(0, kept));
    to.set(this.to.subarray(0, kept));
    this.capacity = capacity;
    this.from = from;
    this.to = to;
    return true;
  }
}
