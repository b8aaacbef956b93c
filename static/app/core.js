/* The map's shared parts in the browser: the EventMap namespace, benchmark marks, clicks to the server,
 * vector layers a pan leaves alone, Web Mercator, the events payload's decoder, the board that lays out labels so
 * they never collide, text measuring, and the legend and notices.
 *
 * Written for this project (not vendored). Python builds every string this code shows and escapes it
 * (utils.core.escaping.escape_text); this code only joins those strings, or sets textContent.
 * Positions are [lat, lon]. Loaded first; the other files of static/app/ use what it puts on EventMap:
 * basemap.js (the basemap and its place names), sites.js (bases, range rings, halos), events.js,
 * events_layout.js and events_draw.js (the events layer), badges.js (its numbered badges).
 */
(function () {
  "use strict";
  var EM = window.EventMap = window.EventMap || {};
  // moments a benchmark reads (benchmarks/pages_bench.py --trace): each is marked once per page
  EM.mark = function (name) {
    if (!window.performance || !performance.mark || performance.getEntriesByName(name).length) { return; }
    performance.mark(name);
  };
  EM.mark("eventmap-script");

  /* ---------------------------------------------------------------- one centre per view */
  // Leaflet answers getCenter() with the centre it was given until the map's size is checked again
  // (invalidateSize, which st_folium's iframe triggers by its first resize), and from then on with the centre of
  // its pixel grid, less than a pixel off. st_folium reports the view when the map is made and again once the
  // layers are in: two reports of one view, their centres a fraction of a pixel apart (a second server run for
  // nothing), and a link opened in a new browser came back as a permalink with another centre. When the check
  // finds the size unchanged and the map has not moved, the centre given still holds (Leaflet 1.9.4's
  // _lastCenter, vendored in static/vendor; tests/test_browser.py and test_export_browser.py check both).
  L.Map.addInitHook(function () {
    var check = this.invalidateSize;
    this.invalidateSize = function (options) {
      var given = this._lastCenter, size = this.getSize();
      var result = check.call(this, options);
      if (given && !this._lastCenter && !this._moved() && this.getSize().equals(size)) { this._lastCenter = given; }
      return result;
    };
  });

  /* ---------------------------------------------------------------- clicks to the server */
  // st_folium listens to "click" on the layers that exist when it evaluates the map or a layer group;
  // the reporter is one of them. Firing a click on it with a token as the tooltip sends that token.
  EM.Reporter = L.Layer.extend({ onAdd: function () {}, onRemove: function () {} });
  EM.reporter = null;
  EM.report = function (token, latlng) {
    if (!EM.reporter) { return; }
    var tip = { _content: token, getContent: function () { return token; } };
    EM.reporter.fire("click", { latlng: latlng, sourceTarget: { _tooltip: tip, getTooltip: function () { return tip; } } });
  };

  /* ---------------------------------------------------------------- vector layers a pan leaves alone */
  // Leaflet's SVG renderer clips and rewrites every path (borders, rivers, event markers) after each pan.
  // This one covers the view and half of it again on every side, and redraws only when the view leaves
  // that area, the zoom or the map's size changes, or Leaflet resets the layer origin.
  EM.LazySVG = L.SVG.extend({
    options: { padding: 0.5 },
    _reset: function () { this._stale = true; L.SVG.prototype._reset.call(this); },
    _update: function () {
      var map = this._map;
      if (map && this._bounds && !this._stale && !map._animatingZoom && this._zoom === map.getZoom()) {
        var size = map.getSize(), view = L.bounds(map.containerPointToLayerPoint([0, 0]), map.containerPointToLayerPoint(size));
        if (this._viewSize && this._viewSize.equals(size) && this._bounds.contains(view)) { return; }
      }
      this._stale = false;
      L.SVG.prototype._update.call(this);
      if (map) { this._viewSize = map.getSize(); }
    }
  });
  EM.lazyRenderers = function (map) {  // before any vector layer is added: every pane's renderer is a LazySVG
    map._createRenderer = function (options) { return new EM.LazySVG(options); };
  };

  /* ---------------------------------------------------------------- Web Mercator, normalised 0..1 */
  function mercX(lon) { return (lon + 180) / 360; }
  function mercY(lat) {
    var s = Math.sin(lat * Math.PI / 180);
    s = Math.min(Math.max(s, -0.9999), 0.9999);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }
  function worldPx(map, zoom) { return 256 * Math.pow(2, zoom === undefined ? map.getZoom() : zoom); }  // at ``zoom`` or the map's
  function metresPerPx(map, lat, zoom) { return 40075016.686 * Math.cos(lat * Math.PI / 180) / worldPx(map, zoom); }
  EM.mercX = mercX; EM.mercY = mercY; EM.worldPx = worldPx; EM.metresPerPx = metresPerPx;

  // ``fn`` once the map has been still for a while and the page is idle: work ahead never delays the frames that
  // follow a move (a pan's or a zoom's next frames; benchmarks/scale.py times two)
  EM.whenQuiet = function (fn) {
    setTimeout(function () { (window.requestIdleCallback || function (f) { return setTimeout(f, 0); })(fn, { timeout: 1000 }); }, 150);
  };

  /* ---------------------------------------------------------------- payload */
  EM.decode = function (P) {
    if (P._decoded) { return P._decoded; }
    var bin = atob(P.cols || ""), bytes = new Uint8Array(bin.length), i, n = P.n;
    for (i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    function column(name) {
      // each value is stored less the column's base, in byte planes: all lowest bytes, then the next
      // (utils/map/payload.py)
      var spec = P.layout[name], width = +spec[0].charAt(1), at = spec[1], base = spec[2] || 0, out = new Uint32Array(n);
      var k, b;
      for (k = 0; k < n; k++) { out[k] = base + bytes[at + k]; }
      for (b = 1; b < width; b++) {
        var plane = at + b * n, scale = Math.pow(256, b);
        for (k = 0; k < n; k++) { out[k] += bytes[plane + k] * scale; }
      }
      return out;
    }
    var lat = new Float64Array(n), lon = new Float64Array(n), x = new Float64Array(n), y = new Float64Array(n);
    var la = column("lat"), lo = column("lon");
    for (i = 0; i < n; i++) {
      lat[i] = P.origin[0] + la[i] / 1e5; lon[i] = P.origin[1] + lo[i] / 1e5;
      x[i] = mercX(lon[i]); y[i] = mercY(lat[i]);
    }
    P._decoded = { n: n, lat: lat, lon: lon, x: x, y: y, style: column("style"), date: column("date"),
                   place: column("place"), sub: column("sub"), S: P.strings, styles: P.styles, ids: P.ids,
                   records: P.records, key: P.key };
    return P._decoded;
  };

  /* ---------------------------------------------------------------- labels that never collide */
  // One board per map. Participants (the bases, the range rings, the place names) give candidate boxes
  // in world pixels; the board places them by priority, each at its first free candidate, or hides it.
  // A part plans a zoom's layout (``plan(board, zoom)``: boxes taken, no element made) and then shows the plan
  // (``apply(plan)``), so the board can plan the zooms next to the shown one while the page is idle: a zoom in or
  // out with the buttons or the keys then only makes the elements (benchmarks/scale.py, first zoom).
  function Board(map) { this.map = map; this.parts = []; this.grid = null; this._queued = false; this._plans = new Map(); }
  Board.prototype.add = function (part) {
    this.parts.push(part); this.parts.sort(function (a, b) { return a.priority - b.priority; }); this.changed();
  };
  Board.prototype.remove = function (part) { this.parts = this.parts.filter(function (p) { return p !== part; }); this.changed(); };
  Board.prototype.changed = function () { this._plans = new Map(); this.queue(); };  // parts, or what they show, changed
  Board.prototype.queue = function () {
    var self = this;
    if (self._queued) { return; }
    self._queued = true;
    (window.requestAnimationFrame || setTimeout)(function () { self._queued = false; self.layout(); });
  };
  var BOARD_CELL = 64;  // px; the board's grid, keyed by number (column * 2^20 + row)
  function gridHits(grid, box, except) {  // does ``box`` meet a box of ``grid`` (other than ``except``)?
    var x0 = Math.floor(box[0] / BOARD_CELL), x1 = Math.floor(box[2] / BOARD_CELL);
    var y0 = Math.floor(box[1] / BOARD_CELL), y1 = Math.floor(box[3] / BOARD_CELL);
    for (var gx = x0; gx <= x1; gx++) {
      for (var gy = y0; gy <= y1; gy++) {
        var list = grid.get(gx * 1048576 + gy);
        if (!list) { continue; }
        for (var i = 0; i < list.length; i++) {
          var o = list[i];
          if (o !== except && box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) { return true; }
        }
      }
    }
    return false;
  }
  function gridTake(grid, box) {
    var x0 = Math.floor(box[0] / BOARD_CELL), x1 = Math.floor(box[2] / BOARD_CELL);
    var y0 = Math.floor(box[1] / BOARD_CELL), y1 = Math.floor(box[3] / BOARD_CELL);
    for (var gx = x0; gx <= x1; gx++) {
      for (var gy = y0; gy <= y1; gy++) {
        var key = gx * 1048576 + gy, list = grid.get(key);
        if (list) { list.push(box); } else { grid.set(key, [box]); }
      }
    }
  }
  Board.prototype.free = function (box, except) { return !gridHits(this.grid, box, except); };
  Board.prototype.take = function (box) { gridTake(this.grid, box); };
  // What the events layer drew at a zoom (boxes in world px): the parts that can step aside (the place names) do.
  // The events change with every filter and pan, the board's layout only with the zoom, so this is kept apart.
  Board.prototype.cover = function (zoom, boxes) {
    var grid = new Map();
    for (var i = 0; i < boxes.length; i++) { gridTake(grid, boxes[i]); }
    this.covered = { zoom: zoom, grid: grid, count: boxes.length };
    this.uncover();
  };
  Board.prototype.covers = function (box, zoom) {  // is ``box`` under an event drawn at ``zoom``?
    return !!this.covered && this.covered.zoom === zoom && gridHits(this.covered.grid, box, null);
  };
  Board.prototype.uncover = function () {
    if (!this.grid) { return; }
    for (var i = 0; i < this.parts.length; i++) { if (this.parts[i].uncover) { this.parts[i].uncover(this); } }
  };
  Board.prototype.plan = function (zoom) {  // every part's plan of ``zoom``, and the grid of the boxes they took
    var kept = this._plans.get(zoom);
    if (kept) { return kept; }
    var shown = this.grid, plan = { grid: new Map(), plans: [] };
    this.grid = plan.grid;
    for (var i = 0; i < this.parts.length; i++) { plan.plans.push(this.parts[i].plan(this, zoom)); }
    this.grid = shown;
    this._plans.set(zoom, plan);
    if (this._plans.size > 5) { this._plans.delete(this._plans.keys().next().value); }
    return plan;
  };
  Board.prototype.layout = function () {
    if (!this.map._loaded) { return; }
    var zoom = this.map.getZoom(), plan = this.plan(zoom);
    this.grid = plan.grid;
    for (var i = 0; i < this.parts.length; i++) { this.parts[i].apply(plan.plans[i], this); }
    this._ahead(zoom);
  };
  Board.prototype._ahead = function (zoom) {  // plan the zooms in and out next to ``zoom`` when the page is idle
    var self = this, map = self.map;
    [zoom + 1, zoom - 1].forEach(function (next) {
      if (next > map.getMaxZoom() || next < map.getMinZoom()) { return; }
      EM.whenQuiet(function () { if (map.getZoom() === zoom && self.grid) { self.plan(next); } });
    });
  };
  Board.prototype.show = function () {  // after a pan: parts that draw only what is in view add the rest
    if (this._queued || !this.map._loaded) { return; }
    for (var i = 0; i < this.parts.length; i++) { if (this.parts[i].show) { this.parts[i].show(); } }
  };
  EM.board = function (map) {
    if (!map._eventmapBoard) {
      var board = map._eventmapBoard = new Board(map);
      // the layout is in world pixels, so it changes only with the zoom (and with the layer origin Leaflet
      // resets on a jump); a pan or a resize only shows more of it
      map.on("zoomend viewreset", function () { board.queue(); });
      map.on("moveend resize", function () { board.show(); });
    }
    return map._eventmapBoard;
  };
  var measureContext = null, widths = new Map(), plains = new Map();
  function textWidth(text, font) {  // px; measured once per text and font
    var key = font + "|" + text, known = widths.get(key);
    if (known !== undefined) { return known; }
    measureContext = measureContext || document.createElement("canvas").getContext("2d");
    measureContext.font = font;
    known = measureContext.measureText(text).width;
    widths.set(key, known);
    return known;
  }
  function plain(html) {  // the text an escaped string shows (for measuring only)
    var known = plains.get(html);
    if (known !== undefined) { return known; }
    var span = document.createElement("span"); span.innerHTML = html; known = span.textContent;
    plains.set(html, known);
    return known;
  }

  EM.textWidth = textWidth; EM.plain = plain;

  /* ---------------------------------------------------------------- legend and notices */
  EM.legend = function (map, html) {
    if (map._eventLegend) { map.removeControl(map._eventLegend); }
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "event-legend");
      div.innerHTML = html;
      L.DomEvent.disableClickPropagation(div); L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    legend.addTo(map);
    map._eventLegend = legend;
  };

  // An online-only tile layer says so when its tiles cannot load, instead of leaving a blank map.
  EM.onlineOnly = function (map, layer, text) {
    var notice = null;
    function show() {
      if (notice || !map.hasLayer(layer)) { return; }
      notice = L.control({ position: "topright" });
      notice.onAdd = function () { var d = L.DomUtil.create("div", "eventmap-notice"); d.textContent = text; return d; };
      notice.addTo(map);
    }
    function hide() { if (notice) { map.removeControl(notice); notice = null; } }
    layer.on("tileerror", show);
    map.on("baselayerchange", function (e) { if (e.layer !== layer) { hide(); } });
  };
}());
