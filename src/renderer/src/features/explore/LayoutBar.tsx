/** Layout, appearance and history controls above the network. */
import { useCommand } from '../../commands/context';
import { Popover } from '../../components/Popover';
import type { Fa2Settings } from '../../state/view-state';
import { canRedo, canUndo } from '../../graph/history';
import { useStore } from '../../state/store';
import { useExplorer } from '../../state/context';
import { MetricsForm } from '../metrics/MetricsForm';
import { StyleRulesForm } from '../metrics/StyleRulesForm';

export function LayoutBar(): React.JSX.Element {
  const explorer = useExplorer();
  const running = useStore(explorer.store, (s) => s.layoutRunning);
  const appearance = useStore(explorer.store, (s) => s.appearance);
  const undoable = useStore(explorer.store, (s) => canUndo(s.history));
  const redoable = useStore(explorer.store, (s) => canRedo(s.history));
  const layoutState = useStore(explorer.store, (s) => s.layout);
  const layout = useCommand('toggle-layout');
  const hierarchy = useCommand('layout-hierarchy');
  const cluster = useCommand('layout-cluster');
  const isolated = useCommand('toggle-isolated');
  const back = useCommand('back');
  const forward = useCommand('forward');
  const setFa2 = (fa2: Partial<Fa2Settings>): void =>
    explorer.setLayoutSettings({ ...layoutState, fa2: { ...layoutState.fa2, ...fa2 } });
  return (
    <div className="layout-bar" role="toolbar" aria-label="Layout" data-panel="layout-bar">
      <button
        type="button"
        data-testid="fa2-toggle"
        aria-pressed={running}
        title={layout.hint}
        onClick={layout.run}
      >
        {running ? 'Stop ForceAtlas2' : 'ForceAtlas2'}
      </button>
      <Popover label="Settings" testId="fa2-settings">
        <Fa2Form settings={layoutState.fa2} onChange={setFa2} />
      </Popover>
      <button type="button" onClick={() => explorer.setLayoutKind('layered')}>
        Layered
      </button>
      <button type="button" onClick={() => explorer.setLayoutKind('circular')}>
        Circular
      </button>
      <button
        type="button"
        data-testid="layout-hierarchy"
        title={hierarchy.hint}
        onClick={hierarchy.run}
      >
        Hierarchy
      </button>
      <button type="button" data-testid="layout-cluster" title={cluster.hint} onClick={cluster.run}>
        Cluster
      </button>
      <label>
        by{' '}
        <select
          data-testid="cluster-by"
          value={layoutState.clusterBy}
          onChange={(e) =>
            explorer.setLayoutSettings({ ...layoutState, clusterBy: e.target.value })
          }
        >
          {CLUSTER_BY.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <label title={isolated.hint}>
        <input
          type="checkbox"
          data-testid="hide-isolated"
          checked={layoutState.hideIsolated}
          onChange={isolated.run}
        />{' '}
        Hide isolated
      </label>
      <Popover label="Metrics" testId="metrics-menu">
        <MetricsForm />
      </Popover>
      {/* Rules may use any property: a view that came with drawing properties only is read in full. */}
      <Popover
        label="Style"
        testId="style-menu"
        onOpenChange={(open) => {
          if (open) void explorer.completeProperties();
        }}
      >
        <StyleRulesForm />
      </Popover>
      <label>
        Labels{' '}
        <select
          value={appearance.labels}
          onChange={(e) => {
            const labels = e.target.value;
            if (labels === 'auto' || labels === 'all' || labels === 'none')
              explorer.setAppearance({ ...appearance, labels });
          }}
        >
          <option value="auto">by zoom</option>
          <option value="all">all</option>
          <option value="none">none</option>
        </select>
      </label>
      <span className="spacer" />
      <button
        type="button"
        data-testid="undo"
        disabled={!undoable}
        onClick={back.run}
        title={back.hint}
      >
        {back.title}
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!redoable}
        onClick={forward.run}
        title={forward.hint}
      >
        {forward.title}
      </button>
    </div>
  );
}

/** Groupings of the cluster layout: the nearest consultant, or a categorical field. */
const CLUSTER_BY = [
  ['consultant', 'consultant'],
  ['label', 'type'],
  ['region', 'region'],
  ['sales_region', 'sales region'],
  ['channel', 'channel'],
  ['asset_class', 'asset class'],
] as const;

function CheckField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): React.JSX.Element {
  return (
    <label className="fa2-field">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function NumberField({
  label,
  value,
  step,
  onChange,
}: {
  label: string;
  value: number;
  step: number;
  onChange: (v: number) => void;
}): React.JSX.Element {
  return (
    <label className="fa2-field">
      {label}
      <input
        type="number"
        min={0}
        step={step}
        value={value}
        onChange={(e) => {
          const v = e.target.valueAsNumber;
          if (Number.isFinite(v) && v >= 0) onChange(v);
        }}
      />
    </label>
  );
}

/** The ForceAtlas2 settings; a running layout takes each change at once. */
function Fa2Form({
  settings,
  onChange,
}: {
  settings: Fa2Settings;
  onChange: (s: Partial<Fa2Settings>) => void;
}): React.JSX.Element {
  return (
    <div className="fa2-form" data-testid="fa2-form">
      <NumberField
        label="Gravity"
        value={settings.gravity}
        step={0.05}
        onChange={(gravity) => onChange({ gravity })}
      />
      <CheckField
        label="Strong gravity"
        checked={settings.strongGravityMode}
        onChange={(strongGravityMode) => onChange({ strongGravityMode })}
      />
      <NumberField
        label="Scaling"
        value={settings.scalingRatio}
        step={1}
        onChange={(scalingRatio) => scalingRatio > 0 && onChange({ scalingRatio })}
      />
      <label className="fa2-field">
        Barnes-Hut
        <select
          value={String(settings.barnesHutOptimize)}
          onChange={(e) =>
            onChange({
              barnesHutOptimize: e.target.value === 'null' ? null : e.target.value === 'true',
            })
          }
        >
          <option value="null">auto (over 1,000 nodes)</option>
          <option value="true">on</option>
          <option value="false">off</option>
        </select>
      </label>
      <CheckField
        label="LinLog mode"
        checked={settings.linLogMode}
        onChange={(linLogMode) => onChange({ linLogMode })}
      />
      <NumberField
        label="Edge weight (influence)"
        value={settings.edgeWeightInfluence}
        step={0.5}
        onChange={(edgeWeightInfluence) =>
          edgeWeightInfluence <= 5 && onChange({ edgeWeightInfluence })
        }
      />
    </div>
  );
}
