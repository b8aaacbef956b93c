/* The bases, their range rings and the events' halos in the browser. A base's icon and name are obstacles on
 * the board (static/app/core.js): no place name, ring label or event is drawn over them.
 *
 * Written for this project (not vendored). See utils/map/sites_layer.py for the rows.
 */
(function () {
  "use strict";
  var EM = window.EventMap = window.EventMap || {};
  var mercX = EM.mercX, mercY = EM.mercY, worldPx = EM.worldPx, metresPerPx = EM.metresPerPx, textWidth = EM.textWidth, plain = EM.plain;

  /* ---------------------------------------------------------------- the bases */
  // rows: [lat, lon, iconHtml, title, popupHtml, labelText]; a click on an icon reports "site:<n>".
  EM.SitesLayer = L.Layer.extend({
    initialize: function (rows, options) { this._rows = rows; L.setOptions(this, options); },
    onAdd: function (map) {
      var self = this;
      self._group = L.layerGroup().addTo(map);
      self._part = { priority: 0, plan: function (board, zoom) { self._obstacles(board, zoom); }, apply: function () {} };
      EM.board(map).add(self._part);
      // in st_folium, drawn after it has hooked the map's layers: only the reporter tells it about clicks
      if (window.__GLOBAL_DATA__) { setTimeout(function () { self._draw(); }, 0); } else { self._draw(); }
    },
    onRemove: function (map) { map.removeLayer(this._group); EM.board(map).remove(this._part); },
    boxes: function (zoom) {  // what no event and no label may cover, in world px at ``zoom`` (or the map's)
      var map = this._map, scale = worldPx(map, zoom), half = this.options.iconPx / 2 + 3;
      return this._rows.map(function (r) {
        var x = mercX(r[1]) * scale, y = mercY(r[0]) * scale, w = textWidth(plain(r[5]), "bold 12px DejaVu Sans, Arial, sans-serif");
        return [[x - half, y - half, x + half, y + half], [x + half + 2, y - 10, x + half + 6 + w, y + 10]];
      });
    },
    _obstacles: function (board, zoom) { this.boxes(zoom).forEach(function (b) { board.take(b[0]); board.take(b[1]); }); },
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
    plan: function (board, zoom) {  // where each ring's label goes at ``zoom``: [[latlng, text, w, h], ...]
      var map = this._map, scale = worldPx(map, zoom), plan = [];
      this._rows.forEach(function (r) {
        var cx = mercX(r[1]) * scale, cy = mercY(r[0]) * scale, px = r[2] * 1000 / metresPerPx(map, r[0], zoom);
        if (px < 22) { return; }  // too small to label without covering the base
        var text = r[2] + " km", w = textWidth(text, "bold 10px DejaVu Sans, Arial, sans-serif") + 4, h = 13;
        var angles = [-90, -60, -120, -30, -150, 0, 180, 30, 150, 60, 120, 90];
        for (var a = 0; a < angles.length; a++) {
          var t = angles[a] * Math.PI / 180, x = cx + px * Math.cos(t), y = cy + px * Math.sin(t);
          var box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
          if (!board.free(box)) { continue; }
          board.take(box);
          plan.push([map.unproject(L.point(x, y), zoom), text, w, h]);
          break;
        }
      });
      return plan;
    },
    apply: function (plan) {
      var o = this.options, self = this;
      self._clear();
      plan.forEach(function (p) {
        var w = p[2], h = p[3];
        self._labels.push(L.marker(p[0], {
          icon: L.divIcon({ html: '<div class="ring-label">' + p[1] + "</div>", iconSize: [w, h], iconAnchor: [w / 2, h / 2],
                            className: "ring-label-icon" }), interactive: false, keyboard: false, pane: o.labelPane
        }).addTo(self._group));
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
}());
