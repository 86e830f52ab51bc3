// The group view: average completion per course (Chart.js) and a members × courses heat map (colour-scaled table).
import { getJson, paths } from './api.js';
import { STATUS, ago, el, heat, num, pct } from './format.js';

export class GroupView {
  constructor(ctx) {
    this.ctx = ctx;
    this.group = '';
    this.chart = null;
    this.$ = id => document.getElementById(id);
    this.$('group-form').addEventListener('submit', e => {
      e.preventDefault();
      this.set({ group: this.$('group-input').value.trim() });
    });
    this.legend();
  }

  set({ group }) {
    if (group !== undefined && group !== null) this.group = group;
    this.$('group-input').value = this.group;
    this.ctx.changed();
  }

  ready() {
    return Boolean(this.group);
  }

  urlParams() {
    return { view: 'group', group: this.group };
  }

  async refresh(signal) {
    const { result, headers } = await getJson(paths.groupProgress(this.group), this.ctx.token(), { signal, cache: 'no-cache' });
    this.render(result);
    const layer = headers.get('X-Stride-Cache');
    const age = headers.get('X-Stride-Cache-Age');
    const degraded = headers.get('X-Stride-Cache-Degraded') ? ', degraded: Redis unavailable' : '';
    return `computed ${new Date(result.computedAt).toLocaleTimeString()}`
      + (layer ? ` (cache ${layer}, age ${age} s${degraded})` : '');
  }

  render(p) {
    this.$('group-body').hidden = false;
    this.$('group-title').textContent = `${p.name ?? p.groupId} · ${p.members.length} members · ${p.courses.length} courses`;
    this.summary(p);
    this.heatmap(p);
  }

  summary(p) {
    const names = new Map(p.courses.map(c => [c.courseId, c.name ?? c.courseId]));
    const labels = p.summary.map(s => names.get(s.courseId) ?? s.courseId);
    const data = p.summary.map(s => s.averageCompletion);
    if (!this.chart) {
      this.chart = new Chart(this.$('course-summary'), {
        type: 'bar',
        data: { labels, datasets: [{ label: 'average completion (enrolled members)', data, backgroundColor: '#3b82f6' }] },
        options: {
          indexAxis: 'y',
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: false },
            title: { display: true, text: 'Average completion per course (enrolled members)' },
            tooltip: { callbacks: { afterLabel: item => {
              const s = this.lastSummary[item.dataIndex];
              return `${s.enrolled} enrolled, ${s.completed} completed`;
            } } },
          },
          scales: { x: { min: 0, max: 100, ticks: { callback: v => `${v}%` } } },
        },
      });
    } else {
      this.chart.data.labels = labels;
      this.chart.data.datasets[0].data = data;
      this.chart.update('none');
    }
    this.lastSummary = p.summary;
  }

  heatmap(p) {
    const head = el('tr', {}, el('th', { text: 'Member' }),
      ...p.courses.map(c => el('th', { text: c.name ?? c.courseId, attrs: { title: c.courseId, 'data-course': c.courseId } })));
    const rows = p.members.map(m => {
      const byCourse = new Map(m.courses.map(c => [c.courseId, c]));
      const tr = el('tr', { attrs: { 'data-user-id': m.userId } },
        el('th', { cls: 'member', text: m.name ?? m.userId, attrs: { title: `${m.userId} · ${m.role} · ${m.status}` } }));
      for (const course of p.courses) {
        const c = byCourse.get(course.courseId);
        const attrs = { 'data-user': m.userId, 'data-course': course.courseId };
        if (!c || !c.enrolled) {
          tr.append(el('td', { cls: 'cell none', text: '—', attrs: { ...attrs, title: 'not enrolled' } }));
          continue;
        }
        const { background, color } = heat(c.completionPercentage);
        attrs.style = `background:${background};color:${color}`;
        attrs.title = `${STATUS[c.status ?? 0] ?? c.status} · batch ${c.batchId} · last access ${ago(c.lastAccessTime)}`
          + (c.totalScore !== null && c.totalScore !== undefined ? ` · score ${num(c.totalScore)}` : '');
        tr.append(el('td', { cls: 'cell', text: pct(c.completionPercentage), attrs }));
      }
      return tr;
    });
    this.$('heatmap').tHead.replaceChildren(head);
    this.$('heatmap').tBodies[0].replaceChildren(...rows);
  }

  legend() {
    const swatches = [0, 25, 50, 75, 100].map(v => {
      const { background } = heat(v);
      return el('span', { cls: 'swatch', attrs: { style: `background:${background}`, title: `${v}%` } });
    });
    this.$('heat-legend').replaceChildren(el('span', { text: '0 %' }), ...swatches, el('span', { text: '100 %' }),
      el('span', { cls: 'swatch', attrs: { style: 'background:#f3f4f6' } }), el('span', { text: 'not enrolled' }));
  }
}
