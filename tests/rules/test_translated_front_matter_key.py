import unicodedata

from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes, fixed

from dlc_lint.analysis.front_matter import KNOWN_KEYS, TRANSLATED_KEYS, normalise_key, translated_key
from dlc_lint.finding import Safety

SELECT = ["DLC115"]


def test_translated_key(tmp_path):
    text = "---\nlang-ref: ch.01-1\n제목: 동기\nlang: ko\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC115", 3, 1)]
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert "did you mean `title`?" in finding.message and finding.fix.safety is Safety.UNSAFE


def test_fix_renames_to_english(tmp_path):
    before = "---\r\nlang-ref: ch.01-1\r\ntraductor: Juan\r\n---\r\n"
    after = "---\r\nlang-ref: ch.01-1\r\ntranslator: Juan\r\n---\r\n"
    path = "es/week01/01-1.md"
    assert check_page(tmp_path, before, select=SELECT, path=path) == [("DLC115", 3, 1)]
    assert_fixes(tmp_path, before, after, SELECT, unsafe=True, path=path)
    assert fixed(tmp_path, before, SELECT, path=path) == before.encode()


def test_unknown_word_in_another_script(tmp_path):
    text = "---\nlang-ref: ch.01-1\n비고: 초안\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert finding.fix is None and "in English" in finding.message


def test_no_fix_when_the_english_key_is_there(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\n제목: 동기\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert finding.fix is None and "already has" in finding.message


def test_not_also_a_misspelling(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitolo: Motivazione\n---\n"
    assert check_page(tmp_path, text, select=["DLC114", "DLC115"], path="it/week01/01-1.md") == [("DLC115", 3, 1)]


def test_english_keys_and_english_pages_are_fine(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\ntitle: 동기\n---\n", select=SELECT) == []
    assert (
        check_page(tmp_path, "---\nlang-ref: ch.01-1\ntitre: x\n---\n", select=SELECT, path="en/week01/01-1.md") == []
    )


def test_the_word_list_is_clean():
    seen = set()
    for key, words in TRANSLATED_KEYS.items():
        assert key in KNOWN_KEYS, key
        assert list(words) == sorted(words), f"{key}: keep the words sorted"
        for word in words:
            assert word == normalise_key(word) == unicodedata.normalize("NFC", word), word
            assert word not in seen, f"{word} is listed twice"
            assert word not in KNOWN_KEYS, word
            seen.add(word)
            assert translated_key(word) == key
