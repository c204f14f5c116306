"""Property: whatever changes between runs (pages, ``_config.yml``, the glossary, the git history), a run
that uses the cache prints byte for byte what a run from scratch prints.

Each example starts from a small site in a git repository and applies a random list of changes; after
each change it lints with the cache (replaying what it may) and without it, and compares the JSON.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlc_lint.config import Settings
from dlc_lint.engine.run import lint
from dlc_lint.report.json import render_json
from tests.conftest import CONFIG, ENGLISH, WEEK, write_site
from tests.conftest import JAPANESE as JA
from tests.conftest import KOREAN as KO

KO_BARE = "---\nlang-ref: ch.01-2\ntitle: 둘\nlang: ko\n---\n\n## 계획\n\n갠을 학습한다.\n"
EN_2 = "---\nlang-ref: ch.01-2\ntitle: Two\n---\n\n## Plan\n\nWe train a GAN.\n"
CONFIG_ALL = CONFIG.replace(
    "      - path: ko/week01/01-1.md\n", "      - path: ko/week01/01-1.md\n      - path: ko/week01/01-2.md\n"
).replace("      - path: en/week01/01-1.md\n", "      - path: en/week01/01-1.md\n      - path: en/week01/01-2.md\n")
CONFIGS = [
    CONFIG_ALL,
    CONFIG,  # 01-2 left out of the outlines
    CONFIG_ALL.replace("딥러닝", "딥 러닝"),
    CONFIG_ALL + "ja:\n  title: 'JA'\n  chapters:\n    - path: ja/week01/01.md\n",
    "title: [unclosed\n",
]
GLOSSARY = """\
language: ko
sources:
  team: {title: Decisions of the translation team}
entries:
  - id: gan-abbreviation
    en: GAN
    en_pattern: '(?-i:\\bGANs?\\b)'
    preferred: [GAN]
    avoid: [{form: 갠, why: transliteration}]
    sources: ["team: keep the abbreviation"]
    examples: {pass: [GAN을 학습한다], fail: [갠을 학습한다]}
  - id: data
    en: data
    preferred: [데이터]
    accepted: [자료]
    avoid: []
    sources: ["team: one word for data"]
    examples: {pass: [데이터를 쓴다, 자료를 쓴다], fail: []}
