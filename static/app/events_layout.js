/* The events layer's grouping (static/app/events.js): screen cells, groups of markers closer than one, their
 * shapes (a point, a fan, a badge), merges until no two shapes overlap, and moves off the bases' icons and
 * labels. All in world pixels at the current zoom.
 *
 * Written for this project (not vendored).
 */
(function () {
  "use strict";
  var EM = window.EventMap = window.EventMap || {};
  var TAU = 2 * Math.PI;

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

  function boxHits(x, y, reach, boxes) {  // does the square of half-side ``reach`` around (x, y) meet a box?
    return boxes.some(function (b) { return x + reach > b[0] && x - reach < b[2] && y + reach > b[1] && y - reach < b[3]; });
  }
  function nearestFree(x, y, reach, free) {  // the first point (world px) near (x, y) where ``free(x, y)``, or null
    var dirs = [[-1, 0.6], [-0.7, 1], [0, 1], [-1, -0.6], [0, -1], [0.7, 1], [0.7, -1], [1, 1.2]];
    for (var d = reach + 20; d < reach + 260; d += 8) {
      for (var k = 0; k < dirs.length; k++) {
        var len = Math.hypot(dirs[k][0], dirs[k][1]), px = x + d * dirs[k][0] / len, py = y + d * dirs[k][1] / len;
        if (free(px, py)) { return [px, py]; }
      }
    }
    return null;
  }
  function inBox(c, x, y) { return x >= c[0] && x <= c[2] && y >= c[1] && y <= c[3]; }  // a box [x0, y0, x1, y1]
  function enterBox(ax, ay, px, py, boxes) {
    // where the segment from (ax, ay) to (px, py) enters the box that holds (px, py) and not (ax, ay), or (px, py)
    var b = null;
    for (var k = 0; k < boxes.length && !b; k++) {
      if (inBox(boxes[k], px, py) && !inBox(boxes[k], ax, ay)) { b = boxes[k]; }
    }
    if (!b) { return [px, py, false]; }
    var dx = px - ax, dy = py - ay, t = 0;
    if (dx) { t = Math.max(t, Math.min((b[0] - ax) / dx, (b[2] - ax) / dx)); }
    if (dy) { t = Math.max(t, Math.min((b[1] - ay) / dy, (b[3] - ay) / dy)); }
    return [ax + t * dx, ay + t * dy, true];
  }
  function leaderPlan(cx, cy, reach, ends, targets, icons) {
    // a fan's leader lines and dots (world px): from each marker at ``ends[k]`` to its event's true place
    // ``targets[k]``. Events that share a place outside the fan's disc (centre (cx, cy), radius ``reach``) are bundled:
    // their lines meet on the disc's rim and one stem goes on to the place. A line to a place under a base's icon
    // (a box of ``icons``) stops at the icon's edge, with no dot: the icon marks the place. A place is a base's icon
    // (the events under it go to its centre) or a 3 px cell.
    var byPlace = new Map(), lines = [], dots = [], at = new Map();
    targets.forEach(function (t, k) {
      var icon = icons.findIndex(function (c) { return inBox(c, t[0], t[1]); });
      var key = icon >= 0 ? "icon" + icon : Math.round(t[0] / 3) + ":" + Math.round(t[1] / 3);
      if (!byPlace.has(key)) {
        byPlace.set(key, []);
        at.set(key, icon >= 0 ? [(icons[icon][0] + icons[icon][2]) / 2, (icons[icon][1] + icons[icon][3]) / 2] : t);
      }
      byPlace.get(key).push(k);
    });
    byPlace.forEach(function (ks, key) {
      var p = at.get(key), away = Math.hypot(p[0] - cx, p[1] - cy), end;
      if (ks.length > 1 && away > reach) {
        var hx = cx + reach * (p[0] - cx) / away, hy = cy + reach * (p[1] - cy) / away;
        ks.forEach(function (k) { lines.push([ends[k][0], ends[k][1], hx, hy, 1]); });
        end = enterBox(hx, hy, p[0], p[1], icons);
        lines.push([hx, hy, end[0], end[1], 2]);
      } else {
        ks.forEach(function (k) {
          var t = key.charAt(0) === "i" ? p : targets[k];
          end = enterBox(ends[k][0], ends[k][1], t[0], t[1], icons);
          lines.push([ends[k][0], ends[k][1], end[0], end[1], 1]);
        });
      }
      if (!end[2]) { ks.forEach(function (k) { dots.push(targets[k]); }); }
    });
    return { lines: lines.filter(function (l) { return Math.hypot(l[2] - l[0], l[3] - l[1]) >= 2; }), dots: dots };
  }
  EM.fanSlots = fanSlots; EM.fanExtent = extent; EM.boxHits = boxHits; EM.nearestFree = nearestFree;
  EM.leaderPlan = leaderPlan; EM.enterBox = enterBox;

  EM.EventsLayer.include({
    _cellsIn: function (x0, x1, y0, y1, scale) {
      // the screen cells (world px) that touch the area; every event's cell is counted once per zoom and kept
      // for the last few zooms, so a pan, or a zoom back, counts nothing again and a cell stays the same badge
      var cache = this._cellCache || (this._cellCache = new Map()), all = cache.get(scale), cell = this.options.cellPx;
      if (!all) {
        all = this._cells(scale);
        cache.set(scale, all);
        if (cache.size > 6) { cache.delete(cache.keys().next().value); }  // the last zooms and the two planned ahead
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
    _siteObstacles: function (zoom) {  // the bases' icon and name boxes at ``zoom`` (world px), flat, for boxHits
      var boxes = [];
      if (EM.sites && EM.sites._map === this._map) {
        EM.sites.boxes(zoom).forEach(function (b) { boxes.push(b[0], b[1]); });
      }
      return boxes;
    },
    _siteIcons: function (zoom) {  // the bases' icon boxes alone at ``zoom`` (world px): where leader lines stop
      return EM.sites && EM.sites._map === this._map ? EM.sites.boxes(zoom).map(function (b) { return b[0]; }) : [];
    },
    _resolve: function (groups, scale, zoom) {
      var self = this, o = self.options, obstacles = self._siteObstacles(zoom);
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
      var placed = [];
      groups.sort(function (a, b) { return b.n - a.n; });
      groups.forEach(function (g) {
        var free = function (x, y) {
          return !boxHits(x, y, g.reach, obstacles) && !placed.some(function (p) {
            return Math.hypot(p.ax - x, p.ay - y) < p.reach + g.reach + 1;
          });
        };
        // over a base, or under a larger group moved there before it: it moves too (groups never hide each other)
        if (!free(g.x, g.y)) {
          var at = nearestFree(g.x, g.y, g.reach, free);
          if (at) { g.ax = at[0]; g.ay = at[1]; g.moved = true; }
        }
        placed.push(g);
      });
      return groups;
    },

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
}());
