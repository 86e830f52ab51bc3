// The "progress over time" chart: a batch's daily series from Druid (GET .../trend), refreshed every 30 s at most.
// It never raises the page's error banner: no data yet, Druid down or a role without access is a note under the chart,
// and the rest of the dashboard keeps refreshing.
import { ApiError, getJson, paths } from './api.js';
import { el } from './format.js';

const EVERY_MS = 30_000;
const DAYS = 30;

export class TrendChart {
  constructor(canvasId, noteId) {
    this.canvas = document.getElementById(canvasId);
    this.note = document.getElementById(noteId);
    this.chart = null;
    this.key = null;
    this.last = 0;
    this.busy = false;
  }

  /** Refreshes when the batch changed or the last answer is older than 30 s; never throws. */
  async maybeRefresh(course, batch, token) {
    const key = `${course}/${batch}`;
    if (this.busy || (key === this.key && Date.now() - this.last < EVERY_MS)) return;
    this.busy = true;
    if (key !== this.key) this.draw([], 'Loading progress over time…');
    this.key = key;
    this.last = Date.now();
    try {
      const { result } = await getJson(paths.trend(course, batch, DAYS), token);
      this.draw(result.series, result.series.length ? `UTC days ${result.from} to ${result.to}` :
        'No data yet: Druid has no progress for this batch (it appears within seconds of the first update).');
    } catch (e) {
      this.draw([], TrendChart.explain(e));
    } finally {
      this.busy = false;
    }
  }

  static explain(e) {
    if (e instanceof ApiError && e.status === 503) return 'Druid unavailable: progress over time will return when it answers.';
    if (e instanceof ApiError && e.status === 403) return 'Progress over time is shown to instructors and org admins.';
    return `Progress over time unavailable: ${e.message}`;
  }

  draw(series, note) {
    this.note.replaceChildren(el('span', { text: note }));
    this.note.dataset.state = series.length ? 'data' : 'empty';
    const labels = series.map(p => p.date);
    const sets = [
      ['Active learners', series.map(p => p.activeLearners), '#3b82f6', 'y', 'line'],
      ['Content updates', series.map(p => p.contentUpdates), '#93c5fd', 'y', 'line'],
      ['Completions', series.map(p => p.completions), '#16a34a', 'y', 'bar'],
      ['Completion rate (cumulative %)', series.map(p => p.cumulativeCompletionRate), '#f59e0b', 'rate', 'line'],
    ];
    if (!this.chart) {
      this.chart = new Chart(this.canvas, {
        data: {
          labels,
          datasets: sets.map(([label, data, color, yAxisID, type]) => ({
            type, label, data, yAxisID, borderColor: color, backgroundColor: color, pointRadius: 2, tension: 0.2,
          })),
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          plugins: { title: { display: true, text: 'Progress over time' } },
          scales: {
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'per day' } },
            rate: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false },
              title: { display: true, text: 'completion %' } },
          },
        },
      });
    } else {
      this.chart.data.labels = labels;
      sets.forEach(([, data], i) => { this.chart.data.datasets[i].data = data; });
      this.chart.update('none');
    }
  }
}
