/* The events layer in the browser: decoded once per filter change, then clustered (screen cells when many are
 * in view), grouped when closer than a marker, and laid out on every zoom and pan without asking the server:
 * a group small enough is fanned out around its centre with thin leader lines to the true positions (which
 * stay marked with a dot); a larger one is a numbered badge that fans out when clicked (or zooms in when it
 * holds too many to fan). Nothing is drawn over a base's icon or label: a group that would be is moved beside
 * it, with leader lines. A click selects an event (ringed) and tells the server (st_folium) which one; the
 * arrow keys, or the buttons of the bar, step through the events in view.
 *
 * This file: the layer, its text, the redraw on each pan and zoom, selection and the bar. The grouping is in
 * events_layout.js, the drawing in events_draw.js, the badges in badges.js. Speed (benchmarks/scale.py): the
 * layer keeps every group it drew that is unchanged after a pan, and the badges of the last zooms.
 *
 * Written for this project (not vendored). See utils/map/payload.py for the payload.
 */
(function () {
  "use strict";
  var EM = window.EventMap = window.EventMap || {};
  var mercX = EM.mercX, mercY = EM.mercY, worldPx = EM.worldPx;

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
      self._ahead = null;
      EM.board(map).cover(null, []);  // the place names it covered come back
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
    inViewCount: function () { return (this._visible || []).length + (this._clustered || 0); },  // clusters' events too
    haloCount: function () { return this._halos ? this._halos.count() : 0; },

    /* -- grouping and layout ------------------------------------------------------------- */
    _redraw: function () {
      var map = this._map;
      if (!map || !map._loaded) { return; }
      var zoom = map.getZoom(), pb = map.getPixelBounds(), plan = this._planned(zoom, pb) || this._plan(zoom, pb);
      this._visible = plan.visible; this._clustered = plan.clustered;
      this._groups = plan.groups;
      EM.mark("eventmap-events-laid-out");
      this._draw(plan.groups, plan.scale);
      this._planAhead(zoom);
    },
    _plan: function (zoom, pb) {  // the events in the view ``pb`` (world px at ``zoom``), grouped and laid out
      var D = this._D, o = this.options, scale = worldPx(this._map, zoom), m = 40;
      var x0 = pb.min.x - m, x1 = pb.max.x + m, y0 = pb.min.y - m, y1 = pb.max.y + m, vis = [], i;
      for (i = 0; i < D.n; i++) {
        var x = D.x[i] * scale; if (x < x0 || x > x1) { continue; }
        var y = D.y[i] * scale; if (y < y0 || y > y1) { continue; }
        vis.push(i);
      }
      var items;
      if (o.heatmap) { items = []; }
      else if (vis.length > o.drawLimit) { items = this._cellsIn(x0, x1, y0, y1, scale); }
      else { items = vis.map(function (k) { return { x: D.x[k] * scale, y: D.y[k] * scale, n: 1, members: [k] }; }); }
      var clustered = 0;  // events the server counted into clusters (above the browser limit), in view
      (this._P.clusters || []).forEach(function (c) {
        var cx = mercX(c[1]) * scale, cy = mercY(c[0]) * scale;
        if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) { clustered += c[2]; }
        if (!o.heatmap) { items.push({ x: cx, y: cy, n: c[2], members: [], color: c[3], server: true }); }
      });
      var groups = this._resolve(this._groupItems(items, 2 * o.radius + 4), scale, zoom);
      return { zoom: zoom, bounds: pb, scale: scale, visible: vis, clustered: clustered, groups: groups };
    },
    // While the page is idle after a drawing, the zooms in and out around the same centre (the buttons, the keys,
    // a double click's zoom is elsewhere) are laid out ahead; the zoom then only draws (benchmarks/scale.py).
    _planned: function (zoom, pb) {
      var ahead = this._ahead, plan = ahead && ahead.get(zoom);
      this._ahead = null;  // made for the view they were made from: the next drawing plans again
      var off = plan ? Math.max(Math.abs(plan.bounds.min.x - pb.min.x), Math.abs(plan.bounds.min.y - pb.min.y),
                                Math.abs(plan.bounds.max.x - pb.max.x), Math.abs(plan.bounds.max.y - pb.max.y)) : Infinity;
      if (off > 2) { return null; }  // another centre (a scroll's zoom), or the map was resized since
      return { zoom: zoom, bounds: pb, scale: plan.scale, visible: plan.visible, clustered: plan.clustered, groups: plan.groups };
    },
    _planAhead: function (zoom) {
      var self = this, map = self._map, ahead = self._ahead = new Map();
      [zoom + 1, zoom - 1].forEach(function (next) {
        if (next > map.getMaxZoom() || next < map.getMinZoom()) { return; }
        EM.whenQuiet(function () {
          if (self._ahead !== ahead || self._map !== map || map.getZoom() !== zoom) { return; }
          var half = map.getSize().divideBy(2), origin = map.project(map.getCenter(), next).subtract(half).round();
          ahead.set(next, self._plan(next, L.bounds(origin, origin.add(map.getSize()))));
        });
      });
    },

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
          this._where.textContent = (at >= 0 ? (at + 1) + " of " : "") + self.inViewCount().toLocaleString() + " in view";
        }
      });
      return new Bar();
    }
  });
}());
