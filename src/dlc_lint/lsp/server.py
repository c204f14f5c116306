"""``dlc-lint server``: a Language Server (LSP over stdio) for translators' editors.

- Diagnostics when a page is opened, changed (the unsaved text, a moment after typing
  stops) or saved; the site on disk is the context, as for ``dlc-lint PATH``, except that
  the English pages open in the editor count with their unsaved text. Changing, saving or
  closing an English page lints the open translations of it again.
- Code actions: every fix a finding carries (safe ones marked preferred).
- Hover on a translated paragraph: the English paragraph it translates (from the English
  page, else from the source comment above it); on a glossary term, its glossary entry.

Needs the ``lsp`` extra: ``pip install 'dlc-lint[lsp]'`` (pygls and lsprotocol).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from dlc_lint import __version__
from dlc_lint.finding import Finding, Safety, Severity
from dlc_lint.lsp.analysis import BufferResult, english_source, glossary_term, lint_buffer

DELAY = 0.3  # seconds after the last change before the buffer is linted
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class DlcLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("dlc-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.results: dict[str, BufferResult] = {}  # uri -> the last lint of that buffer
        self.pending: dict[str, asyncio.Task] = {}
        self.lock = asyncio.Lock()
        self.told: set[str] = set()  # configuration errors already shown


def path_of(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path)).resolve()


def _range(server: DlcLintServer, uri: str, line: int, column: int, end_line: int, end_column: int) -> types.Range:
    """1-based code-point positions -> the client's 0-based positions (UTF-16 unless negotiated otherwise)."""
    document = server.workspace.get_text_document(uri)
    start = types.Position(line=max(0, line - 1), character=max(0, column - 1))
    end = types.Position(line=max(0, end_line - 1), character=max(0, end_column - 1))
    return document.position_codec.range_to_client_units(document.lines, types.Range(start=start, end=end))


def diagnostic(server: DlcLintServer, uri: str, finding: Finding) -> types.Diagnostic:
    from dlc_lint.report.sarif import rule_url
    from dlc_lint.rules import find_rule

    rule = find_rule(finding.code)
    return types.Diagnostic(
        range=_range(server, uri, finding.line, finding.column, finding.end_line, finding.end_column),
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule_url(rule, __version__)) if rule else None,
        source="dlc-lint",
        message=f"{finding.message} ({finding.name})",
    )


async def lint_and_publish(server: DlcLintServer, uri: str, delay: float = 0.0) -> None:
    if delay:
        await asyncio.sleep(delay)
    path = path_of(uri)
    if path is None:
        return
    if server.pending.get(uri) is asyncio.current_task():
        del server.pending[uri]  # linting now: a newer change schedules another lint instead of cancelling this one
    document = server.workspace.get_text_document(uri)
    text, version = document.source, document.version
    async with server.lock:
        beside = _open_pages(server, uri)  # read once the lock is ours: the latest English text
        found = await asyncio.to_thread(lint_buffer, path, text, beside)
    if server.workspace.get_text_document(uri).version != version:
        return  # changed meanwhile: a newer lint is on its way
    if found.error and found.error not in server.told:
        server.told.add(found.error)
        server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=found.error))
    server.results[uri] = found
    diagnostics = [diagnostic(server, uri, f) for f in found.findings]
    server.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
    )


def _open_pages(server: DlcLintServer, uri: str) -> dict[Path, str]:
    """The text of the other files open in the editor, by path (lint_buffer takes the English pages of it)."""
    pages = {}
    for other, document in list(server.workspace.text_documents.items()):
        path = path_of(other) if other != uri else None
        if path is not None:
            pages[path] = document.source
    return pages


def schedule(server: DlcLintServer, uri: str, delay: float) -> None:
    """Lint the buffer after ``delay`` seconds; a lint of it still waiting is dropped (one that runs is not)."""
    previous = server.pending.pop(uri, None)
    if previous is not None:
        previous.cancel()
    server.pending[uri] = asyncio.ensure_future(lint_and_publish(server, uri, delay))


def schedule_translations(server: DlcLintServer, uri: str, delay: float) -> None:
    """Lint again the open translations of the page at ``uri`` (an English page; else there are none)."""
    english = path_of(uri)
    if english is None:
        return
    for other in list(server.results):
        if other != uri and _is_translation_of(server.results[other], english):
            schedule(server, other, delay)


def create_server() -> DlcLintServer:
    server = DlcLintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: DlcLintServer, params: types.DidOpenTextDocumentParams) -> None:
        schedule(ls, params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: DlcLintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        schedule(ls, uri, DELAY)
        schedule_translations(ls, uri, DELAY)  # an English page: its open translations, against the unsaved text

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: DlcLintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        schedule(ls, uri, 0.0)
        schedule_translations(ls, uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: DlcLintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        schedule_translations(ls, uri, 0.0)  # closed unsaved: its open translations go back to the file on disk

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: DlcLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        found = ls.results.get(uri)
        if found is None:
            return []
        actions = []
        for finding in found.findings:
            if finding.fix is None or finding.fix.safety is Safety.DISPLAY:
                continue
            diag = diagnostic(ls, uri, finding)
            if not _overlaps(diag.range, params.range):
                continue
            edits = [_text_edit(ls, uri, found, edit.start, edit.end, edit.new_text) for edit in finding.fix.edits]
            actions.append(
                types.CodeAction(
                    title=finding.fix.title + ("" if finding.fix.safety is Safety.SAFE else " (review it)"),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    is_preferred=finding.fix.safety is Safety.SAFE,
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                )
            )
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: DlcLintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        found = ls.results.get(uri)
        if found is None:
            return None
        document = ls.workspace.get_text_document(uri)
        position = document.position_codec.position_from_client_units(document.lines, params.position)
        offset = found.source.offset(position.line + 1, position.character + 1)
        parts = []
        term = glossary_term(found, offset)
        if term is not None:
            parts.append(term)
        source = english_source(found, offset)
        if source is not None:
            where = "source comment above" if source.from_comment else f"`{source.path}`, line {source.line}"
            fence = "````" if "```" in source.text else "```"
            parts.append(f"**English** ({where}):\n\n{fence}markdown\n{source.text}\n{fence}")
        if not parts:
            return None
        value = "\n\n---\n\n".join(parts)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value))

    return server


def _is_translation_of(found: BufferResult, english: Path) -> bool:
    result = found.result
    if result is None or not result.targets:
        return False
    site = result.site
    counterpart = site.counterpart(result.targets[0].site_path)
    return counterpart is not None and (site.root / counterpart).resolve() == english


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _text_edit(ls: DlcLintServer, uri: str, found: BufferResult, start: int, end: int, new_text: str) -> types.TextEdit:
    if start == end == -1:  # remove the byte-order mark: the first character of the buffer
        document = ls.workspace.get_text_document(uri)
        if document.source.startswith("\ufeff"):
            return types.TextEdit(range=types.Range(start=types.Position(0, 0), end=types.Position(0, 1)), new_text="")
        start = end = 0
    line, column = found.source.position(start)
    end_line, end_column = found.source.position(end)
    return types.TextEdit(range=_range(ls, uri, line, column, end_line, end_column), new_text=new_text)


def main() -> None:
    create_server().start_io()
