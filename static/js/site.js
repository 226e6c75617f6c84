// Small enhancements; every page works without them.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The language switch returns to the page as it is now, after htmx changed the URL in place.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList && form.classList.contains("locale-switch")) {
      form.elements.next.value = location.pathname + location.search;
    }
  });

  // An error from an earlier htmx request (shown in #htmx-error, see core/errors.py) goes with the next one.
  document.addEventListener("htmx:beforeRequest", function () {
    var area = document.getElementById("htmx-error");
    if (area) { area.textContent = ""; }
  });

  // A refused form's error summary takes the focus: autofocus does it on a page load, this after an htmx swap
  // that brought one, and a link in it puts the focus into its field (an anchor alone only scrolls there).
  function focusErrorSummary(root) {
    var summary = root.matches && root.matches("[data-error-summary]") ? root : root.querySelector("[data-error-summary]");
    if (summary && document.activeElement !== summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (document.activeElement === document.body) { focusErrorSummary(document); }
  });
  document.addEventListener("htmx:afterSettle", function (event) { focusErrorSummary(event.detail.elt); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (field) { event.preventDefault(); field.focus(); field.scrollIntoView({ block: "center" }); }
  });

  // The phone menu (a <details>, see base.html) closes with Escape, returning focus to its toggle.
  document.addEventListener("keydown", function (event) {
    var menu = event.key === "Escape" && document.querySelector("details.site-menu[open]");
    if (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });

  // Facets start folded on narrow screens and open on wide ones (without JS they are always open).
  var wide = window.matchMedia("(min-width: 992px)");
  function fitFacets() {
    document.querySelectorAll("details.facets").forEach(function (details) { details.open = wide.matches; });
  }
  document.addEventListener("DOMContentLoaded", fitFacets);
  wide.addEventListener("change", fitFacets);
})();
