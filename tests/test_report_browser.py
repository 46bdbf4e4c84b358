"""The review page in a real browser (headless Chromium through selenium).

A curator's path: open the report, search a study, open it, see the highlighted quote. The
screenshot of that view is written to ``outputs/report-screenshot.png`` (README, "Review page").
The tests skip, saying why, only where no Chromium can be had: ``tools/install-browser.sh`` (run
by the README's first command) installs Debian's ``chromium`` and ``chromium-driver``.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from extract import pipeline
from extract.outputs import load
from extract.report import write_report
from report_helpers import big_report, chromium, find_browser

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "outputs" / "report-screenshot.png"
BROWSER, DRIVER, WHY_NOT = find_browser()
pytestmark = pytest.mark.skipif(not (BROWSER and DRIVER), reason=f"browser tests skipped: {WHY_NOT}")


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    yield from chromium(BROWSER, DRIVER)  # type: ignore[arg-type]


def _wait(drv: Any, css: str, timeout: float = 15, visible: bool = True) -> Any:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    cond = EC.visibility_of_element_located if visible else EC.presence_of_element_located
    return WebDriverWait(drv, timeout).until(cond((By.CSS_SELECTOR, css)))


def _search(drv: Any, text: str, expect: str, timeout: float = 10) -> float:
    """Type into the search box; seconds until the count shows ``expect``."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    box = drv.find_element(By.ID, "search")
    box.clear()
    t0 = time.perf_counter()
    box.send_keys(text)
    WebDriverWait(drv, timeout).until(lambda d: d.find_element(By.ID, "count").text.startswith(expect))
    return time.perf_counter() - t0


def test_search_open_and_see_the_highlighted_quote(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    out = tmp_path / "corpus-run"
    pipeline.run(ROOT / "corpus", out, use_cache=False)
    page = write_report(load(out), out / "report")
    driver.set_window_size(1500, 1000)
    driver.get(page.as_uri())
    _wait(driver, "tr.study-row")
    # the sample corpus's Chinese RCT news post, searched by its DOI
    _search(driver, "10.4821/dmj.2024.0315", "1 of ")
    rows = driver.find_elements(By.CSS_SELECTOR, "tr.study-row")
    assert len(rows) == 1
    rows[0].click()
    mark = _wait(driver, "#detail mark.quote")
    assert mark.is_displayed() and mark.text.strip()
    quotes = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#detail mark.quote")]
    assert any("91" in q for q in quotes)                       # the cohort's quote
    # the quote is highlighted inside its sentence, inside its paragraph
    sentence = mark.find_element(By.XPATH, "ancestor::span[@class='sent']")
    assert mark.text in sentence.text
    # the Chinese article's quotes sit in paragraphs marked Chinese (for the CJK font fallback)
    zh = driver.find_elements(By.CSS_SELECTOR, "#detail p.ctx[lang='zh-Hans'] mark.quote")
    assert zh and any("例" in m.text for m in zh)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", zh[0])
    assert zh[0].is_displayed()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_ten_thousand_studies_open_and_search_fast(driver: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    out, _ = big_report(10_000)
    page = out / "report" / "index.html"
    t0 = time.perf_counter()
    driver.get(page.as_uri())
    _wait(driver, "tr.study-row")
    opened = time.perf_counter() - t0
    assert driver.find_element(By.ID, "count").text.startswith("10000 of 10000")
    assert len(driver.find_elements(By.CSS_SELECTOR, "tr.study-row")) == 50      # paged
    assert opened < 10, f"the page took {opened:.1f}s to open"
    took = _search(driver, "study 09876", "1 of ")                            # one study among 10,000
    assert took < 3, f"search took {took:.1f}s"
    driver.find_element(By.CSS_SELECTOR, "tr.study-row").click()
    mark = _wait(driver, "#detail mark.quote")                               # a late chunk, loaded on demand
    assert mark.is_displayed()
    assert "Study 09876" in driver.find_element(By.ID, "detail").text or mark.text
    # facets filter, and sorting works on the whole list
    driver.find_element(By.ID, "clear").click()
    assert driver.find_element(By.ID, "count").text.startswith("10000 of ")
    driver.find_element(By.CSS_SELECTOR, "details[data-facet='has_conflicts'] summary").click()
    driver.find_element(By.CSS_SELECTOR, "details[data-facet='has_conflicts'] input[value='yes']").click()
    count = int(driver.find_element(By.ID, "count").text.split()[0])
    assert count == len(range(0, 10_000, 7))
    Select(driver.find_element(By.ID, "sort")).select_by_value("n_reports:-1")
    first = driver.find_element(By.CSS_SELECTOR, "tr.study-row td:nth-child(5)").text
    assert first == "2"
