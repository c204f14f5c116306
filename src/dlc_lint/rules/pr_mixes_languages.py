"""DLC012 pr-mixes-languages: one pull request changes pages of several languages.

## What it does
In pull-request mode (`dlc-lint pr`), finds a pull request whose changed pages
(and `_config.yml` outline sections) belong to more than one language,
English included.

## Why is this bad?
Each language has its own reviewers, and a pull request can carry only one
title tag. A pull request that mixes Korean pages with a fix to the English
page waits for two sets of reviewers, and the English change, which every
translation follows, is easy to miss in a Korean review.

## Example
A pull request that changes `docs/ko/week03/03-1.md` and `docs/en/week03/03-1.md`.

## Use instead
Two pull requests: `[EN] Fix a formula in 03-1` and `[KR] Translate week 3`.
"""

from dlc_lint.rules import engine_rule

engine_rule(
    "DLC012", "pr-mixes-languages", "warning", "The pull request changes pages of several languages", module=__name__
)
