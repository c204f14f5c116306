"""``dlc-lint server`` end to end: a real LSP client (pytest-lsp) talks to the server over stdio."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed (pip install -e '.[test]')")
pytest_lsp = pytest.importorskip("pytest_lsp")

from conftest import CONFIG, write_site  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

ENGLISH = """\
---
lang-ref: ch.01-1
title: Motivation
---

## Course plan

Deep learning is fun.

Gradient descent finds a minimum.
"""

KOREAN = """\
---
lang-ref: ch.01-1
title: 동기
lang: ko
translator: A
translation-date: 1 Jan 2020
---

<!--## Course plan-->
## 강의 계획

<!--Deep learning is fun.-->
딥러닝은 재미있다.

<!--Gradient descent finds a minimum.-->
경사 하강법은 최솟값을 찾는다.
"""


@pytest.fixture
def site(tmp_path):
    files = {
        "en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n",
        "ko/week01/01.md": "---\nlang-ref: ch.01\ntitle: 1주차\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n",
        "en/week01/01-1.md": ENGLISH,
        "ko/week01/01-1.md": KOREAN,
    }
    return write_site(tmp_path, files, CONFIG)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "dlc_lint", "server"]))
async def client(lsp_client: LanguageClient, site):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=site.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


def uri_of(site, path: str) -> str:
    return (site / path).as_uri()


async def open_page(client: LanguageClient, uri: str, text: str) -> list[types.Diagnostic]:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


@pytest.mark.asyncio
async def test_diagnostics_on_open_and_on_change_of_the_unsaved_text(client: LanguageClient, site):
    uri = uri_of(site, "ko/week01/01-1.md")
    assert await open_page(client, uri, KOREAN) == []

    # the translator types a broken link and removes `lang`; nothing is saved
    text = KOREAN.replace("lang: ko\n", "") + "\n[다음](../week09/09-1)\n"
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    found = {d.code: d for d in client.diagnostics[uri]}
    assert set(found) == {"DLC110", "DLC401"}
    link = found["DLC401"]
    assert link.severity == types.DiagnosticSeverity.Error and link.source == "dlc-lint"
    # at the link target, 0-based: `[다음](` is 5 characters (and 5 UTF-16 code units)
    line = text.splitlines().index("[다음](../week09/09-1)")
    assert (link.range.start.line, link.range.start.character) == (line, 5)
    assert (link.range.end.line, link.range.end.character) == (line, 5 + len("../week09/09-1"))
    assert "`../week09/09-1`" in link.message and link.message.endswith("(broken-link)")
    assert link.code_description is not None and link.code_description.href.endswith("#dlc401-broken-link")
    assert (site / "ko/week01/01-1.md").read_text(encoding="utf-8") == KOREAN  # nothing written


@pytest.mark.asyncio
async def test_a_fix_is_a_code_action_that_edits_the_buffer(client: LanguageClient, site):
    uri = uri_of(site, "ko/week01/01-1.md")
    text = KOREAN.replace("lang: ko\n", "")
    (diagnostic,) = await open_page(client, uri, text)
    assert diagnostic.code == "DLC110"
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert actions is not None and len(actions) == 1
    (action,) = actions
    assert isinstance(action, types.CodeAction)
    assert action.kind == types.CodeActionKind.QuickFix and action.is_preferred
    assert action.title == "insert `lang: ko` after `lang-ref`"
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes[uri]
    # applied to the buffer, the edit gives the page with `lang: ko` back
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: edit.range.start.line]) + edit.range.start.character
    end = sum(len(line) for line in lines[: edit.range.end.line]) + edit.range.end.character
    fixed = text[:start] + edit.new_text + text[end:]
    assert fixed == text.replace("lang-ref: ch.01-1\n", "lang-ref: ch.01-1\nlang: ko\n")


@pytest.mark.asyncio
async def test_hover_on_a_translated_paragraph_shows_its_english_paragraph(client: LanguageClient, site):
    uri = uri_of(site, "ko/week01/01-1.md")
    await open_page(client, uri, KOREAN)
    line = KOREAN.splitlines().index("경사 하강법은 최솟값을 찾는다.")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line, 3))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert "Gradient descent finds a minimum." in value
    assert "`en/week01/01-1.md`, line 10" in value  # the English page itself, not only the comment
    assert "Deep learning is fun." not in value
    # on a glossary term: its entry, with the preferred form, above the English paragraph
    assert value.startswith("**Glossary** (ko): *gradient descent*")
    assert "preferred: `경사 하강법`" in value and "avoid: `기울기 하강법` (other-standard)" in value
    assert value.index("**Glossary**") < value.index("**English**")
    # on a word of the paragraph that is no term: the English paragraph only
    plain = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line, 10))
    )
    assert plain is not None and isinstance(plain.contents, types.MarkupContent)
    assert plain.contents.value.startswith("**English**")
    # outside any translated paragraph (the front matter): nothing
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(1, 2))
    )
    assert nothing is None


@pytest.mark.asyncio
async def test_saving_the_english_page_lints_its_open_translation_again(client: LanguageClient, site):
    import asyncio

    uri = uri_of(site, "ko/week01/01-1.md")
    assert await open_page(client, uri, KOREAN) == []
    english = site / "en/week01/01-1.md"
    english.write_text(ENGLISH.replace("finds a minimum.", "finds a local minimum."), encoding="utf-8")
    english_uri = english.as_uri()
    await open_page(client, english_uri, english.read_text(encoding="utf-8"))
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=english_uri))
    )
    for _ in range(50):  # the translation's diagnostics arrive after the English page's
        codes = {d.code for d in client.diagnostics.get(uri, [])}
        if codes:
            break
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    changed = [d for d in client.diagnostics[uri] if d.code == "DLC720"]
    assert changed and "added `local`" in changed[0].message, client.diagnostics[uri]


async def until(client: LanguageClient, uri: str, done, timeout: float = 30.0) -> list[types.Diagnostic]:
    """The diagnostics of ``uri`` once ``done(codes)`` holds for them, waiting for each publication."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not done({d.code for d in client.diagnostics.get(uri, [])}):
        await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), deadline - loop.time()
        )
    return list(client.diagnostics[uri])


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


@pytest.mark.asyncio
async def test_editing_the_english_page_lints_its_open_translation_against_the_unsaved_text(
    client: LanguageClient, site
):
    uri = uri_of(site, "ko/week01/01-1.md")
    assert await open_page(client, uri, KOREAN) == []
    english_uri = uri_of(site, "en/week01/01-1.md")
    await open_page(client, english_uri, ENGLISH)
    edited = ENGLISH.replace("finds a minimum.", "finds a local minimum.")

    change(client, english_uri, 2, edited)  # typed, not saved
    found = await until(client, uri, lambda codes: "DLC720" in codes)
    assert "added `local`" in next(d for d in found if d.code == "DLC720").message
    assert (site / "en/week01/01-1.md").read_text(encoding="utf-8") == ENGLISH  # nothing saved, nothing written

    change(client, english_uri, 3, ENGLISH)  # typed back: the translation is in step again
    assert await until(client, uri, lambda codes: not codes) == []

    # closed without saving the edit: the translation is linted against the file on disk again
    change(client, english_uri, 4, edited)
    await until(client, uri, lambda codes: "DLC720" in codes)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=english_uri))
    )
    assert await until(client, uri, lambda codes: not codes) == []
