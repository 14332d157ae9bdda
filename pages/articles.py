"""Articles: the filtered list, or one article with its figures and statements highlighted in its text."""
import pandas as pd
import streamlit as st

from app import db, evidence, queries, router, tables, view


router.enter_page()

current = view.with_data()
store, filters = current.store, current.filters
article_id = st.query_params.get("article")

if not article_id:
    st.title("Articles")
    st.caption("Open an article to see its figures and statements highlighted in its text.")
    tables.show(store, queries.articles(filters), name="articles", about="Articles matching the filters.",
                filters=filters, key="articles",
                columns=["published", "title", "source", "tags", "words", "figures", "statements"])
    st.stop()

st.page_link("pages/articles.py", label="All articles", icon=":material/arrow_back:",
             query_params=filters.to_params())
found = db.fetch(store, queries.article(article_id))
if found.empty:
    st.warning("There is no article with this id in the current data.")
    st.stop()
article = found.iloc[0]
st.title(evidence.escape_markdown(article["title"] or "(untitled)"))
published = "no date" if pd.isna(article["published"]) else f"{article['published']:%d %B %Y}"
st.caption(evidence.escape_markdown(" · ".join(
    x for x in (published, article["source"], article["tags"].replace(";", ", "), f"{article['words']:,} words",
                f"id {article['article_id']}") if x)))
if str(article["url"]).startswith(("https://", "http://")):
    st.link_button("Original article", article["url"], icon=":material/open_in_new:")

figures = db.fetch(store, queries.article_figures(article_id))
statements = db.fetch(store, queries.article_statements(article_id))
marked = st.query_params.get(tables.MARK_PARAM)
target = pd.concat([figures.loc[figures["figure_id"] == marked, "sentence"],
                    statements.loc[statements["statement_id"] == marked, "sentence"]]).head(1)
legend = (f":{evidence.COLORS[evidence.FIGURE]}-background[figure]  "
          f":{evidence.COLORS[evidence.STATEMENT]}-background[statement]  "
          f":{evidence.COLORS[evidence.FIGURE | evidence.STATEMENT]}-background[both]")
if not target.empty:
    legend += f"  :{evidence.TARGET_COLOR}-background[the row you opened]"
st.markdown(legend)
marks = ([(s, evidence.FIGURE) for s in figures["sentence"]]
         + [(s, evidence.STATEMENT) for s in statements["sentence"]]
         + [(s, evidence.TARGET) for s in target])
with st.container(border=True):
    parts = evidence.segments(article["text"], marks)
    at = next((i for i, part in enumerate(parts) if part.mark & evidence.TARGET), None)
    if at is None:
        st.markdown(evidence.to_markdown(parts))
    else:
        if at:
            st.markdown(evidence.to_markdown(parts[:at]))
        # The link a row opens ends in #<anchor>: the browser scrolls to this heading on load.
        st.subheader(":material/arrow_downward: The sentence of the row you opened", anchor=tables.MARK_ANCHOR)
        st.markdown(evidence.to_markdown(parts[at:]))

for label, frame, query in (("figures", figures, queries.article_figures(article_id)),
                            ("statements", statements, queries.article_statements(article_id))):
    st.subheader(f"{label.capitalize()} ({len(frame)})")
    if frame.empty:
        st.caption(f"No {label} were found in this article.")
    else:
        tables.show(store, query, name=f"article-{label}", about=f"The {label} extracted from one article.",
                    filters=filters, key=f"article-{label}", link=False)
