/**
 * The WebGL programs behind the node shapes of `NODE_SHAPE_BY_LABEL`. All are flat-colour
 * shaders (no textures), one draw call per shape; the rings take their colour from the node's
 * `color`, so the highlight reducer's fading applies to every shape alike.
 */
import { createNodeBorderProgram } from '@sigma/node-border';
import { NodeSquareProgram } from '@sigma/node-square';
import { NodeCircleProgram, createNodeCompoundProgram } from 'sigma/rendering';
import type { NodeProgramType } from 'sigma/rendering';
import { NODE_CORE_COLOR, SHAPE_GEOMETRY as G } from '../../graph/appearance';
import type { NodeShape } from '../../graph/appearance';
import type { EdgeAttributes, NodeAttributes } from '../../graph/visual';

type Program = NodeProgramType<NodeAttributes, EdgeAttributes>;

const fill = { attribute: 'color' } as const;
const transparent = { transparent: true } as const;

/** A hollow circle: edges stay visible through it, unlike the filled consultant disc. */
const RingProgram: Program = createNodeBorderProgram({
  borders: [
    { size: { value: G.ring }, color: fill },
    { size: { fill: true }, color: transparent },
  ],
});

/** Ring, gap and centre dot: reads as a circle with a border, distinct from disc and ring. */
const TargetProgram: Program = createNodeBorderProgram({
  borders: [
    { size: { value: G.targetRing }, color: fill },
    { size: { value: G.targetGap }, color: transparent },
    { size: { fill: true }, color: fill },
  ],
});

/** The square with a light dot on top (the dot's circle fits inside the square). */
const CoreDotProgram: Program = createNodeBorderProgram({
  borders: [
    { size: { value: 1 - G.coreDot }, color: transparent },
    { size: { fill: true }, color: { attribute: 'coreColor', defaultValue: NODE_CORE_COLOR } },
  ],
});
const SquareDotProgram = createNodeCompoundProgram<NodeAttributes, EdgeAttributes>([
  NodeSquareProgram,
  CoreDotProgram,
]);

export const NODE_PROGRAM_CLASSES: Record<NodeShape, Program> = {
  circle: NodeCircleProgram,
  ring: RingProgram,
  square: NodeSquareProgram,
  target: TargetProgram,
  'square-dot': SquareDotProgram,
};
