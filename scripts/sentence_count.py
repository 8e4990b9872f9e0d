#!/usr/bin/env python3
"""The peer scripts/bench sets beside `speechq -e 'sentences | filter TERM | count'`: the
straightforward way in Python. Reads every file under the given paths as UTF-8, splits the
text on 。！？ and prints how many pieces contain TERM.

Not the same count as speechq's: speechq leaves headings and residue out and splits sentences
by its own rules (quotes, ellipses, line ends); this is the plain baseline for speed.

usage: sentence_count.py TERM PATH...
"""
import os
import re
import sys

SENTENCE_END = re.compile("[。！？]")


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    yield os.path.join(root, name)
        else:
            yield path


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: sentence_count.py TERM PATH...")
    term, paths = sys.argv[1], sys.argv[2:]
    count = 0
    for path in files(paths):
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        count += sum(1 for sentence in SENTENCE_END.split(text) if term in sentence)
    print(count)


if __name__ == "__main__":
    main()
