"""The ledger in Excel and the yearly compilation PDF: a round trip through Excel that
keeps every field the import reads, row-level refusals, and a booklet whose text carries
the Chinese titles in an embedded font."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from contest_desk.domain.records.innovation import LedgerFilter
from contest_desk.errors import ImportRejected
from contest_desk.reports.compilation import write_compilation
from contest_desk.reports.innovation_excel import read_ledger, write_ledger
from contest_desk.services.hub import Services
from tests.builders import copy_of_demo


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("demo")))


def ledger_file(demo: Services, path: Path) -> Path:
    return write_ledger(
        path, demo.ledger.achievements(), demo.innovation_details.completer_numbers()
    )


def test_the_ledger_goes_out_and_back_in(demo: Services, tmp_path: Path) -> None:
    path = ledger_file(demo, tmp_path / "成果台账.xlsx")
    wb = openpyxl.load_workbook(path)
    sheet, benefits = wb.worksheets
    assert sheet.cell(1, 1).value == "成果名称" and sheet.max_row == 16
    assert benefits.cell(1, 8).value == "计算依据" and benefits.max_row > 1
    # A second plant with the same roster and studios takes the whole ledger.
    other = Services.open(str(tmp_path / "other.db"))
    for p in demo.roster.persons():
        other.roster.add_person(p.employee_no, p.name, p.unit)
    for studio in demo.innovation.studios():
        other.innovation.add_studio(studio.name, studio.unit, studio.level)
    assert other.innovation_import.import_ledger(read_ledger(path)) == 15
    before = {a.title: a for a in demo.ledger.achievements()}
    after = {a.title: a for a in other.ledger.achievements()}
    assert set(before) == set(after)
    for title, a in before.items():
        b = after[title]
        assert (b.studio, b.category, b.stage, b.completers) == (
            a.studio, a.category, a.stage, a.completers,
        )  # fmt: skip
        assert [x.benefit for x in b.benefits] == [x.benefit for x in a.benefits]
    with pytest.raises(ImportRejected, match="已在台账中"):
        other.innovation_import.import_ledger(read_ledger(path))


def test_a_bad_ledger_names_every_row_and_imports_nothing(demo: Services, tmp_path: Path) -> None:
    path = ledger_file(demo, tmp_path / "台账.xlsx")
    other = Services.open(str(tmp_path / "other.db"))
    for p in demo.roster.persons():
        other.roster.add_person(p.employee_no, p.name, p.unit)
    for studio in demo.innovation.studios()[:2]:
        other.innovation.add_studio(studio.name, studio.unit, studio.level)
    wb = openpyxl.load_workbook(path)
    sheet, benefits = wb.worksheets
    sheet.cell(2, 4).value = "试制"  # not a stage
    sheet.cell(3, 5).value = "99999999"  # not in the roster
    sheet.cell(4, 9).value = "去年春天"  # not a date
    benefits.cell(2, 6).value = "十二万"  # not a number
    wb.save(path)
    with pytest.raises(ImportRejected) as rejected:
        other.innovation_import.import_ledger(read_ledger(path))
    text = [p.message() for p in rejected.value.problems]
    assert any("第 2 行" in t and "试制" in t for t in text)
    assert any("第 3 行" in t and "99999999" in t for t in text)
    assert any("第 4 行" in t and "去年春天" in t for t in text)
    assert any("十二万" in t for t in text)
    assert any("集输技术创新工作室" in t for t in text)  # the studio the plant lacks
    assert other.ledger.achievements() == []


def test_the_compilation_carries_the_chinese_titles_in_an_embedded_font(
    demo: Services, tmp_path: Path
) -> None:
    chosen = demo.ledger.achievements(LedgerFilter(year=2025))
    path = write_compilation(tmp_path / "2025年成果汇编.pdf", 2025, chosen, "采油厂工会")
    reader = PdfReader(path)
    assert len(reader.pages) == len(chosen) + 2  # cover, contents, a page each
    text = "".join(page.extract_text() for page in reader.pages)
    assert "2025年职工创新成果汇编" in text and "目录" in text
    for a in chosen:
        assert a.title in text
    assert "节约材料费和维修费" in text and "完成人" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()
            for descendant in descriptor.get("/DescendantFonts", [descriptor]):
                d = descendant.get_object().get("/FontDescriptor")
                d = d.get_object() if d is not None else {}
                fonts.add(("/FontFile2" in d) or ("/FontFile" in d) or ("/FontFile3" in d))
    assert fonts == {True}  # every font is embedded (a standard Type 1 has no file: False)
    with pytest.raises(Exception, match="不存在"):
        write_compilation(tmp_path / "无此目录" / "x.pdf", 2025, chosen)
    assert [p.name for p in tmp_path.glob("*.pdf")] == [
        "2025年成果汇编.pdf"
    ]  # nothing half-written
