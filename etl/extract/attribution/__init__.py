"""Who said or reported a span of text: one engine for statements and figures (entry: engine.py)."""
