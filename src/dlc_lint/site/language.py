"""What a language code looks like: a folder name, an outline key (``ko``, ``zh``, ``pt-br``, ``zh_TW``)."""

from __future__ import annotations

import re

LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")  # ko, zh, pt-br, zh_TW
