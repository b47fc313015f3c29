/**
 * The header's Export menu, reading the current view from the explorer when a format is picked;
 * the export commands run here too.
 */
import { useCallback, useRef, useState } from 'react';
import { useProvideTool } from '../../commands/tools';
import { useExplorer } from '../../state/context';
import { Popover } from '../../components/Popover';
import type { ExportMenuActions } from './ExportMenu';
import { ExportMenu } from './ExportMenu';
import type { ExportSource } from './formats';

export function ExportTool(): React.JSX.Element {
  const explorer = useExplorer();
  // Exports are complete: a view that came with drawing properties only is read in full (an
  // image needs only what is drawn).
  const getSource = useCallback(
    async (complete: boolean): Promise<ExportSource> => {
      const data = await explorer.completeData(complete);
      const style = getComputedStyle(document.documentElement);
      const canvas = style.getPropertyValue('--canvas').trim();
      const text = style.getPropertyValue('--text').trim();
      return {
        data,
        view: explorer.graph,
        sigma: explorer.getSigma(),
        background: canvas || '#ffffff',
        foreground: text || '#212529',
      };
    },
    [explorer],
  );
  const [open, setOpen] = useState(false);
  const actions = useRef<ExportMenuActions>(null);
  // The image and the table export at once; "Export Graph…" opens the menu to pick a format.
  // Either way the menu opens, where the export's outcome shows.
  useProvideTool('export', {
    run: async (format) => {
      setOpen(true);
      await actions.current?.run(format);
    },
    choose: () => setOpen(true),
  });
  return (
    <Popover label="Export" testId="export-tool" open={open} onOpenChange={setOpen}>
      <ExportMenu getSource={getSource} actions={actions} />
    </Popover>
  );
}
