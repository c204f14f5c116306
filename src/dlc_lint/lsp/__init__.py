"""Editor support: a Language Server for translated pages (``dlc-lint server``)."""
