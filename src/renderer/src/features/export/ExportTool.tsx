/**
 * The header's Export menu, reading the current view from the explorer when a format is picked;
 * the native menu's export commands land here too.
 */
import { useCallback, useRef, useState } from 'react';
import { deriveDataset } from '../../graph/exploration';
import { useExplorer } from '../../shell/contexts';
import { Popover } from '../admin/Popover';
import { useMenuCommand } from '../admin/use-menu-command';
import type { ExportMenuActions } from './ExportMenu';
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
  const [open, setOpen] = useState(false);
  const actions = useRef<ExportMenuActions>(null);
  // The image and the table export at once; "Export Graph…" opens the menu to pick a format.
  useMenuCommand((command) => {
    if (command !== 'export-png' && command !== 'export-graph' && command !== 'export-table') {
      return;
    }
    setOpen(true);
    if (command === 'export-png') void actions.current?.run('png');
    if (command === 'export-table') void actions.current?.run('coverage-xlsx');
  });
  return (
    <Popover label="Export" testId="export-tool" open={open} onOpenChange={setOpen}>
      <ExportMenu getSource={getSource} actions={actions} />
    </Popover>
  );
}
