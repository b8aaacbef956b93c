"""Shared foundations: the schema, problems, escaping, geometry, coordinates, dates, record text."""
