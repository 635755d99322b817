/* geoutils incident map: columnar data -> clustered markers, popups, legend,
 * layer control, time slider, heatmap, sites, range rings, choropleth.
 * Text from the data is only ever set with textContent (or HTML-escaped for
 * Leaflet's layer-control labels), so nothing in it is parsed as HTML. */
(function (global) {
  "use strict";

  var SHAPES = {
    circle: '<circle cx="10" cy="10" r="7"/>',
    diamond: '<path d="M10 1.5 18.5 10 10 18.5 1.5 10z"/>',
    star: '<path d="M10 1 12.4 6.6 18.6 5.3 14.3 10 18.6 14.7 12.4 13.4 10 19 7.6 13.4 1.4 14.7 5.7 10 1.4 5.3 7.6 6.6z"/>',
    triangle: '<path d="M10 2 18.5 17.5H1.5z"/>',
    square: '<path d="M3 3h14v14H3z"/>',
    hexagon: '<path d="M10 1.5 17.4 5.75v8.5L10 18.5 2.6 14.25v-8.5z"/>',
    pentagon: '<path d="M10 1.5 18.6 7.8 15.3 18H4.7L1.4 7.8z"/>'
  };
  /* supercluster's index cost grows with maxZoom (1.0 s at 15 vs 0.4 s at 12 for 100k points);
   * above it every incident is drawn on its own. */
  var MAX_CLUSTER_ZOOM = 12;
  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) { e.textContent = String(text); e.dir = "auto"; }
    if (parent) parent.appendChild(e);
    return e;
  }
  /* colour comes from our fixed palette (validated #hex), shape from a fixed table */
  function svg(shape, color, size) {
    var c = /^#[0-9a-fA-F]{6}$/.test(color) ? color : "#777777";
    return '<svg class="gu-svg" width="' + size + '" height="' + size + '" viewBox="0 0 20 20" fill="' + c +
      '" stroke="#fff" stroke-width="1.5">' + (SHAPES[shape] || SHAPES.circle) + "</svg>";
  }
  function svgNode(shape, color, size) {
    var span = document.createElement("span");
    span.className = "gu-swatch";
    span.innerHTML = svg(shape, color, size); /* constant markup, no data */
    return span;
  }
  function cat(col, i) { var k = col.codes[i]; return k < 0 ? null : col.values[k]; }
  function pick(list, i) { return list ? list[i] : null; }

  function IncidentMap(map, d, o) {
    var self = this;
    this.map = map; this.d = d; this.o = o;
    var n = d.n, i;
    this.lat = new Float64Array(n); this.lon = new Float64Array(n);
    for (i = 0; i < n; i++) { this.lat[i] = d.lat[i] / 1e5; this.lon[i] = d.lon[i] / 1e5; }
    this.typeOn = d.types.map(function () { return true; });
    this.dateIdx = d.dates.length; /* == length: all dates, undated included */
    this.dayOnly = false;
    this.markers = L.layerGroup().addTo(map);
    this.renderer = L.canvas({ padding: 0.3 });
    this.visible = null;
    this.baseLayers = {}; this.overlays = {};

    this.addBasemap();
    if (d.choropleth) this.addChoropleth();
    if (d.rings && d.rings.length) this.addRings();
    if (d.sites && d.sites.length) this.addSites();
    this.addTypeToggles();
    if (o.heatmap && L.heatLayer) {
      this.heat = L.heatLayer([], { radius: 14, blur: 18, maxZoom: 11 }).addTo(map);
      this.overlays[esc(o.labels.heatmap)] = this.heat;
    }
    L.control.layers(this.baseLayers, this.overlays, {
      collapsed: Object.keys(this.overlays).length > 12, position: "topright"
    }).addTo(map);
    this.addLegend();
    if (o.timeline && d.dates.length) this.addTimeSlider();

    if (d.bounds) {
      map.fitBounds(d.bounds, { padding: [40, 40], maxZoom: 10, animate: false });
    } else if (o.fallbackBounds) {
      map.fitBounds(o.fallbackBounds, { padding: [20, 20], animate: false });
    }
    map.on("moveend", function () { self.draw(); });
    map.on("overlayadd overlayremove", function (e) {
      var k = self.typeLayers.indexOf(e.layer);
      if (k >= 0) { self.typeOn[k] = e.type === "overlayadd"; self.refresh(); }
      if (e.layer === self.heat && e.type === "overlayadd") self.refresh();
    });
    this.refresh();
  }

  IncidentMap.prototype.addBasemap = function () {
    var map = this.map, o = this.o, d = this.d, container = map.getContainer();
    var outline = L.layerGroup();
    if (d.basemap) {
      L.geoJSON(d.basemap, {
        interactive: false, renderer: L.canvas({ padding: 0.5 }),
        style: { color: "#a3acb5", weight: 0.8, fillColor: "#f3f0e8", fillOpacity: 1 }
      }).addTo(outline);
    }
    if (d.admin) {  // governorate boundaries and their names (names set as text, never HTML)
      L.geoJSON(d.admin, {
        interactive: false, renderer: L.canvas({ padding: 0.5 }),
        style: { color: "#7d8791", weight: 0.7, dashArray: "3 3", fill: false }
      }).addTo(outline);
      d.admin.features.forEach(function (f) {
        var p = f.properties, label = document.createElement("span");
        label.textContent = String(p.name);
        L.tooltip({ permanent: true, direction: "center", className: "gu-admin-label", interactive: false })
          .setLatLng(p.label).setContent(label).addTo(outline);
      });
    }
    outline.on("add", function () { container.classList.add("gu-sea"); });
    outline.on("remove", function () { container.classList.remove("gu-sea"); });
    if (o.tiles) {
      var tiles = L.tileLayer(o.tiles.url, { attribution: o.tiles.attribution, maxZoom: 19 });
      this.baseLayers[esc(o.tiles.name)] = tiles;
      tiles.addTo(map);
      if (d.basemap) this.baseLayers[esc(o.labels.outlines)] = outline;
    } else {
      this.baseLayers[esc(o.labels.outlines)] = outline;
      outline.addTo(map);
    }
  };

  IncidentMap.prototype.addTypeToggles = function () {
    var d = this.d, self = this, counts = d.types.map(function () { return 0; });
    for (var i = 0; i < d.n; i++) counts[d.type[i]]++;
    this.typeLayers = d.types.map(function (t, k) {
      var layer = L.layerGroup().addTo(self.map);
      var label = '<span class="gu-ctl">' + svg(d.shapes[k], "#555555", 12) + " " + esc(t) +
        ' <span class="gu-count">(' + counts[k] + ")</span></span>";
      self.overlays[label] = layer;
      return layer;
    });
  };

  IncidentMap.prototype.isVisible = function (i) {
    if (!this.typeOn[this.d.type[i]]) return false;
    var nd = this.d.dates.length;
    if (this.dateIdx >= nd) return true;
    var di = this.d.date[i];
    if (di < 0) return false;
    return this.dayOnly ? di === this.dateIdx : di <= this.dateIdx;
  };

  IncidentMap.prototype.refresh = function () {
    var d = this.d, vis = [], i;
    for (i = 0; i < d.n; i++) if (this.isVisible(i)) vis.push(i);
    this.visible = vis;
    this.markers.clearLayers();
    this.shown = null;
    if (this.o.cluster && global.Supercluster) {
      var feats = new Array(vis.length);
      for (i = 0; i < vis.length; i++) {
        var j = vis[i];
        feats[i] = { type: "Feature", properties: { i: j }, geometry: { type: "Point", coordinates: [this.lon[j], this.lat[j]] } };
      }
      mark("gu-features");
      this.index = new global.Supercluster({ radius: 50, maxZoom: MAX_CLUSTER_ZOOM, minPoints: 2 }).load(feats);
      mark("gu-index");
    }
    if (this.heat && this.map.hasLayer(this.heat)) {
      var pts = new Array(vis.length);
      for (i = 0; i < vis.length; i++) pts[i] = [this.lat[vis[i]], this.lon[vis[i]]];
      this.heat.setLatLngs(pts);
    }
    if (this.timeLabel) this.updateTimeLabel();
    this.draw();
  };

  IncidentMap.prototype.pointMarker = function (i) {
    var d = this.d, self = this;
    var ci = d.color[i], color = ci < 0 ? "#777777" : d.palette[ci];
    var m = L.marker([this.lat[i], this.lon[i]], {
      icon: L.divIcon({ className: "gu-pt", html: svg(d.shapes[d.type[i]], color, 18), iconSize: [18, 18], iconAnchor: [9, 9] }),
      keyboard: false
    });
    m.bindPopup(function () { return self.popup(i); }, { maxWidth: 340, minWidth: 220 });
    var place = cat(d.cat.location, i);
    if (place) m.bindTooltip(el("span", null, place), { direction: "top", offset: [0, -8] });
    return m;
  };

  IncidentMap.prototype.clusterMarker = function (c) {
    var self = this, count = c.properties.point_count, size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
    var cls = count < 10 ? "gu-c1" : count < 100 ? "gu-c2" : count < 1000 ? "gu-c3" : "gu-c4";
    var ll = [c.geometry.coordinates[1], c.geometry.coordinates[0]];
    var m = L.marker(ll, {
      icon: L.divIcon({ className: "gu-cluster " + cls, html: "<div><span>" + Number(count) + "</span></div>", iconSize: [size, size] })
    });
    m.on("click", function () {
      var id = c.properties.cluster_id, z = self.index.getClusterExpansionZoom(id);
      if (z <= MAX_CLUSTER_ZOOM) { self.map.setView(ll, z); return; }
      var leaves = self.index.getLeaves(id, 200), s = 90, n = -90, w = 180, e = -180;
      leaves.forEach(function (f) {
        var p = f.geometry.coordinates;
        s = Math.min(s, p[1]); n = Math.max(n, p[1]); w = Math.min(w, p[0]); e = Math.max(e, p[0]);
      });
      if (n - s > 5e-4 || e - w > 5e-4) { self.map.fitBounds([[s, w], [n, e]], { maxZoom: 18 }); return; }
      /* incidents at one spot: list them */
      var box = el("div", "gu-list");
      el("div", "gu-list-h", self.o.labels.here.replace("{n}", String(count)), box);
      leaves.slice(0, 25).forEach(function (f) { box.appendChild(self.popup(f.properties.i)); });
      L.popup({ maxWidth: 360, maxHeight: 320 }).setLatLng(ll).setContent(box).openOn(self.map);
    });
    return m;
  };

  /* Markers are kept across pans: only those entering or leaving the view
   * change, so an open popup survives its own auto-pan. */
  IncidentMap.prototype.draw = function () {
    var map = this.map, layer = this.markers, vis = this.visible, i, key;
    if (!vis) return;
    if (this.o.cluster && this.index) {
      var b = map.getBounds(), w = b.getWest(), e = b.getEast();
      if (e - w >= 360) { w = -180; e = 180; }
      var bbox = [Math.max(w, -180), Math.max(b.getSouth(), -85), Math.min(e, 180), Math.min(b.getNorth(), 85)];
      var items = this.index.getClusters(bbox, Math.round(map.getZoom()));
      var shown = this.shown || {}, next = {};
      for (i = 0; i < items.length; i++) {
        var f = items[i];
        key = f.properties.cluster ? "c" + f.id : "p" + f.properties.i;
        next[key] = shown[key] || (f.properties.cluster ? this.clusterMarker(f) : this.pointMarker(f.properties.i));
      }
      for (key in shown) if (!(key in next)) layer.removeLayer(shown[key]);
      for (key in next) if (!(key in shown)) layer.addLayer(next[key]);
      this.shown = next;
    } else if (!this.shown) {
      var d = this.d, self = this;
      this.shown = {};
      for (i = 0; i < vis.length; i++) {
        (function (j) {
          var ci = d.color[j];
          var cm = L.circleMarker([self.lat[j], self.lon[j]], {
            renderer: self.renderer, radius: 5, weight: 1, color: "#ffffff",
            fillColor: ci < 0 ? "#777777" : d.palette[ci], fillOpacity: 0.9
          });
          cm.bindPopup(function () { return self.popup(j); }, { maxWidth: 340 });
          layer.addLayer(cm);
        })(vis[i]);
      }
    }
    if (!global.__geoutils_ready) mark("gu-drawn");
    global.__geoutils_ready = true;
  };

  IncidentMap.prototype.popup = function (i) {
    var d = this.d, L_ = this.o.labels, box = el("div", "gu-popup");
    var etype = d.types[d.type[i]], sub = cat(d.cat.sub_event_type, i);
    var ci = d.color[i];
    var head = el("div", "gu-popup-h", null, box);
    head.appendChild(svgNode(d.shapes[d.type[i]], ci < 0 ? "#777777" : d.palette[ci], 14));
    el("b", null, sub || etype, head);
    var tbl = el("table", "gu-fields", null, box);
    function row(label, value) {
      if (value === null || value === undefined || value === "") return null;
      var tr = el("tr", null, null, tbl);
      el("th", null, label, tr);
      return el("td", null, value, tr);
    }
    var di = d.date[i];
    row(L_.date, di < 0 ? null : d.dates[di]);
    row(L_.type, sub && sub !== etype ? etype + " — " + sub : etype);
    var place = [cat(d.cat.location, i), cat(d.cat.admin1, i), cat(d.cat.country, i)].filter(Boolean).join(", ");
    row(L_.place, place);
    row(L_.actor, cat(d.cat.actor1, i));
    row(L_.fatalities, pick(d.num.fatalities, i));
    row(L_.injuries, pick(d.num.injuries, i));
    var src = cat(d.cat.source, i), td = row(L_.source, src);
    if (td && /^https?:\/\/[^\s"'<>]+$/i.test(src)) {
      td.textContent = "";
      var a = el("a", null, src, td);
      a.href = src; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
    }
    row(L_.id, pick(d.text.event_id, i));
    var notes = pick(d.text.notes, i);
    if (notes) el("p", "gu-notes", notes, box);
    return box;
  };

  IncidentMap.prototype.addLegend = function () {
    var d = this.d, o = this.o, self = this;
    var ctl = L.control({ position: "bottomright" });
    ctl.onAdd = function () {
      var box = el("div", "gu-legend leaflet-bar");
      L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
      el("div", "gu-legend-h", d.color_by.replace(/_/g, " "), box);
      var counts = d.categories.map(function () { return 0; });
      for (var i = 0; i < d.n; i++) if (d.color[i] >= 0) counts[d.color[i]]++;
      d.categories.forEach(function (c, k) {
        var r = el("div", "gu-legend-row", null, box);
        r.appendChild(svgNode("circle", d.palette[k], 12));
        el("span", null, c, r);
        el("span", "gu-count", " " + counts[k], r);
      });
      if (d.types.length) {
        el("div", "gu-legend-h", o.labels.shapes, box);
        d.types.forEach(function (t, k) {
          var r = el("div", "gu-legend-row", null, box);
          r.appendChild(svgNode(d.shapes[k], "#555555", 12));
          el("span", null, t, r);
        });
      }
      if (d.choropleth) {
        el("div", "gu-legend-h", o.labels.perArea, box);
        var lo = 1;
        d.choropleth.breaks.forEach(function (hi, k) {
          var r = el("div", "gu-legend-row", null, box), sw = el("span", "gu-box", null, r);
          sw.style.background = d.choropleth.colors[k];
          el("span", null, lo === hi ? String(hi) : lo + "–" + hi, r);
          lo = hi + 1;
        });
      }
      if (d.dropped) el("div", "gu-note", o.labels.dropped.replace("{n}", String(d.dropped)), box);
      self.legend = box;
      return box;
    };
    ctl.addTo(this.map);
  };

  IncidentMap.prototype.addTimeSlider = function () {
    var self = this, d = this.d, o = this.o;
    var ctl = L.control({ position: "bottomleft" });
    ctl.onAdd = function () {
      var box = el("div", "gu-time leaflet-bar");
      L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
      el("div", "gu-legend-h", o.labels.time, box);
      var input = el("input", "gu-range", null, box);
      input.type = "range"; input.min = "0"; input.max = String(d.dates.length); input.step = "1";
      input.value = String(d.dates.length);
      input.setAttribute("aria-label", o.labels.time);
      self.timeLabel = el("div", "gu-time-label", "", box);
      var lab = el("label", "gu-dayonly", null, box), cb = el("input", null, null, lab);
      cb.type = "checkbox";
      lab.appendChild(document.createTextNode(" " + o.labels.dayOnly));
      var timer = null;
      function apply() {
        self.dateIdx = parseInt(input.value, 10); self.dayOnly = cb.checked;
        clearTimeout(timer);
        timer = setTimeout(function () { self.refresh(); }, d.n > 20000 ? 120 : 0);
        self.updateTimeLabel();
      }
      input.addEventListener("input", apply);
      cb.addEventListener("change", apply);
      self.timeInput = input;
      return box;
    };
    ctl.addTo(this.map);
    this.updateTimeLabel();
  };

  IncidentMap.prototype.updateTimeLabel = function () {
    if (!this.timeLabel) return;
    var d = this.d, o = this.o, txt;
    if (this.dateIdx >= d.dates.length) txt = o.labels.allDates + " (" + d.dates[0] + " – " + d.dates[d.dates.length - 1] + ")";
    else txt = (this.dayOnly ? "" : o.labels.upTo + " ") + d.dates[this.dateIdx];
    if (this.visible) txt += " · " + this.visible.length + " " + o.labels.incidents;
    this.timeLabel.textContent = txt;
  };

  IncidentMap.prototype.addSites = function () {
    var d = this.d, layer = L.layerGroup().addTo(this.map), many = d.sites.length > 30;
    d.sites.forEach(function (s) {
      var m = L.circleMarker([s.lat, s.lon], { radius: 6, color: "#111111", weight: 2, fillColor: "#ffffff", fillOpacity: 1 });
      m.bindTooltip(el("span", null, s.name), { permanent: !many, direction: "right", offset: [8, 0], className: "gu-site-label" });
      layer.addLayer(m);
    });
    this.overlays[esc(this.o.labels.sites)] = layer;
  };

  IncidentMap.prototype.addRings = function () {
    var d = this.d, layer = L.layerGroup().addTo(this.map);
    d.rings.forEach(function (r) {
      var p = L.polygon(r.ring, { color: "#6a1b9a", weight: 1.5, dashArray: "6 4", fill: false, interactive: true });
      p.bindTooltip(el("span", null, d.sites[r.site].name + " — " + r.km + " km"), { sticky: true });
      layer.addLayer(p);
    });
    this.overlays[esc(this.o.labels.rings)] = layer;
  };

  IncidentMap.prototype.addChoropleth = function () {
    var c = this.d.choropleth;
    var layer = L.geoJSON(c, {
      style: function (f) {
        var k = f.properties.cls;
        return { color: "#555555", weight: 1, fillColor: k < 0 ? "#ffffff" : c.colors[k], fillOpacity: k < 0 ? 0.05 : 0.35 };
      },
      onEachFeature: function (f, l) {
        l.bindTooltip(el("span", null, f.properties.name + ": " + f.properties.count), { sticky: true });
      }
    }).addTo(this.map);
    this.overlays[esc(this.o.labels.perArea)] = layer;
  };

  function mark(name) { if (global.performance && performance.mark) performance.mark(name); }

  /* The data block is JSON, or gzip+base64 for large maps (inflated locally). */
  function readData(node, done) {
    var text = node.textContent;
    if (node.getAttribute("data-encoding") !== "gzip+base64") { done(JSON.parse(text)); return; }
    var bytes;
    if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(text.trim());
    else {
      var bin = atob(text.trim());
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    new Response(stream).text().then(function (t) { done(JSON.parse(t)); }, function (err) {
      console.error("geoutils: cannot read map data", err);
    });
  }

  global.GeoutilsIncidentMap = function (map, node, options) {
    global.__geoutils = global.__geoutils || {};
    mark("gu-start");
    readData(node, function (data) {
      mark("gu-data");
      global.__geoutils[options.id] = new IncidentMap(map, data, options);
    });
  };
})(window);
