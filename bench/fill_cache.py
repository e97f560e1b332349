"""Fill a profile's cache with generated documents through the sync's bulk upsert path.

    python -m bench.fill_cache --profile DIR --documents N --seed S [--user chuyenvien]

For benchmarks and for trying the CLI without a server (``eoffice-client --profile DIR
list``). The organisation's users, units and catalogue go in first, "me" is set to the
sample account ``--user`` (so the boxes are that user's), then the documents, one
transaction per page of ``--page`` documents, exactly as the sync applies a feed page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from eoffice_client.config import Profile
from eoffice_client.core.store.engine import open_store
from eoffice_client.sandbox.sample_cache import PAGE, fill_store


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fill_cache", description=__doc__)
    parser.add_argument("--profile", required=True, metavar="DIR")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--user", default="chuyenvien", help="sample account whose boxes to use")
    parser.add_argument("--page", type=int, default=PAGE, help="documents per transaction")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="anchor date of the sample data (default: today in Vietnam)")
    args = parser.parse_args(argv)
    profile = Profile.at(Path(args.profile))
    with open_store(profile.db_path) as store:
        if store.recovery is not None:
            print(store.recovery.message("en"), file=sys.stderr)
        result = fill_store(store, args.documents, args.seed, user=args.user,
                            page=args.page, today=args.today)
    print(f"filled {profile.db_path} with {result['documents']} documents in "
          f"{result['seconds']:.1f} s ({result['per_second']:.0f}/s) as {args.user}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
