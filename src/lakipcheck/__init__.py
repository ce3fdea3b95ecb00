"""lakipcheck: read a LAKIP / LKjIP PDF, extract its tables and figures, cross-check them.

The pipeline runs one way, one stage a package:

    ingest  (PDF -> pages, words, lines, rules)
    layout  (pages -> sections, document identity)
    tables  (pages -> tables with cells, header, kind, engine)
    numbers (cell / sentence text -> typed figures with printed precision)
    model   (tables + sections -> typed report with provenance)
    rules   (report -> findings)
    report  (report / findings -> text, JSON)
    cli     (typer; wires the stages together)
"""

__version__ = "0.1.0"
