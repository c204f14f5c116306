"""Turning findings' fixes into edits applied to the page text."""
