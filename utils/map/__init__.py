"""The folium map: style, base map, layers, aggregation, clicks, map settings, vendored assets."""
