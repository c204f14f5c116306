"""Which glossary terms an English paragraph mentions."""

from __future__ import annotations

import pytest

from dlc_lint.glossary import load_glossary, shipped_path


@pytest.fixture(scope="module")
def ko():
    return load_glossary(shipped_path("ko"))


def test_longest_term_wins(ko):
    text = "The hidden layer feeds the next layer; stochastic gradient descent follows the gradient."
    found = [(m.start, m.end, m.text, m.entry.id) for m in ko.english.find(text)]
    assert found == [
        (4, 16, "hidden layer", "hidden-layer"),
        (32, 37, "layer", "layer"),
        (39, 66, "stochastic gradient descent", "stochastic-gradient-descent"),
        (79, 87, "gradient", "gradient"),
    ]


def test_entry_ids_with_and_without_overlaps(ko):
    text = "Two hidden layers and batch normalization."
    assert ko.english.entry_ids(text) == {"hidden-layer", "batch-normalization"}
    assert {"hidden-layer", "layer", "batch-normalization", "batch", "normalization"} <= ko.english.entry_ids(
        text, overlapping=True
    )


def test_patterns_respect_word_boundaries_and_plurals(ko):
    assert ko.english.entry_ids("hyperparameters and parameters") == {"hyperparameter", "parameter"}
    assert ko.english.entry_ids("hyper-parameter tuning") == {"hyperparameter"}
    assert ko.english.entry_ids("a multilayered cake") == set()
    assert ko.english.entry_ids("We train the GANs; training takes long") == {
        "generative-adversarial-network",
        "training",
    }
    assert ko.english.entry_ids("self-supervised and supervised") == {"self-supervised-learning", "supervised-learning"}
    assert ko.english.entry_ids("Batch-Norm") == {"batch-normalization"}
