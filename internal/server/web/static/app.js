// Verbatim's reading room: the tooltip on statements and the speaker
// filter. The pages work without it: statements then show their details
// in the browser's own tooltip (the title attribute).
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var marks = document.querySelectorAll(".text mark.st");
  if (tip && marks.length) {
    marks.forEach(function (m) {
      m.setAttribute("aria-label", m.title);
      m.removeAttribute("title");
    });
    var line = function (text, tag) {
      var el = document.createElement(tag || "span");
      el.textContent = text;
      return el;
    };
    var show = function (m, x, y) {
      var d = m.dataset;
      tip.replaceChildren(line(d.speaker, "strong"));
      if (d.role) tip.append(line(d.role));
      tip.append(line(d.kind + " statement · confidence " + d.conf));
      tip.hidden = false;
      var r = m.getClientRects()[0] || m.getBoundingClientRect();
      if (x === undefined) { x = r.left; y = r.bottom; }
      var w = tip.offsetWidth, vw = document.documentElement.clientWidth;
      var left = Math.max(4, Math.min(x, vw - w - 4));
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (y + window.scrollY + 12) + "px";
      m.setAttribute("aria-describedby", "tip");
    };
    var hide = function () {
      tip.hidden = true;
      document.querySelectorAll("mark.st[aria-describedby]").forEach(function (m) { m.removeAttribute("aria-describedby"); });
    };
    document.addEventListener("mouseover", function (e) {
      var m = e.target.closest && e.target.closest(".text mark.st");
      if (m) show(m, e.clientX, e.clientY); else hide();
    });
    document.addEventListener("focusin", function (e) {
      var m = e.target.closest && e.target.closest(".text mark.st");
      if (m) show(m); else hide();
    });
    document.addEventListener("click", function (e) {
      var m = e.target.closest && e.target.closest(".text mark.st");
      if (m) show(m, e.clientX, e.clientY);
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
    window.addEventListener("scroll", hide, { passive: true });
  }

  // Selecting a speaker dims everyone else's statements.
  var buttons = document.querySelectorAll("button.spk");
  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") !== "true";
      buttons.forEach(function (o) { o.setAttribute("aria-pressed", "false"); });
      b.setAttribute("aria-pressed", on ? "true" : "false");
      var cls = b.dataset.class;
      document.querySelectorAll("mark.st, .cue, .src").forEach(function (el) {
        el.classList.toggle("dim", on && !el.classList.contains(cls));
      });
    });
  });
})();
