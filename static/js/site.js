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
