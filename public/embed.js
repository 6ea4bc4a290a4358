/*! MVP Pathway embed helper: sizes MVP Pathway iframes to their content.
 * Add after your iframes:  <script src="https://YOUR-HOST/PATH/embed.js" async></script>
 * The widget posts {source: "mvp-pathway", type: "resize", height: <CSS pixels>} to its
 * parent. This script accepts such a message only from an iframe on this page whose
 * src has the sender's origin, and sets that iframe's height. It reads nothing else
 * and sends nothing. No dependencies. */
(function () {
  "use strict";
  if (window.__mvpPathwayEmbed) return;
  window.__mvpPathwayEmbed = true;
  var MIN = 120, MAX = 20000;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.source !== "mvp-pathway" || data.type !== "resize") return;
    var height = Number(data.height);
    if (!isFinite(height)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try { origin = new URL(frame.src, document.baseURI).origin; } catch (e) { return; }
      // A sandboxed iframe without allow-same-origin reports the opaque origin "null".
      if (event.origin !== origin && !(event.origin === "null" && frame.hasAttribute("sandbox"))) return;
      frame.style.height = Math.min(MAX, Math.max(MIN, Math.ceil(height))) + "px";
      return;
    }
  });
})();
