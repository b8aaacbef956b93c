/* The events layer's numbered badges (static/app/events_draw.js draws what they hold; this file only places them).
 *
 * Written for this project (not vendored). Every badge's HTML is built by events_draw.js from escaped strings.
 *
 * A badge is one element. The badges of one zoom level share one container (a "level"), positioned in that
 * zoom's world pixels, as Leaflet places a zoom level of tiles: coming back to a zoom shows its level again with
 * one transform, and the badges that did not change are neither made nor laid out again. The last few levels
 * are kept (``EventMap.BadgeHost.options.levels``). One wrapper listens to the pointer for every badge (one click
 * and one hover handler, no map listener per badge), and new badges go in with one insertion: a layer per badge
 * cost more to add and remove on every zoom than drawing the badges (benchmarks/scale.py, zoom at 10,000 events).
 */
(function () {
  "use strict";
  var EM = window.EventMap = window.EventMap || {};

  EM.BadgeHost = L.Layer.extend({
    options: { pane: "eventsPane", levels: 4 },
    initialize: function (options) {
      L.setOptions(this, options);
      this._levels = new Map(); this._level = null; this._new = []; this._tip = null; this._tipFor = null;
    },
    onAdd: function () {
      var self = this, host = self._host = L.DomUtil.create("div", "event-badges", self.getPane());
      function badgeOf(e) { var el = e.target.closest && e.target.closest(".event-badge"); return el && el._badge; }
      function inside(b, e) { return e.relatedTarget && b.el && b.el.contains(e.relatedTarget); }
      host.addEventListener("click", function (e) {
        var b = badgeOf(e);
        if (!b) { return; }
        e.stopPropagation();  // not a click on the map (which closes an open fan)
        if (!(self._map.dragging && self._map.dragging.moved())) { self._hideTip(); b.click(e); }  // no tip left on a fan
      });
      host.addEventListener("dblclick", function (e) { if (badgeOf(e)) { e.stopPropagation(); } });
      host.addEventListener("mouseover", function (e) { var b = badgeOf(e); if (b && !inside(b, e)) { self._showTip(b); } });
      host.addEventListener("mouseout", function (e) { var b = badgeOf(e); if (b && !inside(b, e)) { self._hideTip(); } });
    },
    onRemove: function () {
      this._hideTip(); L.DomUtil.remove(this._host); this._levels.clear(); this._level = null; this._new = [];
    },
    getEvents: function () { return { viewreset: this._offset, zoomanim: this._animate }; },

    level: function (zoom) {
      // show the level of ``zoom`` (kept, or new and empty); returns the zooms whose levels were dropped, oldest
      // first, beyond the last ``options.levels``
      var self = this, map = self._map, level = self._levels.get(zoom), dropped = [];
      if (self._level && self._level.zoom !== zoom) { self._hideTip(); L.DomUtil.remove(self._level.box); }
      if (!level) {
        level = { zoom: zoom, origin: map.getPixelOrigin(), box: L.DomUtil.create("div", "event-badge-level leaflet-zoom-animated"),
                  badges: new Set() };
      }
      self._levels.delete(zoom); self._levels.set(zoom, level);  // the newest last
      while (self._levels.size > self.options.levels) {
        var oldest = self._levels.keys().next().value;
        self._levels.delete(oldest); dropped.push(oldest);
      }
      if (level.box.parentNode !== self._host) { self._host.appendChild(level.box); }
      self._level = level;
      self._offset();
      return dropped;
    },
    add: function (latlng, size, html, tip, click) {
      // a badge of ``size`` px holding ``html`` at ``latlng`` (in the shown level at the next flush); ``tip()``
      // gives its tooltip's text, ``click(e)`` answers a click
      var b = { latlng: L.latLng(latlng), size: size, html: html, el: null, level: null, tip: tip, click: click,
                getElement: function () { return this.el; }, getLatLng: function () { return this.latlng; } };
      this._new.push(b);
      return b;
    },
    removeBadges: function (list) {  // the badges of ``list``; a level's all at once when they are every badge it holds
      var self = this, byLevel = new Map();
      if (self._tipFor && list.indexOf(self._tipFor) >= 0) { self._hideTip(); }
      list.forEach(function (b) {
        if (!b.level) { return; }
        (byLevel.get(b.level) || byLevel.set(b.level, []).get(b.level)).push(b);
      });
      byLevel.forEach(function (gone, level) {
        if (gone.length === level.badges.size) { level.box.textContent = ""; level.badges.clear(); }
        else { gone.forEach(function (b) { level.badges.delete(b); L.DomUtil.remove(b.el); }); }
        gone.forEach(function (b) { b.el = null; b.level = null; });
      });
    },
    flush: function () {  // the badges added since the last flush, into the shown level with one insertion
      var self = this, map = self._map, level = self._level, list = self._new, html = [];
      if (!list.length || !level) { return; }
      self._new = [];
      list.forEach(function (b) {
        var p = map.project(b.latlng, level.zoom).subtract(level.origin).round(), half = b.size / 2;
        html.push('<div class="event-badge leaflet-marker-icon leaflet-interactive" style="width:' + b.size + "px;height:" + b.size
                  + "px;margin-left:" + (-half) + "px;margin-top:" + (-half) + "px;transform:translate3d(" + p.x + "px," + p.y
                  + 'px,0)">' + b.html + "</div>");
      });
      var first = level.box.children.length;
      level.box.insertAdjacentHTML("beforeend", html.join(""));
      var els = level.box.children;
      list.forEach(function (b, k) { b.el = els[first + k]; b.el._badge = b; b.level = level; level.badges.add(b); });
    },
    _offset: function () {  // the shown level where the map's pixel origin is now
      var level = this._level;
      if (level && this._map && level.zoom === this._map.getZoom()) {
        L.DomUtil.setPosition(level.box, level.origin.subtract(this._map.getPixelOrigin()));
      }
    },
    _animate: function (e) {  // the shown level scaled and moved with the zoom animation, as Leaflet's tile levels
      var level = this._level, map = this._map;
      if (!level) { return; }
      var scale = map.getZoomScale(e.zoom, level.zoom);
      var origin = map.project(map.unproject(level.origin, level.zoom), e.zoom);
      L.DomUtil.setTransform(level.box, origin.subtract(map._getNewPixelOrigin(e.center, e.zoom)).round(), scale);
    },
    _showTip: function (b) {
      this._hideTip();
      if (b.tip() === null) { return; }  // the badge shows no tip now (opened into a fan)
      this._tip = L.tooltip({ direction: "top", offset: [0, -b.size / 2] }).setLatLng(b.latlng).setContent(b.tip());
      this._tipFor = b;
      this._map.openTooltip(this._tip);
    },
    _hideTip: function () {
      if (this._tip && this._map) { this._map.closeTooltip(this._tip); }
      this._tip = null; this._tipFor = null;
    }
  });
}());
