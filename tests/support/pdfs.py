"""PDFs the tests write themselves (fpdf2): multi-page, image-only, encrypted, broken."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF


def write_text_pdf(path: Path, pages: list[str], password: str | None = None) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    if password is not None:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(str(path))
    return path


def write_image_only_pdf(path: Path) -> Path:
    """A page with drawing but no text layer, as a scan would be."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    pdf.rect(20, 20, 120, 80, style="F")
    pdf.output(str(path))
    return path


def write_truncated_pdf(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


# Debian's fonts-noto-cjk (installed by `make browser`); face 2 of the collection is Simplified
# Chinese. Helvetica has no Chinese glyphs.
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def write_chinese_pdf(path: Path, pages: list[str]) -> Path:
    """A PDF of Chinese text (each page's lines as written), in the Noto CJK font."""
    if not CJK_FONT.exists():
        raise RuntimeError(f"{CJK_FONT} is missing: `make browser` installs fonts-noto-cjk")
    pdf = FPDF()
    pdf.add_font("noto-cjk", fname=str(CJK_FONT), collection_font_number=2)
    pdf.set_font("noto-cjk", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path
