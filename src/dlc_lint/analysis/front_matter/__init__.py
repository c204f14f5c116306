"""Shared knowledge of the front-matter rules (DLC1xx): the keys this site uses,
how a misspelled or translated key maps back to its canonical name, and a
line-by-line diagnosis of front matter that YAML cannot read.

The rules split the work so that one defect gives one finding:

* no front matter, or no closing ``---``: only that is reported;
* YAML that does not parse: each broken line is reported by the rule that
  names its problem (``key:value``, ``：``, an unquoted ``: ``, Markdown), and
  the rules about values (``lang`` missing or wrong, required keys, the
  translation date, the title) wait until the front matter parses, because
  Jekyll ignores all of it until then;
* a key that is misspelled, translated or commented out counts as present for
  the "missing" rules: the finding about the key itself says what to do.
"""

from dlc_lint.analysis.front_matter.keys import (
    JEKYLL_KEYS,
    KEY_VARIANTS,
    KNOWN_KEYS,
    SITE_KEYS,
    TRANSLATED_KEYS,
    KeyStatus,
    canonical_key,
    commented_key,
    is_translated_key,
    key_status,
    known_keys,
    normalise_key,
    plain_key,
    suggest_key,
    translated_key,
)
from dlc_lint.analysis.front_matter.state import (
    keys_readable,
    line_span,
    quote_yaml,
    readme_like,
    value_is_heading,
    yaml_ok,
)
from dlc_lint.analysis.front_matter.syntax import SyntaxProblem, heading_fix_text, syntax_problems
from dlc_lint.analysis.front_matter.values import WHY, date_problem, expected_lang, lang_is_wrong, missing_keys

__all__ = [
    "JEKYLL_KEYS",
    "KEY_VARIANTS",
    "KNOWN_KEYS",
    "SITE_KEYS",
    "TRANSLATED_KEYS",
    "WHY",
    "KeyStatus",
    "SyntaxProblem",
    "canonical_key",
    "commented_key",
    "date_problem",
    "expected_lang",
    "heading_fix_text",
    "is_translated_key",
    "key_status",
    "keys_readable",
    "known_keys",
    "lang_is_wrong",
    "line_span",
    "missing_keys",
    "normalise_key",
    "plain_key",
    "quote_yaml",
    "readme_like",
    "suggest_key",
    "syntax_problems",
    "translated_key",
    "value_is_heading",
    "yaml_ok",
]