"""
GLOSSARIES = [GLOSSARY, GLOSSARY.replace("avoid: [{form: 갠, why: transliteration}]", "avoid: []"), None]
DATA = "\n<!--\nWe use the data.\n-->\n우리는 {}를 쓴다.\n"
KO_DATA = "---\nlang-ref: ch.01-{n}\ntitle: 자료 {n}\nlang: ko\n---\n" + DATA.format("데이터")
EN_DATA = "---\nlang-ref: ch.01-{n}\ntitle: Data {n}\n---\n\nWe use the data.\n"
PAGES = [
    "en/week01/01-1.md",
    "en/week01/01-2.md",
    "ko/week01/01-1.md",
    "ko/week01/01-2.md",
    "ko/week01/01-3.md",
    "ko/week01/01-4.md",
    "ja/week01/01-1.md",
]
EDITS = [
    "\n갠을 학습한다.\n",
    "\nA new English paragraph about the GAN.\n",
    "\n[링크](/ko/week01/01-2/)\n",
    "\n<!-- dlc-lint-disable-next-line -->\n[없음](/ko/nowhere/)\n",
    "\n<!--\nDeep learning is fun.\n-->\n",
    "\n$$x^2$$\n",
    DATA.format("자료"),  # the folder's terms: DLC303 compares a page with the other pages of its folder
    DATA.format("데이터"),
]

# front-matter edits: what the site-wide indexes read of every page (lang-refs, permalinks), remembered
# by the front matter's bytes from one run to the next
FRONT_EDITS = [
    ("lang-ref: ch.01-2\n", "lang-ref: ch.01-1\n"),
    ("lang-ref: ch.01-1\n", "lang-ref: ch.01-2\n"),
    ("---\n", "---\npermalink: /ko/elsewhere/\n"),
    ("---\n", "\ufeff---\n"),  # a byte-order mark: Jekyll does not see the front matter (nor its permalink)
    ("---\n", "---\nlang-ref: [unclosed\n"),
]
front_edit = st.tuples(st.just("front"), st.sampled_from(PAGES), st.integers(0, len(FRONT_EDITS) - 1))
page_edit = st.tuples(st.just("page"), st.sampled_from(PAGES), st.integers(0, len(EDITS)))  # len: restore
# the Korean pages that write *data*: an edit to one changes what the folder says to the others (DLC303)
data_edit = st.tuples(
    st.just("page"),
    st.sampled_from(["ko/week01/01-1.md", "ko/week01/01-3.md", "ko/week01/01-4.md"]),
    st.sampled_from([len(EDITS) - 2, len(EDITS) - 1, len(EDITS)]),
)
config_edit = st.tuples(st.just("config"), st.integers(0, len(CONFIGS) - 1))
glossary_edit = st.tuples(st.just("glossary"), st.integers(0, len(GLOSSARIES) - 1))
git_edit = st.tuples(st.just("git"), st.sampled_from(["commit all", "commit English", "English last", "no history"]))
scopes = st.sampled_from(["docs", "docs/ko", "docs/ko/week01/01-2.md"])


def git(folder: Path, *args: str, when: int) -> None:
    date = f"2020-01-01T12:{when // 60 % 60:02d}:{when % 60:02d}Z"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, env=env, capture_output=True)


def originals() -> dict[str, str]:
    return {
        "en/week01/01-1.md": ENGLISH,
        "en/week01/01-2.md": EN_2,
        "en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n",
        "ko/week01/01.md": WEEK.format(lang="ko"),
        "ko/week01/01-1.md": KO + DATA.format("자료"),  # DLC303: the folder writes 데이터
        "ko/week01/01-2.md": KO_BARE,
        "ja/week01/01.md": WEEK.format(lang="ja"),
        "ja/week01/01-1.md": JA,
        "index.md": "---\nlayout: default\nlang-ref: home\ntitle: Home\n---\n",
        **{f"ko/week01/01-{n}.md": KO_DATA.format(n=n) for n in (3, 4)},
        **{f"en/week01/01-{n}.md": EN_DATA.format(n=n) for n in (3, 4)},
    }


def output(scope: str, lint_settings: Settings, use_cache: bool) -> str:
    result = lint([Path(scope)], lint_settings, use_cache=use_cache)
    return render_json(result.findings, len(result.targets))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.lists(
        st.tuples(st.one_of(page_edit, data_edit, data_edit, front_edit, config_edit, glossary_edit, git_edit), scopes),
        min_size=2,
        max_size=6,
    )
)
def test_a_cached_run_prints_what_a_fresh_run_prints(changes):
    here = os.getcwd()
    saved = os.environ.get("DLC_LINT_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="dlc-lint-property-") as tmp:
        top = Path(tmp)
        (top / "docs").mkdir()
        pages = originals()
        docs = write_site(top / "docs", pages, CONFIG_ALL)
        glossary = top / "glossary-ko.yml"
        glossary.write_text(GLOSSARY, encoding="utf-8")
        lint_settings = Settings(glossaries=(glossary,))
        os.environ["DLC_LINT_CACHE_DIR"] = str(top / "cache")
        os.chdir(top)
        clock = 0
        try:
            git(top, "init", "-q", "-b", "main", when=clock)
            git(top, "add", "-A", when=clock)
            git(top, "commit", "-q", "-m", "site", when=clock)
            output("docs", lint_settings, True)  # the cache is full before the first change
            for change, scope in changes:
                clock += 1
                if change[0] == "page":
                    _, path, edit = change
                    text = pages[path] if edit == len(EDITS) else (docs / path).read_text("utf-8") + EDITS[edit]
                    (docs / path).write_text(text, encoding="utf-8")
                elif change[0] == "front":
                    _, path, edit = change
                    before, after = FRONT_EDITS[edit]
                    text = (docs / path).read_text("utf-8").replace(before, after, 1)
                    (docs / path).write_text(text, encoding="utf-8")
                elif change[0] == "config":
                    (docs / "_config.yml").write_text(CONFIGS[change[1]], encoding="utf-8")
                elif change[0] == "glossary":
                    content = GLOSSARIES[change[1]]
                    if content is None:
                        glossary.unlink(missing_ok=True)
                    else:
                        glossary.write_text(content, encoding="utf-8")
                elif change[1] == "no history":
                    shutil.rmtree(top / ".git", ignore_errors=True)
                elif change[1] == "English last":  # the same files, a new history: the English pages newest
                    shutil.rmtree(top / ".git", ignore_errors=True)
                    git(top, "init", "-q", "-b", "main", when=clock)
                    git(top, "add", "-A", ".", ":!docs/en", when=clock)
                    git(top, "commit", "-q", "-m", "translations", when=clock)
                    git(top, "add", "-A", when=clock + 1)
                    git(top, "commit", "-q", "-m", "English", when=clock + 1)
                else:
                    if not (top / ".git").exists():
                        git(top, "init", "-q", "-b", "main", when=clock)
                    git(top, "add", "-A", "docs/en" if change[1] == "commit English" else ".", when=clock)
                    git(top, "commit", "-q", "--allow-empty", "-m", f"change {clock}", when=clock)
                cached = output(scope, lint_settings, True)
                fresh = output(scope, lint_settings, False)
                assert cached == fresh, f"after {change} ({scope})"
                assert output(scope, lint_settings, True) == fresh  # and replayed once more
        finally:
            os.chdir(here)
            if saved is None:
                os.environ.pop("DLC_LINT_CACHE_DIR", None)
            else:
                os.environ["DLC_LINT_CACHE_DIR"] = saved
