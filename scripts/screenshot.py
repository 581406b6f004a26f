"""Take docs/screenshot.png: the page answering a Chinese question, its citation opened.

    policykb serve --port 18871 &    # over the ingested corpus/, extractive mode is enough
    python scripts/screenshot.py http://127.0.0.1:18871/ docs/screenshot.png

Uses Debian's chromium (`make browser`, which also installs fonts-noto-cjk for the Chinese).
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

QUESTION = "湛江市政府投资项目中，数智化投入至少应占项目总投资的多少？"


def main(url: str, out: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1440, "height": 820})
        page.goto(url)
        page.locator("#question").fill(QUESTION)
        page.locator("#ask-button").click()
        page.locator("#answer button.cite").first.click(timeout=60_000)
        page.wait_for_selector("#viewer-text mark", timeout=30_000)
        page.wait_for_timeout(800)  # the viewer's scroll to the highlighted clause settles
        page.screenshot(path=out)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
