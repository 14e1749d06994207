import type { Lang } from '../../schema/common';
import { h } from '../dom';
import { BASE_MINUTES_PER_SECOND, clockParts, SPEEDS, type HospitalRun } from './hospitalRun';
import { w } from './strings';

/** "Day 3, 09:41" / "第3天 09:41". */
export function clockText(time: number, lang: Lang): string {
  const { day, hh, mm } = clockParts(time);
  return lang === 'en' ? `Day ${day}, ${hh}:${mm}` : `第${day}天 ${hh}:${mm}`;
}

/** Index of the speed button nearest to a rate (the test hook may set rates between them). */
export function speedIndex(minutesPerSecond: number): number {
  let best = 0;
  SPEEDS.forEach((s, i) => {
    if (
      Math.abs(s * BASE_MINUTES_PER_SECOND - minutesPerSecond) <
      Math.abs((SPEEDS[best] as number) * BASE_MINUTES_PER_SECOND - minutesPerSecond)
    )
      best = i;
  });
  return best;
}

/**
 * Pause/play, the speeds, a single step while paused, and the clock. Keys: space pauses and
 * plays, + and − change speed (not while typing in a field).
 */
export function timeControls(run: HospitalRun, lang: () => Lang): { el: HTMLElement; refresh(): void; dispose(): void } {
  const play = h('button', { class: 'primary', attrs: { 'data-testid': 'play-pause' } });
  const step = h('button', { attrs: { 'data-testid': 'step' } });
  const speeds = SPEEDS.map((s) => h('button', { attrs: { 'data-speed': String(s) } }, `${s}×`));
  const rate = h('span', { class: 'rate muted', attrs: { 'data-testid': 'rate' } });
  const clock = h('span', { class: 'clock', attrs: { 'data-testid': 'clock' } });
  const setSpeed = (i: number): void => {
    const s = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i))] as number;
    run.minutesPerSecond = s * BASE_MINUTES_PER_SECOND;
    refresh();
  };
  play.addEventListener('click', () => {
    run.paused = !run.paused;
    refresh();
  });
  step.addEventListener('click', () => {
    if (run.paused) run.speak(run.stepOnce(), lang());
  });
  speeds.forEach((b, i) => b.addEventListener('click', () => setSpeed(i)));
  const onKey = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement | null;
    if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    if (e.key === ' ') {
      e.preventDefault();
      run.paused = !run.paused;
      refresh();
    } else if (e.key === '+' || e.key === '=') setSpeed(speedIndex(run.minutesPerSecond) + 1);
    else if (e.key === '-' || e.key === '−') setSpeed(speedIndex(run.minutesPerSecond) - 1);
  };
  document.addEventListener('keydown', onKey);
  const refresh = (): void => {
    const l = lang();
    play.textContent = run.paused ? `▶ ${w('play', l)}` : `❚❚ ${w('pause', l)}`;
    step.textContent = w('step', l);
    step.disabled = !run.paused;
    const current = speedIndex(run.minutesPerSecond);
    speeds.forEach((b, i) => b.classList.toggle('active', i === current));
    rate.textContent = `${Number(run.minutesPerSecond.toFixed(2))} ${w('minPerSec', l)}`;
    clock.textContent = clockText(run.sim.world.time, l);
  };
  refresh();
  const el = h(
    'div',
    { class: 'time-controls', attrs: { role: 'toolbar', 'aria-label': 'time' } },
    play,
    step,
    h('span', { class: 'speeds' }, ...speeds),
    rate,
    clock,
  );
  return { el, refresh, dispose: () => document.removeEventListener('keydown', onKey) };
}
