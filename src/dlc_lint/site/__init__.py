"""Pages to a site: languages, counterparts, the _config.yml outline, pretty URLs."""
