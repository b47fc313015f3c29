/**
 * The WebGL network: one sigma instance over the explorer's graph for the life of the view,
 * driven by render-null controllers. Also hosts the zoom controls and the node context menu.
 */
import { createEdgeCurveProgram } from '@sigma/edge-curve';
import { useCallback, useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { Explorer, SigmaInstance } from '../../state/explorer';
import { useStore } from '../../state/store';
import { ContextMenu } from './ContextMenu';
import { DebugHandleController } from './DebugHandle';
import { EventsController } from './EventsController';
import type { ContextMenuRequest } from './EventsController';
import { ForceAtlas2Controller } from './ForceAtlas2Controller';
import { GraphSyncController } from './GraphSyncController';
import { LabelsController } from './LabelsController';
import type { EdgeAttributes, NodeAttributes } from '../../graph/visual';
import { useGraphSize } from '../../hooks/useGraphSize';
import { NODE_PROGRAM_CLASSES } from './node-programs';
import { ReducersController } from './ReducersController';
import { SelectionBar } from './SelectionBar';
import { SigmaContext } from './sigma-context';
import { ZoomControls } from './ZoomControls';

export type NetworkViewProps = {
  explorer: Explorer;
  theme: 'light' | 'dark';
  /** Hide the overlay controls (the bench page draws the bare network). */
  chrome?: boolean;
};

export function NetworkView({
  explorer,
  theme,
  chrome = true,
}: NetworkViewProps): React.JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const [sigma, setSigma] = useState<SigmaInstance | null>(null);
  const [menu, setMenu] = useState<ContextMenuRequest | null>(null);
  const running = useStore(explorer.store, (s) => s.layoutRunning);
  const settled = useStore(explorer.store, (s) => s.settled);
  const settling = useStore(explorer.store, (s) => s.settling);
  const size = useGraphSize(explorer.graph);
  const closeMenu = useCallback(() => setMenu(null), []);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance: SigmaInstance = new Sigma(explorer.graph, element, {
      allowInvalidContainer: true,
      defaultEdgeType: 'line',
      // Parallel relationships carry `type: 'curved'` and their curvature.
      edgeProgramClasses: { curved: createEdgeCurveProgram<NodeAttributes, EdgeAttributes>() },
      // One program per node shape; the derivation picks it through each node's `type`.
      nodeProgramClasses: NODE_PROGRAM_CLASSES,
      defaultNodeType: 'circle',
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      zIndex: true,
    });
    explorer.attachSigma(instance);
    setSigma(instance);
    return () => {
      explorer.attachSigma(null);
      instance.kill();
      setSigma(null);
    };
  }, [explorer]);

  return (
    <div className="network" data-testid="network-panel">
      <div
        ref={container}
        className="network-canvas"
        data-testid="network"
        data-node-count={size.nodes}
        data-edge-count={size.edges}
        data-layout-running={running}
        data-settled={settled}
        data-settling={settling}
        onContextMenu={(e) => e.preventDefault()}
      />
      {sigma && (
        <SigmaContext.Provider value={sigma}>
          {/* Settings first: their effects then run while the graph is still empty, and the
              first load ends in a single full refresh. */}
          <ReducersController explorer={explorer} theme={theme} />
          <LabelsController explorer={explorer} />
          <EventsController explorer={explorer} onContextMenu={setMenu} />
          <GraphSyncController explorer={explorer} />
          <ForceAtlas2Controller explorer={explorer} />
          <DebugHandleController explorer={explorer} />
          {chrome && <ZoomControls />}
          {chrome && <SelectionBar explorer={explorer} />}
        </SigmaContext.Provider>
      )}
      {menu && <ContextMenu explorer={explorer} request={menu} onClose={closeMenu} />}
    </div>
  );
}
