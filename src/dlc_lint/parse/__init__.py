"""Bytes to a frozen page: front matter, Markdown blocks, inline spans, HTML tags, comments."""
