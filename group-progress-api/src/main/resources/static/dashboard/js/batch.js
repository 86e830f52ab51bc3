// The batch view: headline figures, a histogram of the 10 % buckets (Chart.js) and the learner table.
import { getBlob, getJson, paths } from './api.js';
import { STATUS, ago, duration, el, num, pct } from './format.js';
import { TrendChart } from './trend.js';

const PAGE_SIZE = 50;
const BUCKETS = Array.from({ length: 10 }, (_, i) => (i === 9 ? '90–100 %' : `${i * 10}–${i * 10 + 9} %`));
const TEXT_SORTS = new Set(['name', 'userId']);

export class BatchView {
  constructor(ctx) {
    this.ctx = ctx;
    this.course = '';
    this.batch = '';
    this.group = '';
    this.sort = 'completion';
    this.order = 'desc';
    this.pages = [null]; // paging states of the pages seen; the last one is shown
    this.next = null;
    this.chart = null;
    this.trend = new TrendChart('trend', 'trend-note');
    this.$ = id => document.getElementById(id);

    this.$('batch-form').addEventListener('submit', e => {
      e.preventDefault();
      this.set({ course: this.$('course-input').value.trim(), batch: this.$('batch-input').value.trim(),
        group: this.$('batch-group-input').value.trim() });
    });
    document.querySelectorAll('#learners th[data-sort]').forEach(th => th.addEventListener('click', () => {
      const sort = th.dataset.sort;
      const order = sort === this.sort ? (this.order === 'asc' ? 'desc' : 'asc') : (TEXT_SORTS.has(sort) ? 'asc' : 'desc');
      this.set({ sort, order });
    }));
    this.$('next-page').addEventListener('click', () => {
      if (this.next) {
        this.pages.push(this.next);
        this.ctx.changed();
      }
    });
    this.$('prev-page').addEventListener('click', () => {
      if (this.pages.length > 1) {
        this.pages.pop();
        this.ctx.changed();
      }
    });
    this.$('gradebook-csv').addEventListener('click', () => this.downloadGradebook());
  }

  /** Takes parameters from the URL or the form; any change starts again at the first page. */
  set(params) {
    for (const k of ['course', 'batch', 'group', 'sort', 'order']) {
      if (params[k] !== undefined && params[k] !== null) this[k] = params[k];
    }
    this.$('course-input').value = this.course;
    this.$('batch-input').value = this.batch;
    this.$('batch-group-input').value = this.group;
    this.pages = [null];
    this.ctx.changed();
  }

  ready() {
    return Boolean(this.course && this.batch);
  }

  urlParams() {
    const q = { view: 'batch', course: this.course, batch: this.batch, sort: this.sort, order: this.order };
    if (this.group) q.group = this.group;
    return q;
  }

  async refresh(signal) {
    const pagingState = this.pages[this.pages.length - 1];
    const { result } = await getJson(paths.dashboard(this.course, this.batch, {
      sort: this.sort, order: this.order, pageSize: PAGE_SIZE, pagingState, group: this.group,
    }), this.ctx.token(), { signal });
    this.render(result);
    this.trend.maybeRefresh(this.course, this.batch, this.ctx.token()); // its own pace (30 s), its own errors
    return `data read ${new Date(result.readAt).toLocaleTimeString()}`;
  }

  render(page) {
    this.$('batch-body').hidden = false;
    this.$('gradebook-csv').disabled = false;
    const b = page.batch;
    this.$('batch-title').textContent = `${b.name ?? b.batchId} · course ${b.courseId}`
      + (b.startDate ? ` · from ${b.startDate}` : '') + (b.endDate ? ` to ${b.endDate}` : '');
    const c = page.cohort;
    this.$('fig-learners').textContent = num(c.learners);
    this.$('fig-completion-rate').textContent = pct(c.completionRate);
    this.$('fig-median').textContent = pct(c.medianProgress);
    this.$('fig-inactive').textContent = num(c.inactive);
    this.histogram(c.buckets);
    this.table(page);
  }

  histogram(buckets) {
    if (!this.chart) {
      this.chart = new Chart(this.$('histogram'), {
        type: 'bar',
        data: { labels: BUCKETS, datasets: [{ label: 'learners', data: buckets, backgroundColor: '#3b82f6' }] },
        options: {
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false },
            title: { display: true, text: 'Learners by completion' } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'learners' } },
            x: { title: { display: true, text: 'completion' } } },
        },
      });
    } else {
      this.chart.data.datasets[0].data = buckets;
      this.chart.update('none');
    }
  }

  table(page) {
    const rows = page.learners.map(r => {
      const tr = el('tr', { attrs: { 'data-user-id': r.userId } });
      const bar = el('span', { cls: 'bar', attrs: { style: `width:${Math.round(r.completionPercentage * 0.6)}px` } });
      tr.append(
        el('td', { attrs: { 'data-col': 'name', title: r.userId } }, r.name ?? r.userId),
        el('td', { cls: 'num', attrs: { 'data-col': 'completion' } }, bar, pct(r.completionPercentage)),
        el('td', { cls: `status-${r.status ?? 0}`, text: STATUS[r.status ?? 0] ?? String(r.status), attrs: { 'data-col': 'status' } }),
        el('td', { text: ago(r.lastAccessTime), attrs: { 'data-col': 'lastAccess', title: r.lastAccessTime ?? '' } }),
        el('td', { cls: 'num', text: num(r.totalScore), attrs: { 'data-col': 'score' } }),
        el('td', { cls: 'num', text: duration(r.timeSpentSeconds), attrs: { 'data-col': 'timeSpent' } }),
      );
      return tr;
    });
    document.querySelector('#learners tbody').replaceChildren(...rows);
    document.querySelectorAll('#learners th[data-sort]').forEach(th => {
      th.classList.toggle('sorted-asc', th.dataset.sort === page.sort && page.order === 'asc');
      th.classList.toggle('sorted-desc', th.dataset.sort === page.sort && page.order === 'desc');
    });
    const first = (this.pages.length - 1) * PAGE_SIZE;
    this.$('learner-range').textContent = page.count === 0 ? '(none)'
      : `${first + 1}–${first + page.learners.length} of ${num(page.count)}`;
    this.next = page.nextPagingState;
    this.$('next-page').disabled = !this.next;
    this.$('prev-page').disabled = this.pages.length <= 1;
  }

  async downloadGradebook() {
    try {
      const blob = await getBlob(paths.gradebookCsv(this.course, this.batch, this.group), this.ctx.token(), 'text/csv');
      const a = el('a', { attrs: { href: URL.createObjectURL(blob), download: `gradebook-${this.course}-${this.batch}.csv` } });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      this.ctx.error(e);
    }
  }
}
