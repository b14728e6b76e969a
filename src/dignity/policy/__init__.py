"""The code of conduct as data: schema, loader and the default policy."""
