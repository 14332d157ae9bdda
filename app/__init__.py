"""The dashboard's logic: pages in pages/ stay thin and call these modules."""
