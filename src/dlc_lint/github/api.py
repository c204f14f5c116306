"""A small client for GitHub's REST API (urllib: no dependency for five kinds of call).

It talks to one address only (``$GITHUB_API_URL``, https unless it is this
machine), follows no redirect (a redirect would carry the token elsewhere),
reads bounded responses and gives up after a timeout.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from dlc_lint import __version__

TIMEOUT = 30
MAX_RESPONSE = 8 * 1024 * 1024


class ApiError(Exception):
    def __init__(self, method: str, path: str, status: int, message: str):
        super().__init__(f"{method} {path}: HTTP {status}: {message}")
        self.status = status


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the 3xx response is returned as an error


@dataclass
class GitHub:
    api_url: str
    token: str
    repository: str  # OWNER/NAME

    def __post_init__(self):
        parts = urllib.parse.urlsplit(self.api_url)
        local = parts.hostname in ("127.0.0.1", "localhost", "::1")
        if parts.scheme != "https" and not (parts.scheme == "http" and local):
            raise ValueError(f"the GitHub API address must be https://, not {self.api_url!r}")
        self.api_url = self.api_url.rstrip("/")
        self._opener = urllib.request.build_opener(_NoRedirect)

    def repo_path(self, *parts: str | int) -> str:
        quoted = [urllib.parse.quote(str(p), safe="") for p in parts]
        return "/".join([f"/repos/{self.repository}", *quoted])

    def call(self, method: str, path: str, body: dict | None = None, query: dict | None = None):
        """(status, decoded JSON or None). Raises ApiError for a status of 300 or more."""
        url = self.api_url + path + (f"?{urllib.parse.urlencode(query)}" if query else "")
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        request.add_header("User-Agent", f"dlc-lint/{__version__}")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with self._opener.open(request, timeout=TIMEOUT) as response:
                return response.status, _decode(response.read(MAX_RESPONSE))
        except urllib.error.HTTPError as exc:
            payload = _decode(exc.read(MAX_RESPONSE))
            message = payload.get("message", "") if isinstance(payload, dict) else ""
            raise ApiError(method, path, exc.code, str(message)[:300] or exc.reason) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise ApiError(method, path, 0, f"no response ({getattr(exc, 'reason', exc)})") from None


def _decode(data: bytes):
    if not data:
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
