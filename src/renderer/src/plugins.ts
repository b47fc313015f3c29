/**
 * Where features plug into the shell. A feature adds a tab (a screen next to Explore and
 * Statistics) or a toolbar item (a button or menu in the header's tool area) by appending to
 * these lists; inside, it reaches the backend with `useClient()`, the graph, camera and view
 * state with `useExplorer()`, and statistics/options with `useAppData()`.
 */
import type { ReactNode } from 'react';

export type TabDefinition = {
  id: string;
  title: string;
  render: () => ReactNode;
};

export type ToolbarItem = { id: string; render: () => ReactNode };

export const tabs: TabDefinition[] = [];
export const toolbarItems: ToolbarItem[] = [];
