/**
 * Where features plug into the shell. A feature adds a tab (a screen next to Explore and
 * Statistics) or a toolbar item (a button or menu in the header's tool area) by appending to
 * these lists; inside, it reaches the backend with `useClient()`, the graph, camera and view
 * state with `useExplorer()`, and statistics/options with `useAppData()`.
 */
import { createElement, type ReactNode } from 'react';
import { AuditView } from './features/admin/AuditView';
import { DataTool } from './features/admin/DataTool';
import { ExportTool } from './features/export/ExportTool';
import { ViewsTool } from './features/views/ViewsTool';
import { WorkbenchScreen } from './features/workbench/WorkbenchScreen';

export type TabDefinition = {
  id: string;
  title: string;
  render: () => ReactNode;
};

export type ToolbarItem = { id: string; render: () => ReactNode };

export const tabs: TabDefinition[] = [
  { id: 'workbench', title: 'Workbench', render: () => createElement(WorkbenchScreen) },
  { id: 'admin', title: 'Admin', render: () => createElement(AuditView) },
];
export const toolbarItems: ToolbarItem[] = [
  { id: 'views', render: () => createElement(ViewsTool) },
  { id: 'export', render: () => createElement(ExportTool) },
  { id: 'data', render: () => createElement(DataTool) },
];
