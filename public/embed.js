// Framescope embed helper: resizes every <iframe data-framescope> to the height its chart reports (postMessage
// {type: "framescope:height", height}). Include once per page; safe to include more than once.
(function () {
  if (window.__framescopeEmbed) return;
  window.__framescopeEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'framescope:height' || typeof data.height !== 'number') return;
    var height = Math.max(100, Math.min(20000, Math.ceil(data.height)));
    var frames = document.querySelectorAll('iframe[data-framescope]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = height + 'px';
    }
  });
})();
