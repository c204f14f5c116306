"""The pull request's two halves on GitHub: the results a read-only lint leaves, and the trusted report."""
