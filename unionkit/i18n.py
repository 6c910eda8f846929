"""gettext through babel: one merged catalog per language, Qt-free.

Source strings are English. Catalogs live in ``translations/<locale>/LC_MESSAGES/<domain>.po``,
one domain per area (core, members, ledger, votes, packets, ui) so that areas evolve
independently. ``python -m unionkit.i18n_tools compile`` builds the ``.mo`` files; from a source
checkout without them the ``.po`` files are read directly.

Rules (as Electrum's i18n): named ``{placeholders}`` with ``str.format`` only, never f-strings or
``%`` inside ``_()``. A test rejects a Spanish entry whose placeholders differ from the source.
"""

from __future__ import annotations

import gettext
import io
import locale as _pylocale
import os
import sys
import threading
from pathlib import Path

from unionkit.paths import translations_dir

DOMAINS = ("core", "members", "ledger", "votes", "packets", "ui")
DEFAULT_LANGUAGE = "es_MX"
# Language code -> (babel locale for formatting, catalog fallback chain).
LANGUAGES = {
    "es_MX": ("es_MX", ["es_MX", "es"]),
    "en": ("en_US", []),
}
LANGUAGE_NAMES = {"es_MX": "Español (México)", "en": "English"}

# Which catalog a source file's strings belong to: folders or ``<area>_`` file prefixes.
AREA_KEYS = {
    "members": ("members",),
    "ledger": ("ledger", "treasury", "report"),
    "votes": ("votes",),
    "packets": ("packets", "claims", "evidence"),
}

_lock = threading.Lock()
_current: gettext.NullTranslations = gettext.NullTranslations()
_by_domain: dict[str, gettext.NullTranslations] = {}
_module_domains: dict[str, str] = {}
_language = "en"


def domain_for(relpath: str) -> str:
    """The catalog domain of a source file, e.g. ``ui/treasury/page.py`` -> ``ledger``."""
    parts = Path(relpath).parts
    stem = Path(relpath).stem
    for area, keys in AREA_KEYS.items():
        if any(p in keys for p in parts[:-1]) or stem in keys or stem.startswith(tuple(k + "_" for k in keys)):
            return area
    return "ui" if "ui" in parts else "core"


def _domain_of_module(name: str) -> str:
    dom = _module_domains.get(name)
    if dom is None:
        dom = domain_for("/".join(name.split(".")[1:]) + ".py")
        _module_domains[name] = dom
    return dom


def normalize_language(code: str | None) -> str:
    """Map 'es', 'es_ES', 'es-MX', 'spanish' to es_MX; 'en*' to en; anything else to the default."""
    if not code:
        return DEFAULT_LANGUAGE
    c = code.replace("-", "_").split(".")[0].lower()
    if c.startswith("en"):
        return "en"
    if c.startswith("es"):
        return "es_MX"
    return DEFAULT_LANGUAGE


def _load_domain(lang_dir: Path, domain: str) -> gettext.GNUTranslations | None:
    mo = lang_dir / "LC_MESSAGES" / f"{domain}.mo"
    po = lang_dir / "LC_MESSAGES" / f"{domain}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if po.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fh:
            catalog = read_po(fh)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        return gettext.GNUTranslations(buf)
    return None


def build_translations(language: str, domains: tuple[str, ...] = DOMAINS) -> gettext.NullTranslations:
    """Chain the given domains of every locale in the fallback list, ending in the source strings."""
    _, chain = LANGUAGES[normalize_language(language)]
    result: gettext.NullTranslations | None = None
    root = translations_dir()
    for loc in chain:
        for domain in domains:
            t = _load_domain(root / loc, domain)
            if t is None:
                continue
            if result is None:
                result = t
            else:
                result.add_fallback(t)
    return result or gettext.NullTranslations()


def set_language(language: str | None) -> str:
    """Switch the process-wide language; returns the normalized code."""
    global _current, _language
    global _by_domain
    lang = normalize_language(language)
    t = build_translations(lang)
    # Each area looks in its own catalog first, so that "Status" may be "Estatus" for members and
    # "Estado" for a packet without a clash; anything missing falls back to the merged chain.
    by_domain = {}
    for dom in DOMAINS:
        own = build_translations(lang, (dom,))
        own.add_fallback(t)
        by_domain[dom] = own
    with _lock:
        _current = t
        _by_domain = by_domain
        _language = lang
    return lang


def language() -> str:
    return _language


def babel_locale() -> str:
    return LANGUAGES[_language][0]


def system_language() -> str:
    for var in ("UNIONKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        v = os.environ.get(var)
        if v and v not in ("C", "POSIX", "C.UTF-8"):
            return normalize_language(v.split(":")[0])
    try:
        loc = _pylocale.getlocale()[0]
    except ValueError:
        loc = None
    return normalize_language(loc)


def _caller_translations() -> gettext.NullTranslations:
    name = sys._getframe(2).f_globals.get("__name__", "")
    return _by_domain.get(_domain_of_module(name), _current)


def _(message: str) -> str:
    return _caller_translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _caller_translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _caller_translations().pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction; translate later with ``_()``."""
    return message


set_language(DEFAULT_LANGUAGE)
