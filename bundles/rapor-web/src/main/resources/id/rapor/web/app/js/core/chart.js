// Charts with Apache ECharts (the WebJar org.webjars.npm:echarts, one ES module served by this
// bundle), loaded only when a chart is first drawn. Drawn on a canvas: names are painted, never
// parsed as HTML; the tooltip (HTML) is off. Each chart has a table beside it for screen readers.
const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

let library = null;

async function echarts() {
  if (!library) library = await import(ECHARTS);
  return library;
}

/** A horizontal bar per aspect: what it adds to the index, its label written by {@code format}. */
export async function contributions(el, aspects, format) {
  const e = await echarts();
  const chart = e.getInstanceByDom(el) || e.init(el, null, { renderer: 'canvas' });
  if (!el.dataset.observed) {
    el.dataset.observed = 'yes';
    new ResizeObserver(() => chart.resize()).observe(el);
  }
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { show: false },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: '#333' } },
    yAxis: { type: 'category', inverse: true, data: aspects.map((a) => a.name), axisLabel: { color: '#1a1a1a', width: 160, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      data: aspects.map((a) => a.contribution),
      itemStyle: { color: '#0b5cab' },
      label: { show: true, position: 'right', color: '#1a1a1a', formatter: (p) => format(p.value) },
    }],
  }, true);
  return chart;
}
