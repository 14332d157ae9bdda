"""Page controls whose value lives in the URL, like the shared filters, so links keep them."""
from __future__ import annotations

from typing import Callable

import streamlit as st


def _seeded(key: str, param: str, options: dict[str, str]) -> None:
    """A new session takes the control's value from the URL (else the first option)."""
    if key not in st.session_state or st.session_state[key] not in options:
        asked = st.query_params.get(param)
        st.session_state[key] = asked if asked in options else next(iter(options))


def _to_url(param: str, value: str, default: str) -> str:
    if value == default:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value
    return value


def _control(widget: Callable, label: str, options: dict[str, str], param: str, **kwargs) -> str:
    key = f"c_{param}"
    _seeded(key, param, options)
    value = widget(label, list(options), format_func=options.__getitem__, key=key, **kwargs)
    return _to_url(param, value, next(iter(options)))


def choice(label: str, options: dict[str, str], param: str, *, help: str | None = None) -> str:
    """A horizontal radio over `options` (value -> label); the first option is the default."""
    return _control(st.radio, label, options, param, horizontal=True, help=help)


def select(label: str, options: dict[str, str], param: str, *, help: str | None = None) -> str:
    """A select box over `options` (value -> label); the first option is the default."""
    return _control(st.selectbox, label, options, param, help=help)


def switch(label: str, param: str, *, help: str | None = None) -> bool:
    """A toggle, off by default; on is written to the URL as `param=1`."""
    key = f"c_{param}"
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(param) == "1"
    on = st.toggle(label, key=key, help=help)
    return _to_url(param, "1" if on else "0", "0") == "1"
