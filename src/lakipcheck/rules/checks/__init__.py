"""Check primitives, one module per family. Importing this package imports every module in it, which
registers its primitives with :mod:`lakipcheck.rules.registry`."""

import importlib
import pkgutil

for _mod in pkgutil.iter_modules(__path__):
    if not _mod.name.startswith("_") and _mod.name != "common":
        importlib.import_module(f"{__name__}.{_mod.name}")
