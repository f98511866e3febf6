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
  const chart = await chartIn(el);
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

/** A chart drawn once into {@code el}, resized with it. */
async function chartIn(el) {
  const e = await echarts();
  const chart = e.getInstanceByDom(el) || e.init(el, null, { renderer: 'canvas' });
  if (!el.dataset.observed) {
    el.dataset.observed = 'yes';
    new ResizeObserver(() => chart.resize()).observe(el);
  }
  return chart;
}

/** A vertical bar per band: how many units fall in it. */
export async function bandCounts(el, bands) {
  const chart = await chartIn(el);
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { show: false },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: bands.map((b) => b.code), axisLabel: { color: '#1a1a1a' } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333' } },
    series: [{
      type: 'bar',
      data: bands.map((b) => b.units),
      itemStyle: { color: '#0b5cab' },
      label: { show: true, position: 'top', color: '#1a1a1a' },
    }],
  }, true);
  return chart;
}

/** A line of the index round by round, each point labelled as {@code format} writes it. */
export async function trend(el, rounds, format) {
  const chart = await chartIn(el);
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { show: false },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rounds.map((r) => String(r.year)), axisLabel: { color: '#1a1a1a' } },
    yAxis: { type: 'value', scale: true, axisLabel: { color: '#333' } },
    series: [{
      type: 'line',
      data: rounds.map((r) => r.index),
      itemStyle: { color: '#0b5cab' },
      lineStyle: { color: '#0b5cab', width: 2 },
      symbolSize: 8,
      label: { show: true, position: 'top', color: '#1a1a1a', formatter: (p) => format(p.value) },
    }],
  }, true);
  return chart;
}
