"""DLC723 english-page-changed: the English page changed in git after this translation was last changed.

## What it does
For a translated page that keeps no English in comments (so DLC720-DLC722
cannot compare paragraphs), asks git: when the English page has commits that
are newer than the translation's last commit, the translation may be out of
date. The message gives the number of commits and the newest one. Nothing is
reported outside a git repository, or for files git does not track.

## Why is this bad?
Nobody can tell that a translation is stale when its page carries no English
to compare with; the English page's history is the only witness.

## Example
`docs/en/week12/12-3.md` changed in 3 commits after the last commit of
`docs/zh/week12/12-3.md`.

## Use instead
Review the English commits (`git log -p <last translation commit>.. -- docs/en/week12/12-3.md`),
update the translation, and consider keeping the English in comments.
"""

from dlc_lint.analysis import parity
from dlc_lint.rules import rule


@rule(
    "DLC723", "english-page-changed", "info", "The English page changed in git after this translation was last changed"
)
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    drift = parity.drift(context.site, context.page, english)
    if drift.basis != "git" or not drift.commits:
        return
    newest = drift.commits[0]
    count = len(drift.commits)
    front = context.page.front_matter
    start, end = (front.start, front.start + 3) if front.present else (0, 0)  # the opening `---`
    yield context.report(
        start,
        end,
        f"the English page {context.display(english.path)} changed in {count} commit{'s' if count != 1 else ''} "
        f"after this translation was last changed (newest: {newest.sha[:7]} {newest.date} "
        f"{parity.code(newest.subject, 60)}); this page keeps no English in comments, so this comes from the "
        "git history",
    )
