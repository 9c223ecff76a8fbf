// The insights page's charts: first-try share per item, median minutes per lesson. The data comes from the page's own
// tables, serialised by the server into each canvas's data-chart attribute; the tables stay the accessible version.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#1b1f24';
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var percent = canvas.getAttribute('data-unit') === 'percent';
    var chart = new Chart(canvas, {
      type: 'bar',
      data: data,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : {duration: 400},
        indexAxis: 'y',
        scales: {
          x: percent ? {min: 0, max: 100, title: {display: true, text: '%'}} : {beginAtZero: true, title: {display: true, text: 'minutes'}},
          y: {ticks: {autoSkip: false}}
        },
        plugins: {legend: {display: false}}
      }
    });
    canvas.setAttribute('data-rendered', String(chart.data.labels.length));
  });
})();
