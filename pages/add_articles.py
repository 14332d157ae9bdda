"""Add articles: upload files, then run the ETL over the previous inputs plus the uploads."""
import time
from concurrent.futures import ThreadPoolExecutor

import streamlit as st

from app import db, router, uploads
from app.evidence import escape_markdown
from app.paths import public, shown
from etl.pipeline import RunFailed

router.enter_page()

st.title("Add articles")
folder = db.store_dir()
store = db.current_store()
if store is not None and store.parquet:
    # A Parquet copy on shared storage is published elsewhere; running the ETL here would write a
    # second, diverging store.duckdb into the shared folder.
    st.info("This dashboard reads a Parquet copy of a store (for example on shared storage). Add articles "
            "where the store is built: `python3 -m etl --input ... --output DIR`, then copy `DIR/parquet/` again.")
    st.stop()
target = uploads.uploads_dir(folder)
st.markdown("Upload article files; they are saved in the store's folder, under the folder below, and loaded "
            "together with the inputs "
            "of the previous ETL run. Formats: " + ", ".join(f"`{e}`" for e in uploads.ALLOWED)
            + f"; at most {uploads.MAX_BYTES // 2**20} MB per file.")
st.code(f"{target.name}/", language=None)

if "upload_round" not in st.session_state:
    st.session_state.upload_round = 0

# No `type=`: Streamlit would check names itself before this page runs, and a name it refuses (a
# NUL byte from a crafted client) would replace the page with a traceback. uploads.refusal checks
# every file's name, type and size, and says why in a line.
files = st.file_uploader("Article files", accept_multiple_files=True,
                         key=f"uploader-{st.session_state.upload_round}",
                         help="Formats: " + ", ".join(uploads.ALLOWED)) or []
accepted, refused = [], []
for f in files:
    reason = uploads.refusal(f.name, f.size)
    if reason:
        refused.append((f.name, reason))
    else:
        accepted.append(f)
for name, reason in refused:
    st.error(f"{escape_markdown(name)}: {reason}", icon=":material/block:")

meta = db.meta(store) if store is not None and db.problem(store) is None else {}
inputs, missing = uploads.run_inputs(folder, meta)
if missing:
    st.warning("These inputs of the previous run no longer exist, so their articles will leave the store: "
               + escape_markdown(", ".join(shown(m, missing) for m in missing)))


def _request_run() -> None:
    # A callback, not the button's return value: it survives the router's first-visit re-run.
    st.session_state.add_requested = True


if accepted:
    st.button(f"Add {len(accepted)} file{'s' if len(accepted) != 1 else ''} and run the ETL", type="primary",
              icon=":material/play_arrow:", on_click=_request_run)
if st.session_state.pop("add_requested", False) and accepted:
    saved = [uploads.save(target, f.name, f.getvalue()) for f in accepted]
    for s in saved:
        if s.status != "saved":
            note = "already uploaded, unchanged" if s.status == "unchanged" else "a different file had its name"
            st.caption(escape_markdown(f"{s.name} → {s.path.name} ({note})"))
    messages: list[str] = []
    with st.status("Running the ETL…", expanded=True) as status:
        st.text("Inputs: " + ", ".join(shown(i, inputs) for i in inputs))
        # The run goes on in a worker thread, so this page can show that it is alive; if the user
        # leaves the page, the run still finishes and publishes (shutdown does not wait for it).
        pool = ThreadPoolExecutor(max_workers=1)
        files_done = [0, 1]

        def follow(done: int, total: int) -> None:
            files_done[:] = [done, max(total, 1)]

        job = pool.submit(uploads.add, folder, [s.path for s in saved], messages.append, follow)
        pool.shutdown(wait=False)
        started, bar, ticker = time.monotonic(), st.progress(0.0), st.empty()
        while not job.done():
            done, total = files_done
            bar.progress(done / total, text=f"{done} of {total} input files")
            ticker.text(f"{time.monotonic() - started:.0f} s elapsed"
                        + (f" · {public(messages[-1], folder)}" if messages else ""))
            time.sleep(0.5)
        bar.empty()
        ticker.empty()
        try:
            st.session_state.add_outcome = job.result()
            status.update(label="The ETL finished", state="complete", expanded=False)
        except Exception as exc:  # the ETL's own failure is shown as a message, not a traceback
            st.session_state.add_outcome = None
            status.update(label="The ETL failed", state="error")
            why = str(exc) if isinstance(exc, RunFailed) else f"{type(exc).__name__}: {exc}"
            st.error(escape_markdown(public(f"The ETL could not run: {why}", folder)))
        for message in messages:
            st.text(public(message, folder))
    if st.session_state.add_outcome is not None:
        # A fresh run of the page: an empty uploader, and filters that know the new data.
        st.session_state.upload_round += 1
        st.rerun()

outcome = st.session_state.get("add_outcome")
if outcome is not None:
    st.subheader("Result of the last run")
    st.text(outcome.summary)
    st.markdown(f"**Added: {len(outcome.added)} article{'s' if len(outcome.added) != 1 else ''}**")
    if not outcome.added.empty:
        st.dataframe(outcome.added, hide_index=True, column_config={
            "published": st.column_config.DateColumn("published", format="YYYY-MM-DD")})
    st.markdown(f"**Not loaded: {len(outcome.rejected)} item{'s' if len(outcome.rejected) != 1 else ''}**")
    if not outcome.rejected.empty:
        st.dataframe(outcome.rejected, hide_index=True, column_config={
            "reason": st.column_config.TextColumn("reason", width="large")})
