"""eOffice desktop client: offline-first văn bản đến / đi for a provincial eOffice."""

__version__ = "0.1.0"
