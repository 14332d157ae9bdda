"""Page controls whose value lives in the URL, like the shared filters, so links keep them."""
from __future__ import annotations

import streamlit as st


def choice(label: str, options: dict[str, str], param: str, *, help: str | None = None) -> str:
    """A horizontal radio over `options` (value -> label); the first option is the default."""
    key = f"c_{param}"
    values = list(options)
    if key not in st.session_state or st.session_state[key] not in options:
        asked = st.query_params.get(param)
        st.session_state[key] = asked if asked in options else values[0]
    value = st.radio(label, values, format_func=options.__getitem__, key=key, horizontal=True, help=help)
    if value == values[0]:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value
    return value
