"""A site whose English page changed after the Korean page was translated (for DLC720-DLC722)."""

from parity_site import EN_HEAD, KO_HEAD

ENGLISH = (
    EN_HEAD
    + """\
## Gradient descent

We update the weights with the standard deviation of the gradient.

The loss is $\\ell(y, \\hat{y})$ for every example.

A new paragraph about momentum was added for the students here.

Nothing changed in this paragraph at all, it is still the same.

## The end
"""
)

KOREAN = (
    KO_HEAD
    + """\
<!-- ## Gradient descent -->
## 경사 하강법

<!-- We update the weights with the variance of the gradient. -->
가중치를 기울기의 분산으로 갱신한다.

<!-- The loss is $\\ell(\\hat{y}, y)$ for every example. -->
손실은 모든 예에 대해 $\\ell(\\hat{y}, y)$ 이다.

<!-- Nothing changed in this paragraph at all, it is still the same. -->
이 문단은 전혀 바뀌지 않았다.

<!-- This old paragraph was dropped from the English page later on. -->
이 오래된 문단은 나중에 영어 페이지에서 빠졌다.

<!-- ## The End -->
## 끝
"""
)


def drift_findings(tmp_path, select):
    from conftest import findings_of

    return findings_of(tmp_path, KOREAN, english=ENGLISH, select=select)
