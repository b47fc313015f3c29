/** Zoom in, zoom out and fit the whole graph. */
import { useSigma } from './sigma-context';

export function ZoomControls(): React.JSX.Element {
  const sigma = useSigma();
  const camera = sigma.getCamera();
  return (
    <div className="zoom-controls" role="toolbar" aria-label="Zoom">
      <button
        type="button"
        title="Zoom in (+)"
        onClick={() => void camera.animatedZoom({ duration: 200 })}
      >
        +
      </button>
      <button
        type="button"
        title="Zoom out (-)"
        onClick={() => void camera.animatedUnzoom({ duration: 200 })}
      >
        −
      </button>
      <button
        type="button"
        title="Fit the graph (F)"
        data-testid="fit"
        onClick={() => void camera.animatedReset({ duration: 300 })}
      >
        ⤢
      </button>
    </div>
  );
}
