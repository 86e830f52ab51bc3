// Number, time and colour formatting shared by the views.

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export const num = v => (v === null || v === undefined ? '–' : number.format(v));
export const pct = v => (v === null || v === undefined ? '–' : `${number.format(v)}%`);

export const STATUS = { 0: 'not started', 1: 'in progress', 2: 'completed' };

export function ago(iso) {
  if (!iso) return 'never';
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [30, 'day'], [12, 'month'], [Infinity, 'year']];
  let v = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(v) < size) return relative.format(Math.round(v), unit);
    v /= size;
  }
  return iso;
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

/** A sequential blue scale for 0..100 % (light to dark) and a readable text colour on it. */
export function heat(percent) {
  const t = Math.max(0, Math.min(100, percent)) / 100;
  const from = [239, 246, 255];
  const to = [29, 78, 216];
  const rgb = from.map((f, i) => Math.round(f + (to[i] - f) * t));
  return { background: `rgb(${rgb.join(',')})`, color: t > 0.55 ? '#fff' : '#1d2430' };
}

/** A DOM element with text content (never innerHTML: names come from learners). */
export function el(tag, { text, cls, attrs } = {}, ...children) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
