/**
 * A window over a date property that steps or plays through its dates: each position applies the
 * window as that property's range, so the network shows what falls within it.
 */
import { useEffect, useRef, useState } from 'react';
import { RANGE_FILTERS, type Histogram, type RangeProperty } from '@shared/api';
import type { GraphMode } from '@shared/domain';
import { getRange, setRange, whyFieldOff, type FilterState } from '../../graph/filters';
import { RANGE_TITLES } from '../../graph/filter-fields';

const DATE_PROPERTIES = ['owns_start_date', 'rates_date'] as const satisfies RangeProperty[];
type DateProperty = (typeof DATE_PROPERTIES)[number];
const WINDOWS = [30, 90, 365] as const;
const STEPS = [7, 30, 90] as const;
/** How long each position is shown while playing. */
const TICK_MS = 1_500;
/** Dragging settles for this long before the window is applied. */
const SETTLE_MS = 250;
const DAY_MS = 86_400_000;

const dayOf = (iso: string): number => Math.round(Date.parse(iso) / DAY_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function TimeSlider({
  applied,
  mode,
  histograms,
  onApply,
}: {
  applied: FilterState;
  mode: GraphMode;
  histograms: Histogram[] | undefined;
  onApply: (filter: FilterState) => void;
}): React.JSX.Element {
  const [property, setProperty] = useState<DateProperty>('owns_start_date');
  const [windowDays, setWindowDays] = useState<number>(90);
  const [stepDays, setStepDays] = useState<number>(30);
  const [playing, setPlaying] = useState(false);
  const appliedMin = getRange(applied, property).min;
  const [start, setStart] = useState<number | null>(
    typeof appliedMin === 'string' ? dayOf(appliedMin) : null,
  );
  /** The window start last applied, to tell a change made elsewhere (a chip removed). */
  const sent = useRef<string | null>(typeof appliedMin === 'string' ? appliedMin : null);

  const histogram = histograms?.find((h) => h.field === property);
  const first = typeof histogram?.min === 'string' ? dayOf(histogram.min) : null;
  const last = typeof histogram?.max === 'string' ? dayOf(histogram.max) : null;
  const off = whyFieldOff(RANGE_FILTERS[property].min, mode);
  const usable = off === null && first !== null && last !== null;
  const lastStart = last === null ? 0 : Math.max(first ?? 0, last - windowDays + 1);

  // The window applies once it settles.
  useEffect(() => {
    if (start === null) return;
    const from = isoOf(start);
    if (from === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = from;
      onApply(setRange(applied, property, from, isoOf(start + windowDays - 1)));
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [start, windowDays, property, applied, onApply]);

  // The range removed or changed elsewhere ends the time window.
  useEffect(() => {
    if (sent.current !== null && appliedMin !== sent.current) {
      sent.current = null;
      setStart(null);
      setPlaying(false);
    }
  }, [appliedMin]);

  const move = (days: number): boolean => {
    if (first === null) return false;
    const from = start ?? first - days;
    const next = Math.min(Math.max(from + days, first), lastStart);
    if (start !== null && next === start) return false;
    setStart(next);
    return true;
  };

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      if (!move(stepDays)) setPlaying(false);
    }, TICK_MS);
    return () => clearTimeout(timer);
  });

  const resize = (days: number) => {
    setWindowDays(days);
    // Re-apply the current window with its new length.
    sent.current = null;
  };

  return (
    <fieldset
      className="filter-field time-slider"
      data-testid="time-slider"
      disabled={!usable}
      title={off ?? undefined}
    >
      <legend>Time</legend>
      {off && <small className="muted why-off">{off}</small>}
      <div className="time-row">
        <select
          aria-label="Date property"
          value={property}
          onChange={(e) => {
            setPlaying(false);
            setStart(null);
            sent.current = null;
            setProperty(e.target.value as DateProperty);
          }}
        >
          {DATE_PROPERTIES.map((p) => (
            <option key={p} value={p}>
              {RANGE_TITLES[p]}
            </option>
          ))}
        </select>
        <label>
          Window
          <select
            aria-label="Window length"
            value={windowDays}
            onChange={(e) => resize(Number(e.target.value))}
          >
            {WINDOWS.map((d) => (
              <option key={d} value={d}>
                {d} d
              </option>
            ))}
          </select>
        </label>
        <label>
          Step
          <select
            aria-label="Step length"
            value={stepDays}
            onChange={(e) => setStepDays(Number(e.target.value))}
          >
            {STEPS.map((d) => (
              <option key={d} value={d}>
                {d} d
              </option>
            ))}
          </select>
        </label>
      </div>
      <input
        type="range"
        aria-label="Window start"
        min={first ?? 0}
        max={lastStart}
        step={1}
        value={start ?? first ?? 0}
        onChange={(e) => setStart(Number(e.target.value))}
      />
      <div className="time-row">
        <button type="button" aria-label="Step back" onClick={() => move(-stepDays)}>
          ◀
        </button>
        <button
          type="button"
          data-testid="time-play"
          aria-label={playing ? 'Pause' : 'Play'}
          onClick={() => setPlaying(!playing)}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" aria-label="Step forward" onClick={() => move(stepDays)}>
          ▶|
        </button>
        <small className="muted" data-testid="time-window">
          {start === null ? 'All dates' : `${isoOf(start)} – ${isoOf(start + windowDays - 1)}`}
        </small>
      </div>
    </fieldset>
  );
}
