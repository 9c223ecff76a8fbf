// The overview's stacked bar chart: one bar per role, one colour per state. The data is the page's own table,
// serialised by the server into the canvas's data-chart attribute; the table stays the accessible version.
(function () {
  'use strict';
  var canvas = document.getElementById('overview-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(canvas.getAttribute('data-chart'));
  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#1b1f24';
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var chart = new Chart(canvas, {
    type: 'bar',
    data: data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : {duration: 400},
      indexAxis: 'x',
      scales: {
        x: {stacked: true, ticks: {autoSkip: false, maxRotation: 30}},
        y: {stacked: true, beginAtZero: true, ticks: {precision: 0},
            title: {display: true, text: 'Requirements (people × modules)'}}
      },
      plugins: {
        legend: {position: 'bottom'},
        tooltip: {mode: 'index', intersect: false}
      }
    }
  });
  canvas.setAttribute('data-rendered', String(chart.data.datasets.length));
})();
