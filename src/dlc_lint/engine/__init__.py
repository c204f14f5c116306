"""Scheduling, caching, workers, baselines and pull requests: running the rules over a site."""
