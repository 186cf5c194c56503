"""iter_documents on corpora the tests write: formats, sidecars, and every hostile case we know of."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analyzer.errors import CorpusError
from analyzer.ingest import iter_documents
from analyzer.models import CorpusWarning, Document

BODY = "The coastguard said 42 people were rescued overnight from the flooded valley."
PAGE = f"Skip to content\nFlood Rescue Saves 42 in Valley\n\n{BODY}\n\nComments 3\n"


def read(*paths: Path | str) -> tuple[list[Document], list[CorpusWarning]]:
    warnings: list[CorpusWarning] = []
    documents = list(iter_documents(paths, warnings.append))
    return documents, warnings


def messages(warnings: list[CorpusWarning]) -> list[str]:
    return [str(w) for w in warnings]


def test_text_file_is_one_cleaned_document(tmp_path: Path) -> None:
    (tmp_path / "rescue.txt").write_text(PAGE, encoding="utf-8")
    documents, warnings = read(tmp_path / "rescue.txt")
    assert warnings == []
    (document,) = documents
    assert document.doc_id == "rescue"
    assert document.text == f"Flood Rescue Saves 42 in Valley\n\n{BODY}"
    assert document.title == "Flood Rescue Saves 42 in Valley"
    assert document.source == str(tmp_path / "rescue.txt")


@pytest.mark.parametrize(
    ("data", "expected_warning"),
    [
        (b"\xef\xbb\xbf" + PAGE.encode(), None),
        (PAGE.encode("utf-16"), None),
        (b"\xfe\xff" + PAGE.encode("utf-16-be"), None),
        (PAGE.encode().replace(b"overnight", b"over\xffnig\xfeht"), "2 invalid UTF-8 bytes replaced"),
    ],
    ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom", "invalid-bytes"],
)
def test_encodings(tmp_path: Path, data: bytes, expected_warning: str | None) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    documents, warnings = read(tmp_path)
    assert len(documents) == 1
    assert not documents[0].text.startswith("\ufeff")
    assert "coastguard said 42 people" in documents[0].text
    if expected_warning is None:
        assert warnings == []
    else:
        assert messages(warnings) == [f"{tmp_path / 'a.txt'}: {expected_warning}"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes); skipped"),
        (b"", "empty file; skipped"),
        (b" \n\t\r\n  \n", "empty file; skipped"),
        (
            b"Skip to content\nComments 0\nShare this\n",
            "no article text left after boilerplate removal; skipped",
        ),
    ],
    ids=["binary", "empty", "whitespace", "only-furniture"],
)
def test_unusable_text_files_are_warned_and_skipped(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text(PAGE)
    documents, warnings = read(tmp_path)
    assert [d.doc_id for d in documents] == ["good"]
    assert messages(warnings) == [f"{tmp_path / 'bad.txt'}: {reason}"]


def test_sidecar_wins_over_the_page_and_extra_keys_are_ignored(tmp_path: Path) -> None:
    page = "Flood Rescue Saves 42 in Valley\nby Ana Ruiz March 3, 2024 9:15 AM\n\n" + BODY + "\n"
    (tmp_path / "a.txt").write_text(page)
    sidecar = {"outlet": "Valley Post", "url": None, "published": "2024-03-05T07:00:00+01:00", "note": 3}
    (tmp_path / "a.meta.json").write_text(json.dumps(sidecar))
    (document,), warnings = read(tmp_path)
    assert warnings == []
    assert (document.outlet, document.url, document.published) == ("Valley Post", None, date(2024, 3, 5))
    assert document.title == "Flood Rescue Saves 42 in Valley"  # absent from the sidecar: read from the page


@pytest.mark.parametrize(
    ("files", "orphans"),
    [
        (["a.txt", "a.meta.json"], []),
        (["a.html", "a.meta.json"], []),
        (["a.HTM", "a.meta.json"], []),
        (["a.txt", "b.meta.json"], ["b.meta.json"]),
        (["a.jsonl", "a.meta.json"], ["a.meta.json"]),  # records carry their own fields
        (["report.meta.json"], ["report.meta.json"]),
        (["a.Txt", "a.meta.json"], []),  # the readers take any letter case of a suffix
    ],
)
def test_a_sidecar_without_its_page_is_named_in_a_warning(
    tmp_path: Path, files: list[str], orphans: list[str]
) -> None:
    for name in files:
        content = json.dumps({"outlet": "Valley Post"}) if name.endswith(".json") else PAGE
        if name.endswith(".jsonl"):
            content = json.dumps({"id": "r1", "text": BODY}) + "\n"
        (tmp_path / name).write_text(content, encoding="utf-8")
    _, warnings = read(tmp_path)
    assert messages(warnings) == [
        f"{tmp_path / name}: sidecar without a page ({name[:-10]}.txt, {name[:-10]}.html or {name[:-10]}.htm);"
        " skipped"
        for name in orphans
    ]


def test_page_date_is_used_without_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Flood Rescue Saves 42 in Valley\nby Ana Ruiz March 3, 2024 9:15 AM\n\n" + BODY
    )
    (document,), _ = read(tmp_path)
    assert document.published == date(2024, 3, 3)


@pytest.mark.parametrize(
    ("sidecar", "expected", "warning"),
    [
        (
            "{not json",
            (None, None),
            "invalid JSON at line 1: Expecting property name enclosed in double quotes",
        ),
        ("[1, 2]", (None, None), "sidecar must be a JSON object, not list; ignored"),
        ('{"outlet": 7, "published": "2024-03-05"}', (None, date(2024, 3, 5)), "'outlet' must be a string"),
        ('{"outlet": "Valley Post", "published": "last week"}', ("Valley Post", None), "is not an ISO date"),
        (
            '{"outlet": "Valley Post", "published": 20240305}',
            ("Valley Post", None),
            "must be an ISO date string",
        ),
    ],
    ids=["broken-json", "not-an-object", "wrong-type", "bad-date", "date-not-a-string"],
)
def test_bad_sidecars_are_warned_and_valid_values_kept(
    tmp_path: Path, sidecar: str, expected: tuple[str | None, date | None], warning: str
) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "a.meta.json").write_text(sidecar)
    (document,), warnings = read(tmp_path)
    assert (document.outlet, document.published) == expected
    assert len(warnings) == 1
    assert warnings[0].source == str(tmp_path / "a.meta.json")
    assert warning in warnings[0].message


def test_jsonl_records(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": BODY, "outlet": "Valley Post", "published": "2024-03-05"}),
        "",
        "{broken",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "r4", "title": "no text here"}),
        json.dumps({"text": "Officials said 17 people were still missing on Sunday.", "published": "soon"}),
        json.dumps({"id": 7, "html": f"<html><body><article><p>{BODY}</p></article></body></html>"}),
        json.dumps({"id": True, "text": BODY + " Again.", "outlet": ["x"]}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    documents, warnings = read(tmp_path / "feed.jsonl")
    assert [(d.doc_id, d.source) for d in documents] == [
        ("r1", f"{tmp_path / 'feed.jsonl'}:1"),
        ("feed:6", f"{tmp_path / 'feed.jsonl'}:6"),
        ("7", f"{tmp_path / 'feed.jsonl'}:7"),
        ("feed:8", f"{tmp_path / 'feed.jsonl'}:8"),
    ]
    assert (documents[0].outlet, documents[0].published, documents[0].text) == (
        "Valley Post",
        date(2024, 3, 5),
        BODY,
    )
    assert documents[2].text == BODY
    source = str(tmp_path / "feed.jsonl")
    assert [(w.source, w.message.split(";")[0].split(":")[0]) for w in warnings] == [
        (f"{source}:3", "invalid JSON"),
        (f"{source}:4", "expected a JSON object, not list"),
        (f"{source}:5", "record has no 'text' or 'html' string"),
        (f"{source}:6", "'published' 'soon' is not an ISO date"),
        (f"{source}:8", "'id' must be a string or an integer"),
        (f"{source}:8", "'outlet' must be a string, not list"),
    ]


def test_jsonl_line_with_invalid_bytes_is_kept_and_counted(tmp_path: Path) -> None:
    line = json.dumps({"id": "a", "text": BODY}).encode().replace(b"flooded", b"flo\xffded")
    (tmp_path / "feed.jsonl").write_bytes(b"\xef\xbb\xbf" + line + b"\n")
    (document,), warnings = read(tmp_path)
    assert "flo\ufffdded" in document.text
    assert messages(warnings) == [f"{tmp_path / 'feed.jsonl'}:1: 1 invalid UTF-8 byte replaced"]


def test_json_list(tmp_path: Path) -> None:
    records = [{"id": "x", "text": BODY}, {"text": BODY + " More."}, 5]
    (tmp_path / "batch.json").write_text(json.dumps(records))
    documents, warnings = read(tmp_path)
    assert [d.doc_id for d in documents] == ["x", "batch:2"]
    assert messages(warnings) == [f"{tmp_path / 'batch.json'}:3: expected a JSON object, not int; skipped"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"id": "x", "text": "Ten died."}', "expected a JSON list of record objects, not dict; skipped"),
        ('[["a", "b"], ["c"]]', "expected a JSON list of record objects, not a list of list; skipped"),
        ("[1, 2", "invalid JSON at line 1: Expecting ',' delimiter; skipped"),
        ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply; skipped"),
    ],
    ids=["object", "list-of-lists", "broken", "deep"],
)
def test_bad_json_files_are_warned_and_skipped(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "x.json").write_text(content)
    documents, warnings = read(tmp_path)
    assert documents == []
    assert messages(warnings) == [f"{tmp_path / 'x.json'}: {reason}"]


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b/z.txt", "b/a.txt", "a.txt", "c/d/e.txt", "B.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{name} Story\n\nThe coastguard said {len(name)} people were rescued.\n")
    (tmp_path / "a.meta.json").write_text("{}")
    (tmp_path / "notes.csv").write_text("x,y\n")
    (tmp_path / "README").write_text("hello\n")
    (tmp_path / ".hidden.txt").write_text(PAGE)
    documents, warnings = read(tmp_path)
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in documents] == [
        "B.txt",
        "a.txt",
        "b/a.txt",
        "b/z.txt",
        "c/d/e.txt",
    ]
    assert sorted(messages(warnings)) == [
        f"{tmp_path / '.hidden.txt'}: hidden file or folder skipped",
        f"{tmp_path / 'README'}: unsupported file type (no extension); skipped",
        f"{tmp_path / 'notes.csv'}: unsupported file type '.csv'; skipped",
    ]


def test_same_input_same_output(tmp_path: Path) -> None:
    for index in range(5):
        (tmp_path / f"{index}.txt").write_text(PAGE.replace("42", str(index + 40)))
    assert read(tmp_path) == read(tmp_path)


def test_missing_path_raises_at_the_call(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    with pytest.raises(CorpusError) as error:
        iter_documents([tmp_path / "a.txt", tmp_path / "nope"], lambda w: None)
    assert str(error.value) == f"{tmp_path / 'nope'}: no such file or directory"


def test_symlink_loop_is_warned_and_the_walk_ends(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(PAGE)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    documents, warnings = read(tmp_path)
    assert [d.doc_id for d in documents] == ["a"]
    assert len(warnings) == 1 and "symbolic link loop" in warnings[0].message


def test_broken_symlink_and_fifo_are_warned(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    documents, warnings = read(tmp_path)
    assert documents == []
    assert sorted(messages(warnings)) == [
        f"{tmp_path / 'gone.txt'}: broken symbolic link; skipped",
        f"{tmp_path / 'pipe.txt'}: not a regular file; skipped",
    ]


def test_file_that_vanishes_between_listing_and_reading(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.txt").write_text(PAGE)
    warnings: list[CorpusWarning] = []
    documents = iter_documents([tmp_path], warnings.append)
    assert next(documents).doc_id == "a"
    (tmp_path / "b.txt").unlink()
    assert list(documents) == []
    assert messages(warnings) == [f"{tmp_path / 'b.txt'}: vanished before it could be read; skipped"]


def test_documents_are_streamed_not_read_ahead(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.txt").write_text(PAGE)
    documents = iter_documents([tmp_path], lambda w: None)
    next(documents)
    (tmp_path / "b.txt").write_text(PAGE.replace("42", "43"))
    assert "43" in next(documents).text


needs_permissions = pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read files whatever their mode"
)


@needs_permissions
def test_unreadable_file_and_folder_are_warned(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "locked.txt").write_text(PAGE)
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "c.txt").write_text(PAGE)
    (tmp_path / "closed").chmod(0)
    try:
        documents, warnings = read(tmp_path)
    finally:
        (tmp_path / "closed").chmod(0o755)
        (tmp_path / "locked.txt").chmod(0o644)
    assert [d.doc_id for d in documents] == ["a"]
    assert sorted(w.source for w in warnings) == [str(tmp_path / "closed"), str(tmp_path / "locked.txt")]


def test_unreadable_file_is_warned_when_opening_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same path as a real permission error, for runs as root where chmod does not lock anyone out
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": BODY}) + "\n")

    def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "open", refuse)
    documents, warnings = read(tmp_path)
    assert documents == []
    assert messages(warnings) == [
        f"{tmp_path / 'a.txt'}: permission denied; skipped",
        f"{tmp_path / 'b.jsonl'}: permission denied; skipped",
    ]


def test_unreadable_folder_is_warned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "c.txt").write_text(PAGE)
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> Any:
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    documents, warnings = read(tmp_path)
    assert [d.doc_id for d in documents] == ["a"]
    assert messages(warnings) == [f"{tmp_path / 'closed'}: cannot read folder: Permission denied; skipped"]


def test_a_sidecar_not_in_lower_case_is_named_and_its_page_still_read(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.META.JSON").write_text(json.dumps({"outlet": "Valley Post"}), encoding="utf-8")
    (document,), warnings = read(tmp_path)
    assert document.outlet is None
    assert messages(warnings) == [
        f"{tmp_path / 'b.META.JSON'}: a sidecar is read only as b.meta.json, in lower case; skipped"
    ]


def test_a_sidecar_given_on_its_own_is_named_not_ignored(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.meta.json").write_text(json.dumps({"outlet": "Valley Post"}), encoding="utf-8")
    documents, warnings = read(tmp_path / "b.meta.json")
    assert documents == []
    assert messages(warnings) == [
        f"{tmp_path / 'b.meta.json'}: a sidecar is read with its page; give the page instead; skipped"
    ]
