"""The ``kg`` command line: thin typer commands over :mod:`kg.api`."""
