"""What a page shows instead of data: how to get articles in, never a traceback."""
from __future__ import annotations

import streamlit as st

from app.texts import ETL_COMMAND

ADD_PAGE = "pages/add_articles.py"


def how_to_add_articles(reason: str) -> None:
    st.info(reason, icon=":material/info:")
    st.markdown("To load articles, run the ETL from the project folder:")
    st.code(ETL_COMMAND, language="bash")
    st.page_link(ADD_PAGE, label="…or upload article files on the Add articles page",
                 icon=":material/upload_file:")


def no_match() -> None:
    st.info("Nothing matches the current filters. Widen them in the sidebar, or add articles that "
            f"cover what you are looking for: run `{ETL_COMMAND}` with your files as input, or upload "
            "them on the Add articles page.", icon=":material/filter_alt_off:")
    st.page_link(ADD_PAGE, label="Add articles", icon=":material/upload_file:")
