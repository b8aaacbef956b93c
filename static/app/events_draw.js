/* The events layer's drawing (static/app/events.js): markers, fans with leader lines, badges (placed by
 * badges.js), each group's layers kept under a key so that a pan redraws only what changed, and a badge
 * opened into a fan.
 *
 * Written for this project (not vendored). Every string it shows was escaped by Python.
 */
(function () {
  "use strict";
  var EM = window.EventMap = window.EventMap || {};
  var worldPx = EM.worldPx, fanSlots = EM.fanSlots;
  var TAU = 2 * Math.PI, NUMBER = null, extent = EM.fanExtent;

  EM.EventsLayer.include({
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
    _leader: function (x, y, tx, ty, layer, pane, weight) {
      if (Math.hypot(tx - x, ty - y) < 2) { return; }
      L.polyline([this._latlng(x, y), this._latlng(tx, ty)], { color: "#333", weight: weight || 1, opacity: 0.75,
                                                              interactive: false, className: "fan-leader",
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
      var self = this, D = self._D, scale = worldPx(self._map), members = g.members.slice();
      var slots = g.slots || fanSlots(members.length, self.options.radius);
      // members in the order of the angle to their true place (leader lines do not cross), then by date
      members.sort(function (a, b) {
        var ta = Math.atan2(D.y[a] * scale - g.ay, D.x[a] * scale - g.ax), tb = Math.atan2(D.y[b] * scale - g.ay, D.x[b] * scale - g.ax);
        var same = Math.abs(ta - tb) < 1e-6 || (Math.hypot(D.x[a] - D.x[b], D.y[a] - D.y[b]) * scale < 1);
        return same ? a - b : ((ta + 2.5 * Math.PI) % TAU) - ((tb + 2.5 * Math.PI) % TAU);
      });
      var ends = slots.slice(0, members.length).map(function (s) { return [g.ax + s[0], g.ay + s[1]]; });
      self._leadersOf(g, ends, members.map(function (i) { return [D.x[i] * scale, D.y[i] * scale]; }),
                      extent(slots) + self.options.radius + 4, layer, pane);
      members.forEach(function (i, k) { self._marker(i, ends[k][0], ends[k][1], layer, pane); });
    },
    _leadersOf: function (g, ends, targets, reach, layer, pane) {  // lines from markers to true places (EM.leaderPlan)
      var self = this, seen = {}, plan = EM.leaderPlan(g.ax, g.ay, reach, ends, targets, self._siteIcons(self._map.getZoom()));
      plan.lines.forEach(function (l) { self._leader(l[0], l[1], l[2], l[3], layer, pane, l[4]); });
      plan.dots.forEach(function (d) { self._dot(d[0], d[1], layer, seen, pane); });
    },
    _shares: function (g) {  // a group's colours by count, largest first, for its badge (made when drawn)
      var D = this._D, counts = {}, byStyle = new Int32Array(D.styles.length), members = g.members, k;
      for (k = 0; k < members.length; k++) { byStyle[D.style[members[k]]] += 1; }  // by style code: no string per event
      for (k = 0; k < byStyle.length; k++) {
        if (byStyle[k]) { var c = D.styles[k].fillColor; counts[c] = (counts[c] || 0) + byStyle[k]; }
      }
      Object.keys(g.colorsMap || {}).forEach(function (c) { counts[c] = (counts[c] || 0) + g.colorsMap[c]; });
      g.colors = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; }).map(function (c) { return [c, counts[c]]; });
    },
    _badge: function (g, layer) {
      this._shares(g);
      var self = this, size = g.size, stops = [], at = 0;
      var shares = g.colors.length ? g.colors : [[g.color || "#555", g.n]];
      shares.forEach(function (c) {
        var next = at + 360 * c[1] / g.n; stops.push(c[0] + " " + at.toFixed(1) + "deg " + next.toFixed(1) + "deg"); at = next;
      });
      var label = g.n >= 10000 ? Math.round(g.n / 1000) + "k" : g.n >= 1000 ? (g.n / 1000).toFixed(1) + "k" : String(g.n);
      NUMBER = NUMBER || new Intl.NumberFormat();
      var fans = !g.server && (g.n <= self.options.fanMax || self._together(g));
      var leader = "";
      if (g.moved) {  // moved off a base: a leader line to the group's true centre, marked with a dot, under the badge;
        // a centre under a base's icon: the line stops at the icon's edge, with no dot (the icon marks the place)
        var end = EM.enterBox(g.ax, g.ay, g.x, g.y, self._siteIcons(self._map.getZoom()));
        var dx = end[0] - g.ax, dy = end[1] - g.ay, half = size / 2;
        leader = '<i class="badge-leader" style="left:' + half + "px;top:" + half + "px;width:" + Math.hypot(dx, dy).toFixed(1)
                 + "px;transform:rotate(" + Math.atan2(dy, dx).toFixed(4) + 'rad)"></i>'
                 + (end[2] ? "" : '<i class="badge-dot" style="left:' + (half + dx).toFixed(1) + "px;top:" + (half + dy).toFixed(1)
                                   + 'px"></i>');
      }
      var marker = self._badgeHost.add(self._latlng(g.ax, g.ay), size,
        leader + '<div style="position:relative;width:' + size + "px;height:" + size + "px;line-height:" + (size - 8) + "px;background:conic-gradient("
        + stops.join(",") + ')"><span>' + label + "</span></div>",
        function () {  // none while it is open: the tip would lie over its base
          return self._open === g ? null : NUMBER.format(g.n) + " events here: click to " + (fans ? "fan them out" : "zoom in");
        },
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
            if (g.moved) { self._leadersOf(g, [[g.ax, g.ay]], [[g.x, g.y]], 0, rec.layer); }
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
      self._coverNames(zoom, groups);
      if (self._halos) { self._halos.set(halos); }
      if (self._expanded) {
        var open = groups.filter(function (g) { return g.members.indexOf(self._expanded) >= 0 && g.kind === "badge"; })[0];
        if (open) { self._expand(open, true); } else { self._expanded = null; }
      }
      self._ring();
      if (self._bar) { self._bar.update(); }
      self._map.fire("eventmap:drawn");
    },
    _covered: function (groups) {  // what the markers and badges drawn cover, in world px (place names step aside)
      var r = this.options.numbered ? 11 : this.options.radius + 1, boxes = [];
      this._drawn.forEach(function (d) { boxes.push([d.x - r, d.y - r, d.x + r, d.y + r]); });
      groups.forEach(function (g) {
        if (g.kind === "badge") { var h = g.size / 2; boxes.push([g.ax - h, g.ay - h, g.ax + h, g.ay + h]); }
      });
      if (this._open && this._openDisc) { boxes.push(this._openDisc); }  // an opened badge's fan, disc and all
      return boxes;
    },
    _coverNames: function (zoom, groups) {  // tell the label board what the events cover (drawn, or a badge opened or closed)
      if (!this._map) { return; }
      EM.board(this._map).cover(zoom === undefined ? this._map.getZoom() : zoom, this._covered(groups || this._groups || []));
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
      var at = self._clearOfBases(g.ax, g.ay, reach);  // an opened badge never covers a base's icon or name either
      L.circleMarker(self._latlng(at[0], at[1]), { radius: reach, color: "#555", weight: 1, fillColor: "#fff", fillOpacity: 0.75,
                                                   interactive: false, pane: self.options.topPane }).addTo(self._top);
      var fan = { members: g.members, slots: slots, ax: at[0], ay: at[1] };
      self._fan(fan, self._top, self.options.topPane);
      self._openDisc = [at[0] - reach, at[1] - reach, at[0] + reach, at[1] + reach];
      if (g.marker && g.marker.getElement()) { g.marker.getElement().style.opacity = 0.35; }
      self._open = g;
      self._coverNames();
      if (!quiet) { self._ring(); }
    },
    _clearOfBases: function (x, y, reach) {  // (x, y), or the nearest point where a disc of ``reach`` px covers no base
      var boxes = this._siteObstacles(this._map.getZoom());
      if (!boxes.length) { return [x, y]; }
      var clear = function (px, py) { return !EM.boxHits(px, py, reach, boxes); };
      return clear(x, y) ? [x, y] : EM.nearestFree(x, y, reach, clear) || [x, y];
    },
    _collapse: function () {
      if (!this._open) { return; }
      var g = this._open;
      this._open = null; this._expanded = null; this._top.clearLayers();
      if (g.marker && g.marker.getElement()) { g.marker.getElement().style.opacity = 1; }
      this._drawn = this._drawn.filter(function (d) { return g.members.indexOf(d.index) < 0; });
      this._openDisc = null;
      this._coverNames();
      this._ring();
    },
    _onMapClick: function () { this._collapse(); },
  });
}());
