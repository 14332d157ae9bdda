"""War-news ETL: articles in, tidy tables (articles, figures, statements) out."""
