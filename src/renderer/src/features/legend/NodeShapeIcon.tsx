/**
 * A node type's shape as a small inline SVG, drawn from the same proportions as the WebGL
 * programs so the legend matches the network (the details title can reuse it).
 */
import { NODE_CORE_COLOR, SHAPE_GEOMETRY as G } from '../../graph/appearance';
import type { NodeShape } from '../../graph/appearance';

/** Radius in the 12×12 view box (half a unit of margin keeps edges crisp). */
const R = 5.5;
const C = 6;

function Parts({ shape, color }: { shape: NodeShape; color: string }): React.JSX.Element {
  switch (shape) {
    case 'circle':
      return <circle cx={C} cy={C} r={R} fill={color} />;
    case 'ring': {
      const w = G.ring * R;
      return <circle cx={C} cy={C} r={R - w / 2} fill="none" stroke={color} strokeWidth={w} />;
    }
    case 'square':
      return <rect x={C - R} y={C - R} width={2 * R} height={2 * R} fill={color} />;
    case 'target': {
      const w = G.targetRing * R;
      const dot = R * (1 - G.targetRing - G.targetGap);
      return (
        <>
          <circle cx={C} cy={C} r={R - w / 2} fill="none" stroke={color} strokeWidth={w} />
          <circle cx={C} cy={C} r={dot} fill={color} />
        </>
      );
    }
    case 'square-dot':
      return (
        <>
          <rect x={C - R} y={C - R} width={2 * R} height={2 * R} fill={color} />
          <circle cx={C} cy={C} r={G.coreDot * R} fill={NODE_CORE_COLOR} />
        </>
      );
  }
}

export function NodeShapeIcon({
  shape,
  color,
}: {
  shape: NodeShape;
  color: string;
}): React.JSX.Element {
  return (
    <svg
      className="swatch shape"
      viewBox="0 0 12 12"
      width={12}
      height={12}
      aria-hidden="true"
      data-shape={shape}
    >
      <Parts shape={shape} color={color} />
    </svg>
  );
}
