"""Compiles Typst source from standard input into a PDF on standard output.

Paragraf's documents are written as Typst source by ParagrafRender; this helper only runs the
compiler (PyPI's `typst` package, a binding of the Typst compiler) so that the Swift side needs
no compiler of its own.

Arguments: --root DIR (where files the source includes live), --standard a-2b (repeatable),
--timestamp SECONDS (the document's date, so that the same record always gives the same bytes).
"""
import argparse
import datetime
import os
import sys
import tempfile

try:
    import typst
except ImportError:
    sys.stderr.write("Python-paketet typst saknas: installera det med 'pip install typst' (scripts/install-deps gör det).\n")
    sys.exit(3)

parser = argparse.ArgumentParser()
parser.add_argument("--root", required=True)
parser.add_argument("--standard", action="append", default=[])
parser.add_argument("--timestamp", type=int)
args = parser.parse_args()

source = sys.stdin.buffer.read()
with tempfile.NamedTemporaryFile(suffix=".typ", dir=args.root, delete=False) as handle:
    handle.write(source)
    path = handle.name
try:
    options = {"root": args.root}
    if args.standard:
        options["pdf_standards"] = args.standard
    if args.timestamp is not None:
        options["timestamp"] = args.timestamp
    pdf = typst.compile(path, **options)
except Exception as error:  # the compiler's message says what and where
    sys.stderr.write(f"Typst: {error}\n")
    sys.exit(2)
finally:
    os.unlink(path)
sys.stdout.buffer.write(pdf)
