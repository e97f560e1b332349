"""Search inside attachments: the text of cached PDFs read in a child process, bounded
in pages, time and memory (``extract``, ``worker``), and the background indexing that
keeps it in the cache for the local search (``indexer``; store/content.py)."""
