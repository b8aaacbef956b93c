/* The dashboard's map in the browser: offline basemap with labels, bases, and the events layer.
 *
 * Written for this project (not vendored). Python builds every string this code shows and escapes it
 * (utils.core.escaping.escape_text); this code only joins those strings, or sets textContent.
 * Positions are [lat, lon]. See utils/map/payload.py for the events payload and
 * utils/map/basemap_layer.py for the basemap payload.
 *
 * Events: decoded once per filter change, then clustered (screen cells when many are in view), grouped
 * when closer than a marker, and laid out on every zoom and pan without asking the server: a group small
 * enough is fanned out around its centre with thin leader lines to the true positions (which stay marked
 * with a dot); a larger one is a numbered badge that fans out when clicked (or zooms in when it holds too
 * many to fan). Nothing is drawn over a base's icon or label: a group that would be is moved beside it,
 * with leader lines. A click selects an event (ringed) and tells the server (st_folium) which one; the
 * arrow keys, or the buttons of the bar, step through the events in view.
 *
 * Speed of a pan or zoom (benchmarks/scale.py): the place names are laid out once per zoom level over the
 * whole basemap (a pan only adds the names that came into view, so names never jump), text widths are
 * measured once, and the events layer keeps every group it drew that is unchanged after a pan.
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
  function worldPx(map) { return 256 * Math.pow(2, map.getZoom()); }
  function metresPerPx(map, lat) { return 40075016.686 * Math.cos(lat * Math.PI / 180) / worldPx(map); }

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
  function Board(map) { this.map = map; this.parts = []; this.grid = null; this._queued = false; }
  Board.prototype.add = function (part) {
    this.parts.push(part); this.parts.sort(function (a, b) { return a.priority - b.priority; }); this.queue();
  };
  Board.prototype.remove = function (part) { this.parts = this.parts.filter(function (p) { return p !== part; }); this.queue(); };
  Board.prototype.queue = function () {
    var self = this;
    if (self._queued) { return; }
    self._queued = true;
    (window.requestAnimationFrame || setTimeout)(function () { self._queued = false; self.layout(); });
  };
  var BOARD_CELL = 64;  // px; the board's grid, keyed by number (column * 2^20 + row)
  Board.prototype.free = function (box) {
    var x0 = Math.floor(box[0] / BOARD_CELL), x1 = Math.floor(box[2] / BOARD_CELL);
    var y0 = Math.floor(box[1] / BOARD_CELL), y1 = Math.floor(box[3] / BOARD_CELL);
    for (var gx = x0; gx <= x1; gx++) {
      for (var gy = y0; gy <= y1; gy++) {
        var list = this.grid.get(gx * 1048576 + gy);
        if (!list) { continue; }
        for (var i = 0; i < list.length; i++) {
          var o = list[i];
          if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) { return false; }
        }
      }
    }
    return true;
  };
  Board.prototype.take = function (box) {
    var x0 = Math.floor(box[0] / BOARD_CELL), x1 = Math.floor(box[2] / BOARD_CELL);
    var y0 = Math.floor(box[1] / BOARD_CELL), y1 = Math.floor(box[3] / BOARD_CELL);
    for (var gx = x0; gx <= x1; gx++) {
      for (var gy = y0; gy <= y1; gy++) {
        var key = gx * 1048576 + gy, list = this.grid.get(key);
        if (list) { list.push(box); } else { this.grid.set(key, [box]); }
      }
    }
  };
  Board.prototype.layout = function () {
    if (!this.map._loaded) { return; }
    this.grid = new Map();
    for (var i = 0; i < this.parts.length; i++) { this.parts[i].place(this); }
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

  /* ---------------------------------------------------------------- the basemap */
  // P: {countries, governorates, rivers, lakes: GeoJSON; places, labels: [[lat, lon, kind, minZoom, size,
  // en, ar], ...] (escaped text); attribution}. Drawn as SVG under everything; names laid out on the board.
  EM.BasemapLayer = L.Layer.extend({
    initialize: function (source, options) { this._source = source; L.setOptions(this, options); },
    getAttribution: function () { return this._payload ? this._payload.attribution : ""; },
    onAdd: function (map) {
      var self = this;
      self._layers = L.layerGroup().addTo(map);
      if (typeof self._source === "string") {
        EM._basemaps = EM._basemaps || {};
        var pending = EM._basemaps[self._source] = EM._basemaps[self._source]
          || fetch(self._source).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
        pending.then(function (p) { if (self._map) { self._draw(p); } }, function (e) {
          self._notice("The offline basemap could not be loaded (" + e + "): reload the page.");
        });
      } else { self._draw(self._source); }
    },
    onRemove: function (map) {
      map.removeLayer(this._layers);
      if (this._part) { EM.board(map).remove(this._part); this._part.clear(); }
      if (this._payload && map.attributionControl) { map.attributionControl.removeAttribution(this._payload.attribution); }
    },
    _notice: function (text) {
      var div = L.DomUtil.create("div", "eventmap-notice", this._map.getContainer());
      div.style.position = "absolute"; div.style.top = "10px"; div.style.left = "60px"; div.style.zIndex = 1000;
      div.textContent = text;
    },
    _draw: function (P) {
      var map = this._map, group = this._layers;
      this._payload = P;
      if (map.attributionControl) { map.attributionControl.addAttribution(P.attribution); }
      function geo(data, style) { L.geoJSON(data, { style: style, interactive: false }).addTo(group); }
      geo(P.countries, function (f) {
        return { fillColor: f.properties.name === "Syria" ? "#fbfaf5" : "#ecebe4", color: "#6b6b6b", weight: 1.2, fillOpacity: 1 };
      });
      geo(P.governorates, function () { return { fill: false, color: "#a0a0a0", weight: 0.8, dashArray: "4 3" }; });
      if (P.lakes) { geo(P.lakes, function () { return { fillColor: "#b9d6ea", fillOpacity: 1, color: "#7fa9c9", weight: 0.6 }; }); }
      if (P.rivers) { geo(P.rivers, function () { return { color: "#6f9fc8", weight: 1.3, opacity: 0.9, fill: false }; }); }
      var part = this._part = new PlaceLabels(map, P.places.concat(P.labels));
      EM.board(map).add(part);
      (window.requestIdleCallback || function (fn) { return setTimeout(fn, 300); })(function () { part.measureAll(); });
    }
  });

  // kind: capital, city, town, country, sea, region, peak, admin1, water, airport
  var DOT_KINDS = ["capital", "city", "town", "airport", "peak"];
  function PlaceLabels(map, rows) {
    this.map = map; this.priority = 3; this.rows = rows;
    this.at = rows.map(function (r) { return [mercX(r[1]), mercY(r[0])]; });  // normalised world position
    this.pane = map.getPane("labelsPane") || map.createPane("labelsPane");
    this.pane.style.zIndex = 460;
    this.els = []; this.placed = [];
  }
  function labelFont(r) { return (r[2] === "capital" ? "bold " : "") + r[4] + "px DejaVu Sans, Arial, sans-serif"; }
  PlaceLabels.prototype.measureAll = function () {  // when the page is idle: the first zoom finds every width known
    this.rows.forEach(function (r) {
      textWidth(plain(r[5]), labelFont(r));
      if (r[6]) { textWidth(plain(r[6]), labelFont(r)); }
    });
  };
  PlaceLabels.prototype.clear = function () { this.els.forEach(function (e) { e.remove(); }); this.els = []; };
  // Every name of the zoom level is placed (by priority, at its first free candidate box), wherever it is;
  // only those near the view get an element, and a pan adds the others as they come into view.
  PlaceLabels.prototype.place = function (board) {
    var map = this.map, zoom = map.getZoom(), scale = worldPx(map), self = this;
    var arabic = map.getContainer().classList.contains("labels-ar");
    self.clear();
    self.placed = [];
    self.rows.forEach(function (r, n) {
      if (zoom < r[3] || (r[7] && zoom > r[7])) { return; }
      var x = self.at[n][0] * scale, y = self.at[n][1] * scale;
      var size = r[4], font = labelFont(r), text = arabic && r[6] ? r[6] : r[5];
      var width = textWidth(plain(text), font) * (r[2] === "country" ? 1.25 : r[2] === "admin1" ? 1.2 : 1) + 2;
      var height = size + 3, dot = DOT_KINDS.indexOf(r[2]) >= 0;
      var candidates = dot
        ? [[x + 5, y - height / 2], [x - 5 - width, y - height / 2], [x - width / 2, y - height - 4], [x - width / 2, y + 4]]
        : [[x - width / 2, y - height / 2]];
      for (var c = 0; c < candidates.length; c++) {
        var box = [candidates[c][0], candidates[c][1], candidates[c][0] + width, candidates[c][1] + height];
        if (!board.free([box[0] - 2, box[1] - 1, box[2] + 2, box[3] + 1])) { continue; }
        if (dot && !board.free([x - 3, y - 3, x + 3, y + 3])) { break; }
        board.take(box);
        if (dot) { board.take([x - 3, y - 3, x + 3, y + 3]); }
        self.placed.push({ row: r, box: box, x: x, y: y, dot: dot, font: font, arabic: arabic, shown: false });
        break;
      }
    });
    self.show();
  };
  PlaceLabels.prototype.show = function () {
    var map = this.map, bounds = map.getPixelBounds(), origin = map.getPixelOrigin(), self = this;
    var padX = 120, padY = 60;  // names just outside the view are ready for a short pan; a pan adds the rest
    self.placed.forEach(function (p) {
      if (p.shown || p.box[2] < bounds.min.x - padX || p.box[0] > bounds.max.x + padX
          || p.box[3] < bounds.min.y - padY || p.box[1] > bounds.max.y + padY) { return; }
      p.shown = true;
      var r = p.row, box = p.box;
      var el = L.DomUtil.create("div", "place-label " + r[2] + (p.dot ? " dot" : ""), self.pane);
      el.style.font = p.font;
      el.innerHTML = '<span class="en">' + r[5] + "</span>" + (r[6] ? '<span class="ar"> ' + (p.arabic ? "" : "&#183; ") + r[6] + "</span>" : "");
      if (p.arabic && r[6]) { el.innerHTML = '<span class="ar-only">' + r[6] + "</span>"; }
      el.setAttribute("data-kind", r[2]);
      L.DomUtil.setPosition(el, L.point(box[0] - origin.x, box[1] - origin.y));
      if (p.dot) {  // the dot sits at the place itself, relative to the text
        el.style.setProperty("--dx", (p.x - box[0]) + "px");
        el.style.paddingLeft = "0";
        var marker = L.DomUtil.create("div", "place-dot", self.pane);
        marker.style.cssText = "position:absolute;width:5px;height:5px;border-radius:50%;background:#555;border:1px solid #fff;";
        L.DomUtil.setPosition(marker, L.point(p.x - origin.x - 3.5, p.y - origin.y - 3.5));
        self.els.push(marker);
        el.classList.remove("dot");
      }
      self.els.push(el);
    });
  };

  /* ---------------------------------------------------------------- the bases */
  // rows: [lat, lon, iconHtml, title, popupHtml, labelText]; a click on an icon reports "site:<n>".
  EM.SitesLayer = L.Layer.extend({
    initialize: function (rows, options) { this._rows = rows; L.setOptions(this, options); },
    onAdd: function (map) {
      var self = this;
      self._group = L.layerGroup().addTo(map);
      self._part = { priority: 0, place: function (board) { self._obstacles(board); } };
      EM.board(map).add(self._part);
      // in st_folium, drawn after it has hooked the map's layers: only the reporter tells it about clicks
      if (window.__GLOBAL_DATA__) { setTimeout(function () { self._draw(); }, 0); } else { self._draw(); }
    },
    onRemove: function (map) { map.removeLayer(this._group); EM.board(map).remove(this._part); },
    boxes: function () {  // what no event and no label may cover, in world px at the current zoom
      var map = this._map, scale = worldPx(map), half = this.options.iconPx / 2 + 3;
      return this._rows.map(function (r) {
        var x = mercX(r[1]) * scale, y = mercY(r[0]) * scale, w = textWidth(plain(r[5]), "bold 12px DejaVu Sans, Arial, sans-serif");
        return [[x - half, y - half, x + half, y + half], [x + half + 2, y - 10, x + half + 6 + w, y + 10]];
      });
    },
    _obstacles: function (board) { this.boxes().forEach(function (b) { board.take(b[0]); board.take(b[1]); }); },
    _draw: function () {
      var self = this, size = self.options.iconPx;
      self._rows.forEach(function (r, n) {
        var marker = L.marker([r[0], r[1]], {
          icon: L.divIcon({ html: r[2], iconSize: [size, size], iconAnchor: [size / 2, size / 2], className: "site-icon" }),
          pane: self.options.pane, keyboard: false, title: ""
        });
        marker.on("add", function () {
          var el = marker.getElement();
          if (el) { el.setAttribute("title", plain(r[3])); el.setAttribute("data-site", String(n)); }
        });
        marker.on("click", function (e) {
          L.DomEvent.stopPropagation(e);
          if (self.options.popups) { L.popup({ minWidth: 300, maxWidth: 420 }).setLatLng([r[0], r[1]]).setContent(r[4]).openOn(self._map); }
          EM.report("site:" + n, L.latLng(r[0], r[1]));
        });
        marker.addTo(self._group);
      });
      EM.sites = self;
      self._map.fire("eventmap:sites");
    }
  });

  /* ---------------------------------------------------------------- range rings */
  // rows: [lat, lon, km] per base and distance; one label per ring, where it collides with nothing.
  EM.RingsLayer = L.Layer.extend({
    initialize: function (rows, options) { this._rows = rows; L.setOptions(this, options); },
    onAdd: function (map) {
      var self = this, o = self.options;
      self._group = L.layerGroup().addTo(map);
      self._rows.forEach(function (r) {
        L.circle([r[0], r[1]], { radius: r[2] * 1000, color: o.color, weight: 1.5, dashArray: "6 4", fill: false,
                                 interactive: false }).addTo(self._group);
      });
      self._labels = [];
      self.priority = 1;
      EM.board(map).add(self);
    },
    onRemove: function (map) { map.removeLayer(this._group); this._clear(); EM.board(map).remove(this); },
    _clear: function () { this._labels.forEach(function (m) { m.remove(); }); this._labels = []; },
    place: function (board) {
      var map = this._map, scale = worldPx(map), o = this.options, self = this;
      self._clear();
      self._rows.forEach(function (r) {
        var cx = mercX(r[1]) * scale, cy = mercY(r[0]) * scale, px = r[2] * 1000 / metresPerPx(map, r[0]);
        if (px < 22) { return; }  // too small to label without covering the base
        var text = r[2] + " km", w = textWidth(text, "bold 10px DejaVu Sans, Arial, sans-serif") + 4, h = 13;
        var angles = [-90, -60, -120, -30, -150, 0, 180, 30, 150, 60, 120, 90];
        for (var a = 0; a < angles.length; a++) {
          var t = angles[a] * Math.PI / 180, x = cx + px * Math.cos(t), y = cy + px * Math.sin(t);
          var box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
          if (!board.free(box)) { continue; }
          board.take(box);
          var marker = L.marker(map.unproject(L.point(x, y), map.getZoom()), {
            icon: L.divIcon({ html: '<div class="ring-label">' + text + "</div>", iconSize: [w, h], iconAnchor: [w / 2, h / 2],
                              className: "ring-label-icon" }), interactive: false, keyboard: false, pane: o.labelPane
          }).addTo(self._group);
          self._labels.push(marker);
          break;
        }
      });
    }
  });

  /* ---------------------------------------------------------------- halos */
  // One canvas for all halos in view: a single light fill of their union (so overlaps never add up to a
  // solid field) and a thin dashed outline per distinct halo.
  EM.HaloLayer = L.Layer.extend({
    initialize: function (options) { L.setOptions(this, options); this._halos = []; },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "eventmap-halos", map.getPane(this.options.pane));
      this._canvas.style.pointerEvents = "none";
      map.on("zoomstart", this._hide, this);
    },
    onRemove: function (map) { this._canvas.remove(); map.off("zoomstart", this._hide, this); },
    _hide: function () { this._canvas.style.display = "none"; },
    count: function () { return this._halos.length; },
    set: function (halos) {  // [[lat, lon, metres, colour], ...]
      var map = this._map, size = map.getSize(), canvas = this._canvas, ratio = window.devicePixelRatio || 1;
      var wasEmpty = !this._halos.length;
      this._halos = halos;
      if (!halos.length && wasEmpty) { canvas.style.display = "none"; return; }  // nothing drawn, nothing to clear
      if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {  // a new buffer only on resize
        canvas.width = size.x * ratio; canvas.height = size.y * ratio;
        canvas.style.width = size.x + "px"; canvas.style.height = size.y + "px";
      }
      canvas.style.display = "";
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      var ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      if (!halos.length) { canvas.style.display = "none"; return; }
      var circles = halos.map(function (h) {
        var p = map.latLngToContainerPoint([h[0], h[1]]);
        return [p.x, p.y, h[2] / metresPerPx(map, h[0]), h[3]];
      });
      ctx.beginPath();
      circles.forEach(function (c) { ctx.moveTo(c[0] + c[2], c[1]); ctx.arc(c[0], c[1], c[2], 0, 2 * Math.PI); });
      ctx.globalAlpha = this.options.fillOpacity; ctx.fillStyle = "#3b6ea5"; ctx.fill("nonzero");
      ctx.globalAlpha = 0.8; ctx.lineWidth = 1; ctx.setLineDash([4, 4]);
      circles.forEach(function (c) { ctx.beginPath(); ctx.arc(c[0], c[1], c[2], 0, 2 * Math.PI); ctx.strokeStyle = c[3]; ctx.stroke(); });
      ctx.globalAlpha = 1; ctx.setLineDash([]);
    }
  });

  /* ---------------------------------------------------------------- events */
  var TAU = 2 * Math.PI, NUMBER = null;

  function fanSlots(n, radius) {
    // offsets (px) around a centre, deterministic: a circle up to 9, then an Archimedean spiral
    var out = [], sep = 2 * radius + 5, k;
    if (n <= 9) {
      var r = Math.max(2 * radius + 6, sep * n / TAU);
      for (k = 0; k < n; k++) { var a = -Math.PI / 2 + TAU * k / n; out.push([r * Math.cos(a), r * Math.sin(a)]); }
      return out;
    }
    var d = 2 * radius + 8, t = 0;
    for (k = 0; k < n; k++) {
      out.push([d * Math.cos(t - Math.PI / 2), d * Math.sin(t - Math.PI / 2)]);
      t += sep / d; d = 2 * radius + 8 + sep * t / TAU;
    }
    return out;
  }
  function extent(slots) { var m = 0; slots.forEach(function (s) { m = Math.max(m, Math.hypot(s[0], s[1])); }); return m; }

  EM.EventsLayer = L.Layer.extend({
    options: { pane: "eventsPane", topPane: "eventsTopPane", haloPane: "halosPane", radius: 7, ringRadius: 13,
               ringColor: "#ffcc00", details: true, popups: "none", numbered: false, expandAll: false, halos: true,
               autoFan: 12, fanMax: 80, drawLimit: 400, cellPx: 64, heatmap: false, heat: null, selected: null,
               bbox: null, bar: false, reportPrefix: "event" },
    initialize: function (payload, options) { this._P = payload; L.setOptions(this, options); this._expanded = null; },
    onAdd: function (map) {
      var self = this, o = self.options;
      EM.mark("eventmap-layer-added");
      self._D = EM.decode(self._P);
      self._sel = o.selected;
      self._group = L.layerGroup().addTo(map);
      self._badgeHost = new EM.BadgeHost({ pane: o.pane }).addTo(map);
      self._top = L.layerGroup().addTo(map);
      if (o.halos) { self._halos = new EM.HaloLayer({ pane: o.haloPane, fillOpacity: o.haloFill }).addTo(map); }
      if (o.heatmap && L.heatLayer) {
        var D = self._D, points = [];
        if (self._P.clusters) { self._P.clusters.forEach(function (c) { points.push([c[0], c[1], c[2]]); }); }
        for (var i = 0; i < D.n; i++) { points.push([D.lat[i], D.lon[i], 1]); }
        var peak = 1; points.forEach(function (p) { peak = Math.max(peak, p[2]); });
        self._heat = L.heatLayer(points, { radius: o.heat.radius, blur: o.heat.blur, minOpacity: o.heat.minOpacity,
                                           gradient: o.heat.gradient, max: self._P.clusters ? peak : 1 }).addTo(map);
      }
      map.on("moveend", self._redraw, self);  // Leaflet ends every zoom with a moveend too: one redraw each
      map.on("zoomstart", self._collapse, self);
      map.on("click", self._onMapClick, self);
      map.on("eventmap:sites", self._redraw, self);
      self._keys = function (e) { self._onKey(e); };
      map.getContainer().addEventListener("keydown", self._keys, true);
      if (o.bar) { self._bar = self._makeBar().addTo(map); }
      var list = document.getElementById("events-list-body"), S = self._P.strings;
      if (list && self._P.list && self._P.list.length) {  // an export page's list of events, from the same strings
        list.innerHTML = self._P.list.map(function (cells) {
          return "<tr>" + "<td>" + cells.map(function (k) { return S[k]; }).join("</td><td>") + "</td></tr>";
        }).join("");
      }
      EM.events = self;
      // in st_folium, drawn after it has hooked the map's layers (only the reporter tells it of clicks)
      if (window.__GLOBAL_DATA__) { setTimeout(function () { self._redraw(); }, 0); } else { self._redraw(); }
    },
    onRemove: function (map) {
      var self = this;
      [self._group, self._badgeHost, self._top, self._halos, self._heat, self._bar].forEach(function (l) { if (l) { l.remove(); } });
      map.off("moveend", self._redraw, self);
      map.off("zoomstart", self._collapse, self);
      map.off("click", self._onMapClick, self);
      map.off("eventmap:sites", self._redraw, self);
      map.getContainer().removeEventListener("keydown", self._keys, true);
      // what was drawn went with its groups: shown again (the layer control's "Events" ticked back), all is drawn anew
      self._made = null; self._madeZoom = null; self._kept = null; self._drawn = []; self._groups = null; self._open = null;
      if (EM.events === self) { EM.events = null; }
    },

    /* -- text ------------------------------------------------------------------------------ */
    tooltip: function (i) {
      var D = this._D, S = D.S, st = D.styles[D.style[i]];
      var parts = [S[D.date[i]], S[D.sub[i]], S[D.place[i]], st.status].filter(function (s) { return s !== ""; });
      if (D.ids) { parts.unshift(D.ids[i]); }
      var text = parts.join(" &#183; ");
      if (this.options.numbered) { text = "#" + (i + 1) + " &#183; " + text; }
      return D.ids ? text : text + " &#183; click for the record";
    },
    record: function (i) {
      var D = this._D, S = D.S, P = this._P, r = D.records && D.records[i];
      if (!r) { return '<div class="event-popup"><b>' + this.tooltip(i) + "</b></div>"; }
      var body = "";
      for (var k = 0; k < P.labels.length; k++) {
        var cell = S[r[k]];
        if (cell === "") { continue; }
        if (k === P.url && S[r[r.length - 1]] !== "") {
          cell = '<a href="' + S[r[r.length - 1]] + '" target="_blank" rel="noopener noreferrer">' + cell + "</a>";
        }
        body += "<tr><th>" + P.labels[k] + "</th><td>" + cell + "</td></tr>";
      }
      var head = (this.options.numbered ? "#" + (i + 1) + " " : "") + (D.ids ? D.ids[i] : "");
      return '<div class="event-popup"><b>' + head + "</b><table>" + body + "</table></div>";
    },
    drawn: function () { return this._drawn || []; },
    inView: function () { return this._visible || []; },
    haloCount: function () { return this._halos ? this._halos.count() : 0; },

    /* -- grouping and layout ------------------------------------------------------------- */
    _redraw: function () {
      var map = this._map;
      if (!map || !map._loaded) { return; }
      var D = this._D, o = this.options, scale = worldPx(map), pb = map.getPixelBounds(), m = 40;
      var x0 = pb.min.x - m, x1 = pb.max.x + m, y0 = pb.min.y - m, y1 = pb.max.y + m, vis = [], i;
      for (i = 0; i < D.n; i++) {
        var x = D.x[i] * scale; if (x < x0 || x > x1) { continue; }
        var y = D.y[i] * scale; if (y < y0 || y > y1) { continue; }
        vis.push(i);
      }
      this._visible = vis;
      var items;
      if (o.heatmap) { items = []; }
      else if (vis.length > o.drawLimit) { items = this._cellsIn(x0, x1, y0, y1, scale); }
      else { items = vis.map(function (k) { return { x: D.x[k] * scale, y: D.y[k] * scale, n: 1, members: [k] }; }); }
      if (this._P.clusters && !o.heatmap) {
        this._P.clusters.forEach(function (c) {
          items.push({ x: mercX(c[1]) * scale, y: mercY(c[0]) * scale, n: c[2], members: [], color: c[3], server: true });
        });
      }
      var groups = this._groupItems(items, 2 * o.radius + 4);
      groups = this._resolve(groups, scale);
      this._groups = groups;
      EM.mark("eventmap-events-laid-out");
      this._draw(groups, scale);
    },
    _cellsIn: function (x0, x1, y0, y1, scale) {
      // the screen cells (world px) that touch the area; every event's cell is counted once per zoom and kept
      // for the last few zooms, so a pan, or a zoom back, counts nothing again and a cell stays the same badge
      var cache = this._cellCache || (this._cellCache = new Map()), all = cache.get(scale), cell = this.options.cellPx;
      if (!all) {
        all = this._cells(scale);
        cache.set(scale, all);
        if (cache.size > 4) { cache.delete(cache.keys().next().value); }
      }
      var gx0 = Math.floor(x0 / cell), gx1 = Math.floor(x1 / cell), gy0 = Math.floor(y0 / cell), gy1 = Math.floor(y1 / cell);
      return all.filter(function (c) { return c.gx >= gx0 && c.gx <= gx1 && c.gy >= gy0 && c.gy <= gy1; });
    },
    _cells: function (scale) {
      var D = this._D, cell = this.options.cellPx, byKey = new Map(), out = [];
      for (var k = 0; k < D.n; k++) {
        var x = D.x[k] * scale, y = D.y[k] * scale, gx = Math.floor(x / cell), gy = Math.floor(y / cell), key = gx * 1048576 + gy;
        var c = byKey.get(key);
        if (!c) { c = { sx: 0, sy: 0, n: 0, members: [], gx: gx, gy: gy }; byKey.set(key, c); out.push(c); }
        c.sx += x; c.sy += y; c.n += 1; c.members.push(k);
      }
      out.forEach(function (c) { c.x = c.sx / c.n; c.y = c.sy / c.n; c.cell = true; });
      return out;
    },
    _groupItems: function (items, reach) {
      // greedy, not chained: the largest item first takes every free item within reach of it
      var order = items.slice().sort(function (a, b) { return (b.n - a.n) || ((a.members[0] || 0) - (b.members[0] || 0)); });
      var size = Math.max(reach, 1), hash = new Map(), groups = [];
      function key(gx, gy) { return gx * 1048576 + gy; }
      order.forEach(function (it) { it.group = null; });  // kept cells come back from an earlier redraw
      order.forEach(function (it) {
        var k = key(Math.floor(it.x / size), Math.floor(it.y / size));
        (hash.get(k) || hash.set(k, []).get(k)).push(it);
      });
      order.forEach(function (it) {
        if (it.group) { return; }
        var g = { items: [it] }; it.group = g;
        var gx = Math.floor(it.x / size), gy = Math.floor(it.y / size);
        var r = it.cell || it.server ? size * 2 : reach;
        for (var dx = -2; dx <= 2; dx++) {
          for (var dy = -2; dy <= 2; dy++) {
            (hash.get(key(gx + dx, gy + dy)) || []).forEach(function (other) {
              if (!other.group && Math.hypot(other.x - it.x, other.y - it.y) < r) { other.group = g; g.items.push(other); }
            });
          }
        }
        groups.push(g);
      });
      groups.forEach(function (g) { EM._summarise(g); });
      return groups;
    },
    _shape: function (g) {
      var o = this.options, r = o.radius;
      if (g.n === 1 && !g.server) { g.kind = "point"; g.reach = r + 2; return; }
      if (!g.server && !g.cells && (o.expandAll || g.n <= o.autoFan)) {
        g.kind = "fan"; g.slots = fanSlots(g.n, r); g.reach = extent(g.slots) + r + 2; return;
      }
      g.kind = "badge"; g.size = Math.round(24 + 7 * Math.log10(g.n)); g.reach = g.size / 2 + 2;
    },
    _resolve: function (groups, scale) {
      var self = this, o = self.options, obstacles = [];
      if (EM.sites && EM.sites._map === self._map) {
        EM.sites.boxes().forEach(function (b) { obstacles.push(b[0], b[1]); });
      }
      groups.forEach(function (g) { self._shape(g); g.ax = g.x; g.ay = g.y; });
      // merge groups whose shapes overlap, until none do (a few rounds; each round only merges); a sweep
      // along x finds the candidates, so a round costs about n log n, not n squared
      for (var round = 0; round < 12; round++) {
        var merged = false, alive = groups.filter(function (g) { return !g.dead; }), widest = 0;
        alive.forEach(function (g) { widest = Math.max(widest, g.reach); });
        alive.sort(function (a, b) { return a.x - b.x; });
        for (var a = 0; a < alive.length; a++) {
          var g = alive[a]; if (g.dead) { continue; }
          for (var b = a + 1; b < alive.length && alive[b].x - g.x < g.reach + widest + 1; b++) {
            var h = alive[b]; if (h.dead) { continue; }
            if (Math.hypot(g.x - h.x, g.y - h.y) < g.reach + h.reach + 1 && !(g.kind === "point" && h.kind === "point")) {
              g.items = g.items.concat(h.items); h.dead = true; EM._summarise(g); self._shape(g); merged = true;
              widest = Math.max(widest, g.reach);
            }
          }
        }
        groups = groups.filter(function (g) { return !g.dead; });
        if (!merged) { break; }
      }
      groups.forEach(function (g) { EM._members(g); });
      // nothing over a base: move a shape that would cover one beside it (leader lines show the true place)
      function hits(x, y, reach, list) {
        return list.some(function (b) { return x + reach > b[0] && x - reach < b[2] && y + reach > b[1] && y - reach < b[3]; });
      }
      var placed = [];
      groups.sort(function (a, b) { return b.n - a.n; });
      groups.forEach(function (g) {
        var free = function (x, y) {
          return !hits(x, y, g.reach, obstacles) && !placed.some(function (p) {
            return Math.hypot(p.ax - x, p.ay - y) < p.reach + g.reach + 1;
          });
        };
        // over a base, or under a larger group moved there before it: it moves too (groups never hide each other)
        if ((obstacles.length && hits(g.x, g.y, g.reach, obstacles)) || !free(g.x, g.y)) {
          var dirs = [[-1, 0.6], [-0.7, 1], [0, 1], [-1, -0.6], [0, -1], [0.7, 1], [0.7, -1], [1, 1.2]];
          var done = false;
          for (var d = g.reach + 20; d < g.reach + 260 && !done; d += 8) {
            for (var k = 0; k < dirs.length && !done; k++) {
              var len = Math.hypot(dirs[k][0], dirs[k][1]), x = g.x + d * dirs[k][0] / len, y = g.y + d * dirs[k][1] / len;
              if (free(x, y)) { g.ax = x; g.ay = y; g.moved = true; done = true; }
            }
          }
        }
        placed.push(g);
      });
      return groups;
    },

    /* -- drawing --------------------------------------------------------------------------- */
    _latlng: function (x, y) { return this._map.unproject(L.point(x, y), this._map.getZoom()); },
    _style: function (i) {
      var st = this._D.styles[this._D.style[i]], o = this.options;
      return { radius: o.radius, fillColor: st.fillColor, fillOpacity: st.fillOpacity, color: st.color, weight: st.weight,
               dashArray: st.dashArray || null, opacity: 1, pane: o.pane, interactive: o.details };
    },
    _marker: function (i, x, y, layer, pane) {
      var self = this, o = self.options, latlng = self._latlng(x, y), style = self._style(i), marker;
      style.pane = pane || o.pane;
      if (o.numbered) {
        var st = self._D.styles[self._D.style[i]], label = String(i + 1), d = label.length > 2 ? 22 : 18;
        marker = L.marker(latlng, { pane: style.pane, keyboard: false, interactive: o.details, icon: L.divIcon({
          className: "event-number", iconSize: [d, d], iconAnchor: [d / 2, d / 2],
          html: '<div style="width:' + d + "px;height:" + d + "px;line-height:" + (d - 2 * st.weight) + "px;background:" + st.fillColor
                + ";border:" + st.weight + "px " + (st.dashArray ? "dashed" : "solid") + " " + (st.color === "#ffffff" ? "#fff" : st.color)
                + ';box-sizing:border-box">' + label + "</div>" }) });
      } else {
        marker = L.circleMarker(latlng, style);
      }
      marker._eventIndex = i;
      if (o.details) {  // the tooltip is made when first pointed at
        marker.once("mouseover", function () {
          marker.bindTooltip(self.tooltip(i), { direction: "top", offset: [0, -o.radius] }).openTooltip();
        });
        marker.on("click", function (e) { L.DomEvent.stopPropagation(e); self.select(i, true, marker); });
      }
      marker.addTo(layer);
      (self._sink || self._drawn).push({ index: i, x: x, y: y, marker: marker });
      return marker;
    },
    _leader: function (x, y, tx, ty, layer, pane) {
      if (Math.hypot(tx - x, ty - y) < 2) { return; }
      L.polyline([this._latlng(x, y), this._latlng(tx, ty)], { color: "#333", weight: 1, opacity: 0.75, interactive: false,
                                                              pane: pane || this.options.pane }).addTo(layer);
    },
    _dot: function (tx, ty, layer, seen, pane) {
      var key = Math.round(tx) + ":" + Math.round(ty);
      if (seen[key]) { return; }
      seen[key] = true;
      L.circleMarker(this._latlng(tx, ty), { radius: 2.5, color: "#fff", weight: 1, fillColor: "#222", fillOpacity: 1,
                                             interactive: false, pane: pane || this.options.pane }).addTo(layer);
    },
    _fan: function (g, layer, pane) {
      var self = this, D = self._D, scale = worldPx(self._map), members = g.members.slice(), seen = {};
      var slots = g.slots || fanSlots(members.length, self.options.radius);
      // members in the order of the angle to their true place (leader lines do not cross), then by date
      members.sort(function (a, b) {
        var ta = Math.atan2(D.y[a] * scale - g.ay, D.x[a] * scale - g.ax), tb = Math.atan2(D.y[b] * scale - g.ay, D.x[b] * scale - g.ax);
        var same = Math.abs(ta - tb) < 1e-6 || (Math.hypot(D.x[a] - D.x[b], D.y[a] - D.y[b]) * scale < 1);
        return same ? a - b : ((ta + 2.5 * Math.PI) % TAU) - ((tb + 2.5 * Math.PI) % TAU);
      });
      members.forEach(function (i, k) {
        var x = g.ax + slots[k][0], y = g.ay + slots[k][1];
        self._leader(x, y, D.x[i] * scale, D.y[i] * scale, layer, pane);
      });
      members.forEach(function (i) { self._dot(D.x[i] * scale, D.y[i] * scale, layer, seen, pane); });
      members.forEach(function (i, k) { self._marker(i, g.ax + slots[k][0], g.ay + slots[k][1], layer, pane); });
    },
    _badge: function (g, layer) {
      var self = this, D = self._D, size = g.size, stops = [], at = 0;
      var shares = g.colors.length ? g.colors : [[g.color || "#555", g.n]];
      shares.forEach(function (c) {
        var next = at + 360 * c[1] / g.n; stops.push(c[0] + " " + at.toFixed(1) + "deg " + next.toFixed(1) + "deg"); at = next;
      });
      var label = g.n >= 10000 ? Math.round(g.n / 1000) + "k" : g.n >= 1000 ? (g.n / 1000).toFixed(1) + "k" : String(g.n);
      NUMBER = NUMBER || new Intl.NumberFormat();
      var fans = !g.server && (g.n <= self.options.fanMax || self._together(g));
      var leader = "";
      if (g.moved) {  // moved off a base: a leader line to the group's true centre, marked with a dot, under the badge
        var dx = g.x - g.ax, dy = g.y - g.ay, half = size / 2;
        leader = '<i class="badge-leader" style="left:' + half + "px;top:" + half + "px;width:" + Math.hypot(dx, dy).toFixed(1)
                 + "px;transform:rotate(" + Math.atan2(dy, dx).toFixed(4) + 'rad)"></i><i class="badge-dot" style="left:'
                 + (half + dx).toFixed(1) + "px;top:" + (half + dy).toFixed(1) + 'px"></i>';
      }
      var marker = self._badgeHost.add(self._latlng(g.ax, g.ay), size,
        leader + '<div style="position:relative;width:' + size + "px;height:" + size + "px;line-height:" + (size - 8) + "px;background:conic-gradient("
        + stops.join(",") + ')"><span>' + label + "</span></div>",
        function () { return NUMBER.format(g.n) + " events here: click to " + (fans ? "fan them out" : "zoom in"); },
        function () { if (fans) { self._expand(g); } else { self._zoomInto(g); } });
      layer.badges.push(marker);
      g.marker = marker;
    },
    _together: function (g) {  // all members within a few metres: zooming in would never split them
      var D = this._D, maxScale = 256 * Math.pow(2, this._map.getMaxZoom()), a = g.members[0];
      return g.members.every(function (i) { return Math.hypot(D.x[i] - D.x[a], D.y[i] - D.y[a]) * maxScale < 2 * 7 + 4; });
    },
    _zoomInto: function (g) {
      var map = this._map, D = this._D;
      if (!g.members.length) { map.setView(this._latlng(g.x, g.y), Math.min(map.getZoom() + 2, map.getMaxZoom())); return; }
      var b = L.latLngBounds(g.members.map(function (i) { return [D.lat[i], D.lon[i]]; }));
      map.fitBounds(b, { padding: [60, 60], maxZoom: map.getMaxZoom() });
    },
    _key: function (g, zoom) {  // the same key, the same drawing: its members, shape and place at this zoom
      var h = 0, x = 0;  // of the members as a set: their order follows the merges, not their indices
      for (var k = 0; k < g.items.length; k++) {  // a sum and an xor: an item's own (a kept cell's, made once) add up
        var it = g.items[k];
        if (it.h === undefined) { EM._hash(it); }
        h = (h + it.h) | 0; x ^= it.x2;
      }
      return [zoom, g.kind, g.n, h, x, Math.round(g.ax * 4), Math.round(g.ay * 4), Math.round(g.x * 4), Math.round(g.y * 4),
              g.server ? 1 : 0].join(",");
    },
    _collector: function () {  // what _marker, _fan and _badge add to: the events group, remembering each layer
      var group = this._group;
      return { layers: [], badges: [], addLayer: function (l) { group.addLayer(l); this.layers.push(l); return this; } };
    },
    _draw: function (groups, scale) {
      // Each group's layers are kept under its key; a pan redraws only the groups that changed. The badges of the
      // last few zooms are kept too (static/app/badges.js), so a zoom back redraws only what changed there.
      var self = this, zoom = self._map.getZoom(), old = self._leave(zoom), made = new Map();
      self._top.clearLayers(); self._drawn = [];
      var halos = [], seenHalo = {}, D = self._D;
      groups.forEach(function (g) {
        var key = self._key(g, zoom);
        while (made.has(key)) { key += "+"; }
        var rec = old.get(key);
        if (rec) { old.delete(key); g.marker = rec.marker; }
        else {
          // the group's layers go straight into the events group (no layer group each: that costs a layer
          // add per group on every zoom); the record lists them for removal
          rec = { layer: self._collector(), drawn: [], marker: null };
          self._sink = rec.drawn;
          if (g.kind === "point") {
            var i = g.members[0];
            if (g.moved) { self._leader(g.ax, g.ay, g.x, g.y, rec.layer); self._dot(g.x, g.y, rec.layer, {}); }
            self._marker(i, g.ax, g.ay, rec.layer);
          } else if (g.kind === "fan") {
            self._fan(g, rec.layer);
          } else { self._badge(g, rec.layer); rec.marker = g.marker; }
          self._sink = null;
        }
        made.set(key, rec);
        for (var d = 0; d < rec.drawn.length; d++) { self._drawn.push(rec.drawn[d]); }
        if (rec.marker && rec.marker.getElement()) { rec.marker.getElement().style.opacity = 1; }
        if (self.options.halos && g.kind !== "badge") {
          g.members.forEach(function (i) {
            var st = D.styles[D.style[i]], key = D.lat[i] + ":" + D.lon[i] + ":" + st.halo;
            if (st.halo > 0 && !seenHalo[key]) { seenHalo[key] = true; halos.push([D.lat[i], D.lon[i], st.halo, st.fillColor]); }
          });
        }
      });
      self._forget(old.values());
      self._badgeHost.flush();
      self._made = made; self._madeZoom = zoom;
      if (self._halos) { self._halos.set(halos); }
      if (self._expanded) {
        var open = groups.filter(function (g) { return g.members.indexOf(self._expanded) >= 0 && g.kind === "badge"; })[0];
        if (open) { self._expand(open, true); } else { self._expanded = null; }
      }
      self._ring();
      if (self._bar) { self._bar.update(); }
      self._map.fire("eventmap:drawn");
    },
    _leave: function (zoom) {
      // the records drawn before at ``zoom``, to reuse: this zoom's, or a kept level's. Leaving a zoom keeps the
      // records that are badges alone (their level is kept hidden) and removes every other drawn layer
      var self = this, kept = self._kept || (self._kept = new Map()), host = self._badgeHost;
      if (self._made && self._madeZoom === zoom) { host.level(zoom); return self._made; }
      if (self._made) {
        var badgesOnly = new Map(), gone = [];
        self._made.forEach(function (rec, key) { if (rec.layer.layers.length) { gone.push(rec); } else { badgesOnly.set(key, rec); } });
        self._forget(gone);
        kept.set(self._madeZoom, badgesOnly);
        self._made = null;
      }
      host.level(zoom).forEach(function (dropped) { kept.delete(dropped); });
      var old = kept.get(zoom) || new Map();
      kept.delete(zoom);
      return old;
    },
    _forget: function (records) {  // every layer and badge the records drew, removed (their badges all at once)
      var self = this, gone = [];
      for (var rec of records) {
        rec.layer.layers.forEach(function (l) { self._group.removeLayer(l); });
        rec.layer.badges.forEach(function (b) { gone.push(b); });
      }
      self._badgeHost.removeBadges(gone);
    },
    _expand: function (g, quiet) {
      var self = this;
      self._top.clearLayers();
      self._expanded = g.members[0];
      self._drawn = self._drawn.filter(function (d) { return g.members.indexOf(d.index) < 0; });
      var slots = fanSlots(g.members.length, self.options.radius), reach = extent(slots) + self.options.radius + 4;
      L.circleMarker(self._latlng(g.ax, g.ay), { radius: reach, color: "#555", weight: 1, fillColor: "#fff", fillOpacity: 0.75,
                                                 interactive: false, pane: self.options.topPane }).addTo(self._top);
      var fan = { members: g.members, slots: slots, ax: g.ax, ay: g.ay };
      self._fan(fan, self._top, self.options.topPane);
      if (g.marker && g.marker.getElement()) { g.marker.getElement().style.opacity = 0.35; }
      self._open = g;
      if (!quiet) { self._ring(); }
    },
    _collapse: function () {
      if (!this._open) { return; }
      var g = this._open;
      this._open = null; this._expanded = null; this._top.clearLayers();
      if (g.marker && g.marker.getElement()) { g.marker.getElement().style.opacity = 1; }
      this._drawn = this._drawn.filter(function (d) { return g.members.indexOf(d.index) < 0; });
      this._ring();
    },
    _onMapClick: function () { this._collapse(); },

    /* -- selection --------------------------------------------------------------------------- */
    select: function (i, report, marker) {
      var self = this, D = self._D;
      self._sel = i;
      var found = self._drawn.filter(function (d) { return d.index === i; })[0];
      if (!found) {  // inside a badge: open it, so the selected event can be seen
        var g = (self._groups || []).filter(function (h) { return h.kind === "badge" && h.members.indexOf(i) >= 0; })[0];
        if (g && !g.server && (g.n <= self.options.fanMax || self._together(g))) { self._expand(g, true); }
      }
      self._ring();
      if (self.options.popups !== "none") {
        var at = self._drawn.filter(function (d) { return d.index === i; })[0];
        var latlng = at ? at.marker.getLatLng() : L.latLng(D.lat[i], D.lon[i]);
        L.popup({ minWidth: self.options.popups === "full" ? 300 : 160, maxWidth: 460, autoPanPaddingTopLeft: [48, 10],
                  offset: [0, -self.options.radius] })
          .setLatLng(latlng).setContent(self.options.popups === "full" ? self.record(i) : '<div class="event-popup">' + self.tooltip(i) + "</div>")
          .openOn(self._map);
      }
      if (report) { EM.report(self.options.reportPrefix + ":" + D.key + ":" + i, L.latLng(D.lat[i], D.lon[i])); }
      if (self._bar) { self._bar.update(); }
    },
    _ring: function () {
      var self = this, o = self.options;
      if (self._ringLayer) { self._ringLayer.remove(); self._ringLayer = null; }
      if (self._sel === null || self._sel === undefined) { return; }
      var at = self._drawn.filter(function (d) { return d.index === self._sel; })[0], latlng, radius = o.ringRadius;
      if (at) { latlng = at.marker.getLatLng(); }
      else {
        var g = (self._groups || []).filter(function (h) { return h.members.indexOf(self._sel) >= 0; })[0];
        if (!g) { return; }
        latlng = self._latlng(g.ax, g.ay); radius = (g.size || 20) / 2 + 6;
      }
      self._ringLayer = L.circleMarker(latlng, { radius: radius, color: o.ringColor, weight: 4, fill: false, interactive: false,
                                                 pane: o.topPane, className: "selection-ring" }).addTo(self._map);
    },
    step: function (delta) {
      var vis = this._visible || [];
      if (!vis.length) { return; }
      var at = vis.indexOf(this._sel), next;
      if (at < 0) { next = delta > 0 ? vis[0] : vis[vis.length - 1]; }
      else { next = vis[(at + delta + vis.length) % vis.length]; }
      this.select(next, true);
    },
    _onKey: function (e) {
      if (e.key === "Escape") { this._collapse(); return; }
      if ((e.key !== "ArrowRight" && e.key !== "ArrowLeft") || this._sel === null || this._sel === undefined) { return; }
      e.preventDefault(); e.stopImmediatePropagation();
      this.step(e.key === "ArrowRight" ? 1 : -1);
    },
    fitEvents: function () {
      var b = this.options.bbox;
      if (!b) { return; }
      this._map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: [50, 50], maxZoom: 12 });
    },
    _makeBar: function () {
      var self = this, Bar = L.Control.extend({
        options: { position: "topleft" },
        onAdd: function () {
          var div = L.DomUtil.create("div", "eventmap-bar leaflet-bar");
          div.innerHTML = '<button type="button" data-act="prev" title="Previous event in view (left arrow)">&#9664;</button>'
            + '<span class="where"></span>'
            + '<button type="button" data-act="next" title="Next event in view (right arrow)">&#9654;</button>'
            + '<button type="button" data-act="fit" title="Zoom to the events shown">Fit events</button>';
          L.DomEvent.disableClickPropagation(div);
          div.addEventListener("click", function (e) {
            var act = e.target.getAttribute && e.target.getAttribute("data-act");
            if (act === "prev") { self.step(-1); } else if (act === "next") { self.step(1); } else if (act === "fit") { self.fitEvents(); }
          });
          this._where = div.querySelector(".where");
          return div;
        },
        update: function () {
          var vis = self._visible || [], at = vis.indexOf(self._sel);
          this._where.textContent = (at >= 0 ? (at + 1) + " of " : "") + vis.length.toLocaleString() + " in view";
        }
      });
      return new Bar();
    }
  });

  EM._summarise = function (g) {  // a group's count, centre and colours from its items (members: EM._members)
    var n = 0, sx = 0, sy = 0, colors = {}, cells = false, server = false, color = null;
    g.items.forEach(function (it) {
      n += it.n; sx += it.x * it.n; sy += it.y * it.n; cells = cells || !!it.cell; server = server || !!it.server;
      if (it.server) { color = color || it.color; colors[it.color] = (colors[it.color] || 0) + it.n; }
    });
    g.n = n; g.x = sx / n; g.y = sy / n; g.cells = cells; g.server = server; g.color = color;
    g.colorsMap = colors;
    return g;
  };
  EM._hash = function (item) {  // a set hash of an item's events, for a group's key (kept with a kept cell)
    var h = 0, x = 0;
    for (var k = 0; k < item.members.length; k++) { var m = Math.imul(item.members[k] + 1, 2654435761); h = (h + m) | 0; x ^= m; }
    item.h = h; item.x2 = x;
    return item;
  };
  EM._members = function (g) {  // the events of a group, once its merges are done (in the order of its items)
    if (g.items.length === 1) { g.members = g.items[0].members; return g; }
    var members = [];
    g.items.forEach(function (it) { for (var k = 0; k < it.members.length; k++) { members.push(it.members[k]); } });
    g.members = members;
    return g;
  };

  // colour shares of a group, for its badge (computed when drawn)
  var badge = EM.EventsLayer.prototype._badge;
  EM.EventsLayer.prototype._badge = function (g, layer) {
    var D = this._D, counts = {}, byStyle = new Int32Array(D.styles.length), members = g.members, k;
    for (k = 0; k < members.length; k++) { byStyle[D.style[members[k]]] += 1; }  // by style code: no string per event
    for (k = 0; k < byStyle.length; k++) {
      if (byStyle[k]) { var c = D.styles[k].fillColor; counts[c] = (counts[c] || 0) + byStyle[k]; }
    }
    Object.keys(g.colorsMap || {}).forEach(function (c) { counts[c] = (counts[c] || 0) + g.colorsMap[c]; });
    g.colors = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; }).map(function (c) { return [c, counts[c]]; });
    return badge.call(this, g, layer);
  };

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

  // Arabic place names as an option (they also show on hover).
  EM.LanguageControl = L.Control.extend({
    options: { position: "bottomleft" },
    onAdd: function (map) {
      var div = L.DomUtil.create("div", "eventmap-bar leaflet-bar");
      div.innerHTML = '<label title="Place names in Arabic (hover a name to see both)"><input type="checkbox"> &#1593;&#1585;&#1576;&#1610;</label>';
      L.DomEvent.disableClickPropagation(div);
      div.querySelector("input").addEventListener("change", function (e) {
        map.getContainer().classList.toggle("labels-ar", e.target.checked);
        EM.board(map).queue();
      });
      return div;
    }
  });
}());
