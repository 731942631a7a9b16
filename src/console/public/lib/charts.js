// Chart.js, vendored from npm and served by the console itself (/console/vendor/chart.umd.js): loaded
// once, the first time a report is shown.

let loading = null;

/** The global `Chart` constructor, after loading the UMD build. */
export function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/console/vendor/chart.umd.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = () => {
      loading = null;
      reject(new Error('chart.js did not load'));
    };
    document.head.append(script);
  });
  return loading;
}

const COLOURS = ['#0b3d91', '#1d4ed8', '#0e7490', '#15803d', '#a16207', '#b45309', '#b42318', '#7e22ce', '#4a5361', '#be185d'];

/** A horizontal bar chart of `[{label, count}]` on `canvas`; returns the chart (destroy it when leaving). */
export function barChart(Chart, canvas, rows) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [{ data: rows.map((r) => r.count), backgroundColor: rows.map((_, i) => COLOURS[i % COLOURS.length]), borderRadius: 3, maxBarThickness: 28 }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
    },
  });
}
