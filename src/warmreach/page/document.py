"""The page as one HTML document: head, the network view and its controls, the sections,
the data and the script, all inline.

The page asks for nothing: no font, no image, no script from anywhere. Its
``Content-Security-Policy`` says so to the browser too: nothing may load, and only the
page's own stylesheet and script (named by their SHA-256) may run, so even a text that
slipped past escaping could not run or fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from warmreach.page.markup import script_data, text
from warmreach.render.layout import COLOURS, PATH_COLOURS


@dataclass(frozen=True, kw_only=True)
class Parts:
    """What goes into the page, each part already HTML (or data for the script)."""

    #: the page's title and its first heading
    title: str
    #: the line under the heading
    subtitle: str
    #: the targets, for the buttons that choose one
    targets: tuple[str, ...]
    #: the ``<svg>`` of the view
    view: str
    #: what the view leaves out, in a sentence
    drawn: str
    #: the legend's entries: (colour key, words)
    legend: tuple[tuple[str, str], ...]
    #: the sections after the view, HTML
    sections: str
    #: the script's data
    data: object


@cache
def _asset(name: str) -> str:
    return resources.files("warmreach.page").joinpath(name).read_text(encoding="utf-8")


def _stylesheet() -> str:
    """The stylesheet, with the picture's colours for the swatches (one home: the layout's)."""
    colours = "".join(
        f".s{number} {{ background: {colour}; }}\n" for number, colour in enumerate(PATH_COLOURS)
    )
    colours += "".join(f".c-{key} {{ background: {colour}; }}\n" for key, colour in COLOURS.items())
    return _asset("page.css") + colours


def swatch(number: int) -> str:
    """The dot in the colour of the ``number``-th target's routes (a class of the
    stylesheet, as the policy allows no style attribute)."""
    return f'<span class="swatch s{number % len(PATH_COLOURS)}"></span>'


def _digest(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


def write_page(parts: Parts) -> str:
    """The whole page; the same parts give the same text."""
    style, script = _stylesheet(), _asset("page.js")
    policy = (
        f"default-src 'none'; style-src '{_digest(style)}'; script-src '{_digest(script)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    buttons = '<button type="button" data-target="" aria-pressed="true">All targets</button>'
    buttons += "".join(
        f'<button type="button" data-target="{number}" aria-pressed="false">'
        f"{swatch(number)}{text(title)}</button>"
        for number, title in enumerate(parts.targets)
    )
    legend = "".join(
        f'<li><span class="swatch c-{key}"></span>{text(words)}</li>' for key, words in parts.legend
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="generator" content="warmreach">'
        f"<title>{text(parts.title)}</title>"
        f"<style>{style}</style></head>\n"
        "<body><header>"
        f'<h1>{text(parts.title)}</h1><p class="note">{text(parts.subtitle)}</p>'
        '<nav aria-label="Sections"><a href="#network">Your network</a>'
        '<a href="#analysis">Who could refer you</a><a href="#plan">This week</a>'
        '<a href="#gaps">Where your network is thin</a></nav></header>\n'
        '<main><section id="network" aria-labelledby="network-h">'
        '<h2 id="network-h">Your network</h2>'
        f'<p class="note">{text(parts.drawn)}</p>'
        '<div class="controls" id="controls" hidden>'
        f'<div class="choose" role="group" aria-label="Show the routes to">{buttons}</div>'
        '<label>Find a person <input type="search" id="find" autocomplete="off"></label>'
        '<div class="zoom" role="group" aria-label="Zoom">'
        '<button type="button" id="zoom-in" aria-label="Zoom in">+</button>'
        '<button type="button" id="zoom-out" aria-label="Zoom out">&minus;</button>'
        '<button type="button" id="zoom-reset">Whole view</button></div>'
        '<span id="found" role="status"></span></div>'
        f'<div class="viewer"><div class="canvas">{parts.view}</div>'
        '<aside id="details" aria-live="polite"></aside></div>'
        f'<ul class="legend" aria-label="Legend">{legend}</ul></section>\n'
        f"{parts.sections}</main>\n"
        "<footer><p>Made by warmreach from your own network file, on your machine. The page "
        "loads nothing from anywhere and works offline; printed, the view is a picture "
        "and the tables run on.</p></footer>\n"
        f'<script type="application/json" id="data">{script_data(parts.data)}</script>\n'
        f"<script>{script}</script>\n"
        "</body></html>\n"
    )
