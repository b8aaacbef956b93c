/* The offline basemap in the browser: countries, governorates, rivers and lakes as SVG under everything, and
 * the place names, laid out once per zoom level on the board (static/app/core.js) so that they never collide
 * with a base, a range ring's label or each other; a pan only adds the names that came into view.
 *
 * Written for this project (not vendored). See utils/map/basemap_layer.py for the payload; every name in it
 * is escaped there.
 */
(function () {
  "use strict";
  var EM = window.EventMap = window.EventMap || {};
  var mercX = EM.mercX, mercY = EM.mercY, worldPx = EM.worldPx, textWidth = EM.textWidth, plain = EM.plain;

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
    this.box = L.DomUtil.create("div", "place-labels", this.pane);  // every name's element, and its dot's
    this.placed = []; this.zoom = null;
  }
  function labelFont(r) { return (r[2] === "capital" ? "bold " : "") + r[4] + "px DejaVu Sans, Arial, sans-serif"; }
  PlaceLabels.prototype.measureAll = function () {  // when the page is idle: the first zoom finds every width known
    this.rows.forEach(function (r) {
      textWidth(plain(r[5]), labelFont(r));
      if (r[6]) { textWidth(plain(r[6]), labelFont(r)); }
    });
  };
  PlaceLabels.prototype.clear = function () { this.box.textContent = ""; };
  // Every name of the zoom level is placed (by priority, at its first free candidate box), wherever it is;
  // only those near the view get an element (apply), and a pan adds the others as they come into view.
  PlaceLabels.prototype.plan = function (board, zoom) {
    var map = this.map, scale = worldPx(map, zoom), self = this, placed = [];
    var arabic = map.getContainer().classList.contains("labels-ar");
    self.rows.forEach(function (r, n) {
      if (zoom < r[3] || (r[7] && zoom > r[7])) { return; }
      var x = self.at[n][0] * scale, y = self.at[n][1] * scale;
      var size = r[4], font = labelFont(r), text = arabic && r[6] ? r[6] : r[5];
      var width = textWidth(plain(text), font) * (r[2] === "country" ? 1.25 : r[2] === "admin1" ? 1.2 : 1) + 2;
      var height = size + 3, dot = DOT_KINDS.indexOf(r[2]) >= 0;
      var candidates = dot
        ? [[x + 5, y - height / 2], [x - 5 - width, y - height / 2], [x - width / 2, y - height - 4], [x - width / 2, y + 4]]
        : [[x - width / 2, y - height / 2]];
      var boxes = candidates.map(function (c) { return [c[0], c[1], c[0] + width, c[1] + height]; });
      var own = boxes.length;
      if (dot) {  // used only to step aside from an event drawn on the place: clear of a marker, then of a badge
        [12, 26].forEach(function (d) {
          [[x + d, y - height / 2], [x - d - width, y - height / 2], [x - width / 2, y - height - d + 1], [x - width / 2, y + d - 1]]
            .forEach(function (c) { boxes.push([c[0], c[1], c[0] + width, c[1] + height]); });
        });
      } else {  // a country's, a sea's or a region's name: a little above or below its middle
        [-1, 1, -2, 2].forEach(function (k) { var b = boxes[0]; boxes.push([b[0], b[1] + k * (height + 4), b[2], b[3] + k * (height + 4)]); });
      }
      for (var c = 0; c < own; c++) {
        var box = boxes[c];
        if (!board.free(pad(box))) { continue; }
        if (dot && !board.free([x - 3, y - 3, x + 3, y + 3])) { break; }
        board.take(box);
        if (dot) { board.take([x - 3, y - 3, x + 3, y + 3]); }
        placed.push({ row: r, base: box, box: box, boxes: boxes, hidden: false, x: x, y: y, dot: dot, font: font,
                      arabic: arabic, el: null });
        break;
      }
    });
    return { zoom: zoom, placed: placed };
  };
  PlaceLabels.prototype.apply = function (plan, board) {
    this.clear();
    plan.placed.forEach(function (p) { p.box = p.base; p.hidden = false; p.el = null; });  // a plan shown before
    this.placed = plan.placed; this.zoom = plan.zoom;
    this.uncover(board);
    this.show();
  };
  function pad(box) { return [box[0] - 2, box[1] - 1, box[2] + 2, box[3] + 1]; }
  // A name under an event the events layer drew (board.cover) takes another of its free candidate boxes, or is
  // hidden while the event is there; it goes back to its own place when the event is gone. Never under an event.
  PlaceLabels.prototype.uncover = function (board) {
    var self = this, zoom = self.zoom, moved = [], origin = self.map.getPixelOrigin();
    function clashes(box) { return moved.some(function (o) { return box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]; }); }
    self.placed.forEach(function (p) {
      var at = p.base;
      if (board.covers(pad(p.base), zoom)) {
        at = null;
        for (var c = 0; c < p.boxes.length && !at; c++) {
          var box = p.boxes[c];
          if (box !== p.base && board.free(pad(box), p.base) && !board.covers(pad(box), zoom) && !clashes(box)) { at = box; }
        }
        if (at) { moved.push(at); }
      }
      var hidden = !at;
      at = at || p.base;
      if (at === p.box && hidden === p.hidden) { return; }
      p.box = at; p.hidden = hidden;
      if (p.el) { self._put(p, origin); }
    });
  };
  PlaceLabels.prototype._put = function (p, origin) {  // the element where p says, or hidden
    p.el.style.display = p.hidden ? "none" : "";
    L.DomUtil.setPosition(p.el, L.point(p.box[0] - origin.x, p.box[1] - origin.y));
    if (p.dot) { p.el.style.setProperty("--dx", (p.x - p.box[0]) + "px"); }
  };
  PlaceLabels.prototype.show = function () {  // the names near the view that have no element yet, in one insertion
    var map = this.map, bounds = map.getPixelBounds(), origin = map.getPixelOrigin(), self = this, html = [], made = [];
    var padX = 120, padY = 60;  // names just outside the view are ready for a short pan; a pan adds the rest
    self.placed.forEach(function (p) {
      if (p.el || p.box[2] < bounds.min.x - padX || p.box[0] > bounds.max.x + padX
          || p.box[3] < bounds.min.y - padY || p.box[1] > bounds.max.y + padY) { return; }
      var r = p.row, text = p.arabic && r[6] ? '<span class="ar-only">' + r[6] + "</span>"
        : '<span class="en">' + r[5] + "</span>" + (r[6] ? '<span class="ar"> &#183; ' + r[6] + "</span>" : "");
      html.push('<div class="place-label ' + r[2] + '" data-kind="' + r[2] + '" style="font:' + p.font
                + (p.dot ? ";padding-left:0" : "") + '">' + text + "</div>");
      if (p.dot) {  // the dot sits at the place itself, apart from the text
        html.push('<div class="place-dot" style="position:absolute;width:5px;height:5px;border-radius:50%;background:#555;'
                  + "border:1px solid #fff;transform:translate3d(" + (p.x - origin.x - 3.5) + "px," + (p.y - origin.y - 3.5)
                  + 'px,0)"></div>');
      }
      made.push(p);
    });
    if (!made.length) { return; }
    var els = self.box.children, at = els.length;
    self.box.insertAdjacentHTML("beforeend", html.join(""));
    made.forEach(function (p) { p.el = els[at]; at += p.dot ? 2 : 1; self._put(p, origin); });
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
        EM.board(map).changed();
      });
      return div;
    }
  });
}());
