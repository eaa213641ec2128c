"""The household-energy app (``notebooks/household_energy_app.ipynb``, made
with ``sh.app``) in Voila at 1,366 px, as a non-technical viewer uses it: the
answers are on top, a meter reading typed as people write it (``12,890``)
changes the cost card, nonsense gets a plain message on its field, and no
traceback, file path or Python term shows anywhere on the page."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

#: what a viewer must never read on the page
TECHNICAL = re.compile(
    r"Traceback|Error\b|Exception|File \"|\.py\b|/tmp/|/work/|site-packages|"
    r"\bNone\b|literal|snake_case|meter_end|price_per_kwh|input_domain"
)


def _card(page, output):
    return page.locator(f".sh-card[data-output='{output}'] .sh-card-value")


def _field(page, label):
    return page.locator(f".sh-field:has(.sh-field-label:text-is('{label}')) input")


def _type(page, label, text):
    field = _field(page, label)
    field.fill("")
    field.press_sequentially(text, delay=40)  # a person typing, key by key


def _visible_text(page):
    # the viewer's text: what is rendered (the switch's modeller view is off)
    return page.inner_text("body")


@pytest.mark.browser
@pytest.mark.slow
def test_app_answers_as_people_type(voila, page):
    page.set_viewport_size({"width": 1366, "height": 800})
    server = voila("household_energy_app.ipynb")
    page.goto(server.page(""), timeout=120_000)
    expect(_card(page, "cost")).to_contain_text("99.00", timeout=120_000)
    expect(_card(page, "cost")).to_contain_text("EUR")
    text = _visible_text(page)
    assert "What does a month of electricity cost?" in text
    assert "from household import" not in text  # no code shown
    assert not TECHNICAL.search(text), TECHNICAL.search(text)
    # the answers come first: the cost card is above every field
    card_y = _card(page, "cost").bounding_box()["y"]
    assert card_y < _field(page, "Meter reading at the start").bounding_box()["y"]
    # no field row scrolls sideways at 1,366 px
    assert page.evaluate(
        """() => [...document.querySelectorAll('.sh-field')]
            .every((row) => row.scrollWidth <= row.clientWidth + 1)"""
    )
    screenshot(page, "app-voila-first-open")

    _type(page, "Meter reading at the end", "12,890")
    expect(_card(page, "cost")).to_contain_text("159.00", timeout=10_000)
    expect(_card(page, "kwh")).to_contain_text("480")
    screenshot(page, "app-voila-after-12890")

    _type(page, "Meter reading at the end", "twelve thousand")
    message = page.locator(".sh-field-message")
    expect(message).to_have_text(
        "Please type a number, like 12890 or 12,890.", timeout=10_000
    )
    expect(_card(page, "cost")).to_contain_text("159.00")  # nothing dispatched
    text = _visible_text(page)
    assert not TECHNICAL.search(text), TECHNICAL.search(text)
    screenshot(page, "app-voila-nonsense")

    _type(page, "Meter reading at the end", "12,000")  # lower than the start
    card = page.locator(".sh-card[data-output='cost'] .sh-card-message")
    expect(card).to_have_text("Cannot be worked out", timeout=10_000)
    why = page.locator(".sh-app-problem")  # said once, below the cards
    expect(why).to_have_count(1)
    expect(why).to_contain_text("A meter only counts up")
    expect(message).to_have_count(0)
    text = _visible_text(page)
    assert not TECHNICAL.search(text), TECHNICAL.search(text)
    screenshot(page, "app-voila-refused")

    # the modeller's view is one switch away, and off again
    page.locator(".sh-app button:text-is('details')").click()
    expect(page.locator(".sh-status")).to_be_visible(timeout=20_000)
    screenshot(page, "app-voila-details")
    page.locator(".sh-app button:text-is('details')").click()
    expect(page.locator(".sh-status")).to_have_count(0, timeout=20_000)
