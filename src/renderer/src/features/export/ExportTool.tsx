/** The header's Export menu, reading the current view from the explorer when a format is picked. */
import { useCallback } from 'react';
import { deriveDataset } from '../../graph/exploration';
import { useExplorer } from '../../shell/contexts';
import { Popover } from '../admin/Popover';
import { ExportMenu } from './ExportMenu';
import type { ExportSource } from './formats';

export function ExportTool(): React.JSX.Element {
  const explorer = useExplorer();
  const getSource = useCallback((): ExportSource => {
    const dataset = deriveDataset(explorer.store.get().history.present);
    const canvas = getComputedStyle(document.documentElement).getPropertyValue('--canvas').trim();
    return {
      data: { nodes: [...dataset.nodes.values()], relationships: [...dataset.edges.values()] },
      view: explorer.graph,
      sigma: explorer.getSigma(),
      background: canvas || '#ffffff',
    };
  }, [explorer]);
  return (
    <Popover label="Export" testId="export-tool">
      <ExportMenu getSource={getSource} />
    </Popover>
  );
}
